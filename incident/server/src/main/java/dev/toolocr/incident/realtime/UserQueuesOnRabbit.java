package dev.toolocr.incident.realtime;

import java.util.regex.Pattern;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

/**
 * With the relay, a user queue resolved for one socket ({@code /queue/notifications-user{session}})
 * goes to RabbitMQ as {@code /topic/notifications-user{session}}. On RabbitMQ a {@code /queue/}
 * destination is a durable queue that outlives the socket, and every send would declare one again;
 * a {@code /topic/} one is an exclusive queue bound while the socket is subscribed, and a send to a
 * socket that is gone is simply dropped. Clients still see {@code /user/queue/...}.
 */
final class UserQueuesOnRabbit implements ChannelInterceptor {

    private static final Pattern RESOLVED = Pattern.compile("/queue/(notifications|errors)-user[A-Za-z0-9_-]+");

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor headers = MessageHeaderAccessor.getAccessor(message, SimpMessageHeaderAccessor.class);
        String destination = headers == null ? null : headers.getDestination();
        if (destination == null || !RESOLVED.matcher(destination).matches()) {
            return message;
        }
        SimpMessageHeaderAccessor moved = SimpMessageHeaderAccessor.wrap(message);
        moved.setDestination("/topic/" + destination.substring("/queue/".length()));
        moved.setNativeHeader("destination", moved.getDestination());
        moved.setLeaveMutable(true);
        return MessageBuilder.createMessage(message.getPayload(), moved.getMessageHeaders());
    }
}
