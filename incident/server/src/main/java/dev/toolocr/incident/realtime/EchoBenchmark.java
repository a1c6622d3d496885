package dev.toolocr.incident.realtime;

import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Controller;
import org.springframework.util.MimeTypeUtils;

/**
 * The benchmark's ceiling (bench/stomp): {@code SEND /app/echo.{n}} comes straight back to the
 * subscribers of {@code /topic/echo.{n}}, through the same sockets, security checks and broker as
 * a room's messages but without the database. Exists only with the Spring profile
 * {@code stomp-echo-bench}; without it there is neither the handler nor the subscription.
 */
@Controller
@Profile(EchoBenchmark.PROFILE)
class EchoBenchmark {

    static final String PROFILE = "stomp-echo-bench";

    static final Pattern TOPIC = Pattern.compile("/topic/echo\\.[0-9]{1,4}");

    private static final int MAX_BODY = 4096;

    private final SimpMessagingTemplate broker;

    EchoBenchmark(SimpMessagingTemplate broker) {
        this.broker = broker;
    }

    @MessageMapping("echo.{n}")
    void echo(@DestinationVariable String n, Message<byte[]> frame) {
        String destination = "/topic/echo." + n;
        if (!TOPIC.matcher(destination).matches() || frame.getPayload().length > MAX_BODY) {
            return;
        }
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        broker.send(destination, MessageBuilder.createMessage(frame.getPayload(), headers.getMessageHeaders()));
    }
}
