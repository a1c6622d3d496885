package dev.toolocr.incident.realtime;

import java.util.Optional;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/** Drops a room's frames on their way to a session that no longer may read that room. */
@Component
class RoomFrameFilter implements ChannelInterceptor {

    private final Subscriptions subscriptions;

    RoomFrameFilter(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor headers = MessageHeaderAccessor.getAccessor(message, SimpMessageHeaderAccessor.class);
        if (headers == null || headers.getMessageType() != SimpMessageType.MESSAGE) {
            return message;
        }
        Optional<String> room = Destinations.roomOf(headers.getDestination());
        if (room.isPresent() && !subscriptions.allowed(headers.getSessionId(), room.get())) {
            return null;
        }
        return message;
    }
}
