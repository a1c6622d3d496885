package dev.toolocr.incident.realtime;

import dev.toolocr.incident.rooms.RoomAccess;
import dev.toolocr.platform.auth.CurrentUser;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Drops a room's frames on their way to a session that no longer may read that room. A membership
 * or visibility change is itself a frame of the room: on one, the session's access is read again,
 * so a removal takes effect on every process at the removal's own seq, even if the announcement of
 * it ({@link RoomAccessEnded}) is still on its way.
 */
@Component
class RoomFrameFilter implements ChannelInterceptor {

    private static final Set<String> ACCESS_CHANGES = Set.of("member.changed", "room.updated");

    private final Subscriptions subscriptions;
    private final RoomAccess access;
    private final ObjectProvider<Broadcaster> broadcaster;

    RoomFrameFilter(Subscriptions subscriptions, RoomAccess access, ObjectProvider<Broadcaster> broadcaster) {
        this.subscriptions = subscriptions;
        this.access = access;
        this.broadcaster = broadcaster;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor headers = MessageHeaderAccessor.getAccessor(message, SimpMessageHeaderAccessor.class);
        if (headers == null || headers.getMessageType() != SimpMessageType.MESSAGE) {
            return message;
        }
        Optional<String> room = Destinations.roomOf(headers.getDestination());
        if (room.isEmpty()) {
            return message;
        }
        String sessionId = headers.getSessionId();
        if (!subscriptions.allowed(sessionId, room.get())) {
            return null;
        }
        String type = headers.getFirstNativeHeader(Broadcaster.EVENT_TYPE_HEADER);
        if (type != null && ACCESS_CHANGES.contains(type)) {
            CurrentUser user = subscriptions.user(sessionId);
            if (user == null || !access.canRead(user, room.get())) {
                if (subscriptions.forbid(sessionId, room.get())) {
                    broadcaster.getObject().accessEnded(sessionId, user.id(), room.get());
                }
                return null;
            }
        }
        return message;
    }
}
