package dev.toolocr.incident.realtime;

import dev.toolocr.incident.rooms.RoomAccess;
import dev.toolocr.incident.rooms.RoomEvents;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
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
 */
@Component
class Broadcaster {

    private final SimpMessagingTemplate broker;
    private final Subscriptions subscriptions;
    private final RoomAccess access;

    Broadcaster(SimpMessagingTemplate broker, Subscriptions subscriptions, RoomAccess access) {
        this.broker = broker;
        this.subscriptions = subscriptions;
        this.access = access;
    }

    @TransactionalEventListener
    void recorded(RoomEvents.Recorded event) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        broker.send(
                Destinations.events(event.roomId()),
                MessageBuilder.createMessage(
                        event.json().getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders()));
    }

    @TransactionalEventListener
    void notified(RoomEvents.UserNotified event) {
        broker.convertAndSendToUser(event.userId(), "/queue/notifications", event.notification());
    }

    /** A named person removed, or (no e-mail) a room made restricted: re-check who may still read it. */
    @TransactionalEventListener
    void revoked(RoomEvents.AccessRevoked event) {
        Set<String> users = subscriptions.revoke(
                event.roomId(),
                (user, room) -> event.email() != null
                        ? Subscriptions.sameEmail(user, event.email())
                        : !access.canRead(user, room));
        for (String userId : users) {
            broker.convertAndSendToUser(
                    userId, "/queue/notifications", Map.of("type", "room.access_ended", "room_id", event.roomId()));
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        subscriptions.disconnected(event.getSessionId());
    }
}
