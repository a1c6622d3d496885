package dev.toolocr.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
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

/** Real STOMP clients over a real WebSocket for tests; closing disconnects every session opened. */
public final class StompClients implements AutoCloseable {

    private final ThreadPoolTaskScheduler receipts = new ThreadPoolTaskScheduler();
    private final WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
    private final List<StompSession> open = new ArrayList<>();
    private final int port;

    public StompClients(int port) {
        this.port = port;
        receipts.initialize();
        client.setMessageConverter(new CompositeMessageConverter(
                List.of(new StringMessageConverter(), new MappingJackson2MessageConverter())));
        client.setTaskScheduler(receipts);
    }

    /** A session of someone holding {@code accessToken}. */
    public StompSession connect(String accessToken) throws Exception {
        StompHeaders connect = new StompHeaders();
        connect.add("Authorization", "Bearer " + accessToken);
        StompSession s = client.connectAsync(
                        "ws://localhost:" + port + "/ws",
                        new WebSocketHttpHeaders(),
                        connect,
                        new StompSessionHandlerAdapter() {})
                .get(10, TimeUnit.SECONDS);
        open.add(s);
        return s;
    }

    /** Subscribes and waits for the server's receipt, so nothing sent afterwards can be missed. */
    public BlockingQueue<JsonNode> subscribe(StompSession session, String destination) throws Exception {
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
        receipt.get(10, TimeUnit.SECONDS);
        return frames;
    }

    /** A person's notification queue, subscribed. */
    public BlockingQueue<JsonNode> notifications(String accessToken) throws Exception {
        return subscribe(connect(accessToken), "/user/queue/notifications");
    }

    @Override
    public void close() {
        open.stream().filter(StompSession::isConnected).forEach(StompSession::disconnect);
        receipts.shutdown();
    }
}
