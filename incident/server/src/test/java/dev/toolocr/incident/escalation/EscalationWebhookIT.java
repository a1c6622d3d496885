package dev.toolocr.incident.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.toolocr.incident.ServerProcess;
import dev.toolocr.incident.TestClock;
import dev.toolocr.incident.rooms.Codes.Visibility;
import dev.toolocr.incident.rooms.MessageService;
import dev.toolocr.incident.rooms.RoomDtos.CreateRoom;
import dev.toolocr.incident.rooms.RoomService;
import dev.toolocr.incident.templates.TemplateService;
import dev.toolocr.incident.templates.TemplateView;
import dev.toolocr.platform.auth.CurrentUser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The outgoing webhook against a real local HTTP server: the JSON body and its signature, a stuck
 * receiver that holds up nothing in the room, timeouts and failures retried a bounded number of
 * times with the same delivery id, and neither the URL's token nor the secret in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class EscalationWebhookIT {

    private static final String SECRET = "webhook-signing-secret-7f3a";
    private static final String URL_TOKEN = "url-token-4c9d";

    private final TestClock clock = TestClock.frozenAt(Instant.parse("2026-11-23T09:00:00Z"));
    private final ObjectMapper json = new ObjectMapper();
    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private volatile IntSupplier answer = () -> 204;
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final String database =
            "jdbc:h2:mem:webhook-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
    private final String dataDir = "target/webhook-it-" + UUID.randomUUID();
    private HttpServer receiver;
    private ConfigurableApplicationContext app;

    record Call(JsonNode body, String delivery, String signature, String contentType, byte[] raw) {}

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/hook", this::receive);
        receiver.start();
        app = startServer();
    }

    private ConfigurableApplicationContext startServer() {
        return ServerProcess.start(
                database,
                dataDir,
                clock,
                "incident.escalation.poll-interval=100ms",
                "incident.escalation.webhook.url=http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook?token=" + URL_TOKEN,
                "incident.escalation.webhook.secret=" + SECRET,
                "incident.escalation.webhook.timeout=1s",
                "incident.escalation.webhook.max-attempts=3",
                "incident.escalation.webhook.retry-backoff=1s");
    }

    @AfterEach
    void stop() {
        hold.countDown();
        app.close();
        receiver.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        calls.add(new Call(
                json.readTree(raw),
                exchange.getRequestHeaders().getFirst("X-Incident-Delivery"),
                exchange.getRequestHeaders().getFirst("X-Incident-Signature"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                raw));
        try {
            hold.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(answer.getAsInt(), -1);
        exchange.close();
    }

    @Test
    void aStepIsPostedAsSignedJsonAndAStuckReceiverHoldsUpNothingInTheRoom() throws Exception {
        hold = new CountDownLatch(1);
        CurrentUser reporter = user();
        String room = roomFromTemplate(reporter, "Hopper jam");
        long seq = app.getBean(RoomService.class).get(reporter, room).lastSeq();

        clock.advance(Duration.ofMinutes(2));
        Call call = calls.poll(10, TimeUnit.SECONDS);
        assertThat(call).isNotNull();
        // The receiver has not answered yet: the room takes messages all the same.
        MessageService messages = app.getBean(MessageService.class);
        messages.send(reporter, room, new MessageService.SendMessage("still jammed", null, null, null));
        assertThat(hold.getCount()).isEqualTo(1);
        hold.countDown();

        assertThat(call.contentType()).isEqualTo("application/json");
        assertThat(call.signature()).isEqualTo("sha256=" + WebhookSender.sign(call.raw(), SECRET));
        JsonNode body = call.body();
        assertThat(body.path("type").asText()).isEqualTo("incident.escalated");
        assertThat(body.path("delivery_id").asText()).isEqualTo(call.delivery());
        assertThat(body.path("room").path("id").asText()).isEqualTo(room);
        assertThat(body.path("room").path("title").asText()).isEqualTo("Hopper jam");
        assertThat(body.path("room").path("line").asText()).isEqualTo("L7");
        assertThat(body.path("room").path("severity").asText()).isEqualTo("high");
        assertThat(body.path("step").path("number").asInt()).isEqualTo(1);
        assertThat(body.path("step").path("after_minutes").asInt()).isEqualTo(1);
        assertThat(body.path("notify_emails").get(0).asText()).isEqualTo("duty.lead@example.com");
        assertThat(messages.events(reporter, room, seq, 10)
                        .events()
                        .get(0)
                        .path("message")
                        .path("content")
                        .asText())
                .startsWith("Escalated");
        assertThat(calls.poll(1500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void anArmedStepFiresAfterARestart() throws Exception {
        CurrentUser reporter = user();
        String room = roomFromTemplate(reporter, "Labeler offline");
        app.close();
        clock.advance(Duration.ofMinutes(2));
        assertThat(calls.poll(500, TimeUnit.MILLISECONDS)).isNull();

        app = startServer();
        Call call = calls.poll(20, TimeUnit.SECONDS);
        assertThat(call).isNotNull();
        assertThat(call.body().path("room").path("id").asText()).isEqualTo(room);
        assertThat(calls.poll(1500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aTimeoutAndAnErrorAreRetriedWithTheSameDeliveryUntilTheReceiverTakesIt(CapturedOutput log) throws Exception {
        int[] seen = {0};
        answer = () -> ++seen[0] == 2 ? 503 : 204;
        hold = new CountDownLatch(1); // the first call outlives the 1 s timeout
        roomFromTemplate(user(), "Feeder misaligned");

        clock.advance(Duration.ofMinutes(2));
        Call first = calls.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        Thread.sleep(1500); // past the attempt's timeout: the client has given up on it
        hold.countDown();
        Call second = nextCall();
        assertThat(second).isNotNull();
        Call third = nextCall();
        assertThat(third).isNotNull();
        clock.advance(Duration.ofMinutes(10));
        assertThat(calls.poll(1500, TimeUnit.MILLISECONDS)).isNull();

        assertThat(List.of(first.delivery(), second.delivery(), third.delivery()))
                .containsOnly(first.delivery());
        assertThat(second.raw()).isEqualTo(first.raw());
        assertThat(log.getOut() + log.getErr())
                .contains("Escalation webhook to 127.0.0.1 failed (attempt 1 of 3")
                .contains("HttpTimeoutException")
                .contains("HTTP 503")
                .doesNotContain(URL_TOKEN)
                .doesNotContain(SECRET);
    }

    @Test
    void aReceiverThatKeepsFailingIsGivenUpAfterTheLastAttempt(CapturedOutput log) throws Exception {
        answer = () -> 500;
        roomFromTemplate(user(), "Oven over temperature");

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(nextCall()).as("attempt %d", attempt).isNotNull();
        }
        clock.advance(Duration.ofHours(2));
        assertThat(calls.poll(1500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(log.getOut() + log.getErr())
                .contains("given up after 3 attempts")
                .doesNotContain(URL_TOKEN)
                .doesNotContain(SECRET);
    }

    /** The receiver's next call, moving the clock on until the sender's next attempt is due. */
    private Call nextCall() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            Call c = calls.poll(100, TimeUnit.MILLISECONDS);
            if (c != null) {
                return c;
            }
            clock.advance(Duration.ofMinutes(5));
        }
        return null;
    }

    private String roomFromTemplate(CurrentUser reporter, String title) {
        String template = app.getBean(TemplateService.class)
                .create(
                        new CurrentUser(UUID.randomUUID().toString(), "admin@localhost", "Admin", true, "s"),
                        new TemplateView.Body(
                                "Webhook " + UUID.randomUUID(),
                                "material",
                                "high",
                                null,
                                null,
                                List.of(),
                                List.of(),
                                List.of(new TemplateView.EscalationStep(1, List.of("duty.lead@example.com")))))
                .id();
        return app.getBean(RoomService.class)
                .create(
                        reporter,
                        new CreateRoom(
                                title,
                                null,
                                "L7",
                                null,
                                "feeder-" + UUID.randomUUID(),
                                null,
                                null,
                                null,
                                Visibility.OPEN,
                                template,
                                null,
                                null))
                .id();
    }

    private static CurrentUser user() {
        String id = UUID.randomUUID().toString();
        return new CurrentUser(id, "reporter-" + id.substring(0, 6) + "@example.com", "Reporter", false, "s-" + id);
    }
}
