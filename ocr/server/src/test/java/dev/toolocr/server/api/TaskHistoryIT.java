package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.server.api.ApiClient.Reply;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Limits, renaming, export and live events, each with its error path, over real HTTP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:task-history;DB_CLOSE_DELAY=-1",
            "tool-ocr.tasks.max-tasks-per-user=3"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskHistoryIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    ApiClient api;

    @BeforeAll
    void setUp() {
        api = new ApiClient(port);
    }

    private String newUser(String name) throws Exception {
        String admin = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        String email = name + System.nanoTime() + "@example.com";
        directory.createLocalUser(email, name, "Password-for-" + name, admin);
        return api.token(email, "Password-for-" + name);
    }

    @Test
    void refusesTheTaskBeyondMaxTasksPerUser() throws Exception {
        String token = newUser("limit");
        for (int i = 0; i < 3; i++) {
            assertThat(api.upload(token, "p" + i + ".png", ApiClient.corpus("typewriter.png"), "start=false")
                            .status())
                    .isEqualTo(201);
        }
        Reply fourth = api.upload(token, "p3.png", ApiClient.corpus("typewriter.png"), "start=false");
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.json().path("type").asText()).isEqualTo("urn:tool-ocr:problem:task-limit-reached");
    }

    @Test
    void renamesAnyTaskButChangesOptionsOnlyWhilePending() throws Exception {
        String token = newUser("rename");
        String id = api.upload(token, "draft.png", ApiClient.corpus("typewriter.png"), "start=false")
                .json()
                .at("/tasks/0/task_id")
                .asText();

        Reply renamed = api.send(
                "PATCH",
                "/api/v2/tasks/" + id,
                token,
                "{\"filename\":\"../../Final\\u202E.png\",\"lang\":\"eng+chi_tra\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("filename").asText()).isEqualTo("Final.png");
        assertThat(renamed.json().at("/options/lang").asText()).isEqualTo("eng+chi_tra");

        assertThat(api.send("POST", "/api/v2/tasks/" + id + "/cancel", token, null)
                        .status())
                .isEqualTo(200);
        Reply late = api.send("PATCH", "/api/v2/tasks/" + id, token, "{\"lang\":\"eng\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("current_status").asText()).isEqualTo("cancelled");
        assertThat(api.send("PATCH", "/api/v2/tasks/" + id, token, "{\"lang\":\"eng;rm\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void exportsOnlyTheCallersHistoryAsCsvAndJson() throws Exception {
        String alice = newUser("exporter");
        String bob = newUser("other");
        api.upload(alice, "=HYPERLINK(evil).png", ApiClient.corpus("typewriter.png"), "start=false");
        api.upload(bob, "bobs-secret.png", ApiClient.corpus("typewriter.png"), "start=false");

        Reply csv = api.send("POST", "/api/v2/tasks/history/export?format=csv", alice, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("task_id,filename,status")
                .contains("\"'=HYPERLINK(evil).png\"")
                .doesNotContain("bobs-secret");

        Reply json = api.send("POST", "/api/v2/tasks/history/export", alice, "{\"format\":\"json\"}");
        assertThat(json.json().path("tasks")).hasSize(1);
        assertThat(api.send("POST", "/api/v2/tasks/history/export?format=xml", alice, null)
                        .status())
                .isEqualTo(400);
        assertThat(api.send("POST", "/api/v2/tasks/history/export", null, null).status())
                .isEqualTo(401);
    }

    @Test
    void liveEventsReachTheOwnerOnly() throws Exception {
        String alice = newUser("watcher");
        String bob = newUser("stranger");
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<String> aliceStream = readEvents(http, alice, new CompletableFuture<>());
        // Bob's stream stays open until a second after Alice's has seen the end: long enough for a
        // leaked event to reach him, however slowly the machine runs the OCR.
        CompletableFuture<String> bobStream = readEvents(
                http,
                bob,
                aliceStream.thenCompose(seen ->
                        CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))));
        Thread.sleep(500);

        String id = api.upload(alice, "live.png", ApiClient.corpus("typewriter.png"), "formats=txt&lang=eng")
                .json()
                .at("/tasks/0/task_id")
                .asText();
        api.awaitFinished(alice, id, 120_000);

        String aliceEvents = aliceStream.get(60, TimeUnit.SECONDS);
        assertThat(aliceEvents).contains(id).contains("\"status\":\"completed\"");
        String bobEvents = bobStream.get(60, TimeUnit.SECONDS);
        assertThat(bobEvents).doesNotContain(id);
        assertThat(api.send("GET", "/api/v2/tasks/events", null, null).status()).isEqualTo(401);
    }

    /**
     * Reads the SSE stream until a completed event arrives, {@code stop} completes, or three minutes
     * pass (the task itself is awaited for two).
     */
    private CompletableFuture<String> readEvents(HttpClient http, String token, CompletableFuture<?> stop) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/tasks/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        return CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try {
                HttpResponse<java.io.InputStream> response =
                        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (BufferedReader reader =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    CompletableFuture<Object> timeout = CompletableFuture.anyOf(
                            stop,
                            CompletableFuture.runAsync(
                                    () -> {}, CompletableFuture.delayedExecutor(3, TimeUnit.MINUTES)));
                    timeout.thenRun(() -> {
                        try {
                            response.body().close();
                        } catch (Exception ignored) {
                            // closing ends the read below
                        }
                    });
                    String line;
                    while ((line = reader.readLine()) != null) {
                        seen.append(line).append('\n');
                        if (line.contains("\"status\":\"completed\"")) {
                            break;
                        }
                    }
                    timeout.cancel(true);
                }
            } catch (Exception e) {
                // stream closed by the timeout
            }
            return seen.toString();
        });
    }
}
