package dev.toolocr.incident.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** A real STOMP-over-WebSocket client, as a browser tab would be one. */
final class StompPeer implements AutoCloseable {

    /** ERROR frames, and whether the socket went away. */
    static final class Inbox extends StompSessionHandlerAdapter {
        final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        final CompletableFuture<Throwable> lost = new CompletableFuture<>();

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errors.add(String.valueOf(headers.getFirst("message")));
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return String.class;
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            lost.complete(exception);
        }
    }

    final StompSession session;
    final Inbox inbox;
    private final ThreadPoolTaskScheduler scheduler;

    private StompPeer(StompSession session, Inbox inbox, ThreadPoolTaskScheduler scheduler) {
        this.session = session;
        this.inbox = inbox;
        this.scheduler = scheduler;
    }

    static StompPeer connect(IncidentNode node, String token) throws Exception {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.initialize();
        WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
        client.setMessageConverter(new CompositeMessageConverter(
                List.of(new StringMessageConverter(), new MappingJackson2MessageConverter())));
        client.setTaskScheduler(scheduler);
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + token);
        Inbox inbox = new Inbox();
        StompSession s = client.connectAsync(node.ws(), new WebSocketHttpHeaders(), connect, inbox)
                .get(20, TimeUnit.SECONDS);
        return new StompPeer(s, inbox, scheduler);
    }

    /** Subscribes and waits for the broker's receipt: anything sent afterwards arrives live. */
    BlockingQueue<JsonNode> subscribe(String destination) throws Exception {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        session.setAutoReceipt(true);
        CompletableFuture<Void> receipt = new CompletableFuture<>();
        StompSession.Subscription sub = session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                frames.add((JsonNode) payload);
            }
        });
        sub.addReceiptTask(() -> receipt.complete(null));
        sub.addReceiptLostTask(
                () -> receipt.completeExceptionally(new AssertionError("no receipt for " + destination)));
        receipt.get(20, TimeUnit.SECONDS);
        return frames;
    }

    void send(String destination, Map<String, Object> body) {
        session.send(destination, body);
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
        scheduler.shutdown();
    }
}
