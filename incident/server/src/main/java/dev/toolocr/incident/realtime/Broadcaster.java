package dev.toolocr.incident.realtime;

import dev.toolocr.incident.rooms.RoomAccess;
import dev.toolocr.incident.rooms.RoomEvents;
import dev.toolocr.platform.events.SharedEvents;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Sends what the rooms feature recorded, after its transaction committed: a frame is never broadcast
 * for an event that could still roll back, and its body is byte for byte the events feed's entry.
 * With the broker down the frame is dropped, never the request: the event is in the database and
 * clients catch up by seq once they reconnect.
 */
@Component
class Broadcaster {

    /** The event's type on every room frame, so that the outbound filter can spot membership changes. */
    static final String EVENT_TYPE_HEADER = "event-type";

    private static final Logger log = LoggerFactory.getLogger(Broadcaster.class);

    private final SimpMessagingTemplate broker;
    private final Subscriptions subscriptions;
    private final RoomAccess access;
    private final SharedEvents shared;

    Broadcaster(SimpMessagingTemplate broker, Subscriptions subscriptions, RoomAccess access, SharedEvents shared) {
        this.broker = broker;
        this.subscriptions = subscriptions;
        this.access = access;
        this.shared = shared;
    }

    @TransactionalEventListener
    void recorded(RoomEvents.Recorded event) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setNativeHeader(EVENT_TYPE_HEADER, event.type());
        headers.setLeaveMutable(true);
        deliver(() -> broker.send(
                Destinations.events(event.roomId()),
                MessageBuilder.createMessage(
                        event.json().getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders())));
    }

    @TransactionalEventListener
    void notified(RoomEvents.UserNotified event) {
        deliver(() -> broker.convertAndSendToUser(event.userId(), "/queue/notifications", event.notification()));
    }

    /** Every process holds sockets of its own: each re-checks them. */
    @TransactionalEventListener
    void revoked(RoomEvents.AccessRevoked event) {
        shared.publish(new RoomAccessEnded(event.roomId(), event.email()));
    }

    @EventListener
    void accessEnded(RoomAccessEnded event) {
        for (Subscriptions.Session s : subscriptions.revoke(
                event.roomId(),
                (user, room) -> event.email() != null
                        ? Subscriptions.sameEmail(user, event.email())
                        : !access.canRead(user, room))) {
            accessEnded(s.id(), s.user().id(), event.roomId());
        }
    }

    /** Tells one socket that a room it was subscribed to is no longer readable for it. */
    void accessEnded(String sessionId, String userId, String roomId) {
        SimpMessageHeaderAccessor to = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        to.setSessionId(sessionId);
        to.setLeaveMutable(true);
        deliver(() -> broker.convertAndSendToUser(
                userId,
                "/queue/notifications",
                Map.of("type", "room.access_ended", "room_id", roomId),
                to.getMessageHeaders()));
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        subscriptions.disconnected(event.getSessionId());
    }

    private static void deliver(Runnable send) {
        try {
            send.run();
        } catch (MessagingException e) {
            log.warn("A frame was not sent, the message broker is not available ({})", e.getMessage());
        }
    }
}
