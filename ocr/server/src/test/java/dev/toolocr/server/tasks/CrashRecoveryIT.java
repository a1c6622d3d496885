package dev.toolocr.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.server.api.ApiClient;
import dev.toolocr.server.scaleout.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real server process with SIGKILL in the middle of a task, starts it again on the same
 * data, and requires the task to complete with no orphaned or half-written files.
 */
class CrashRecoveryIT {

    private static final String PASSWORD = "Crash-test-admin-1";
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path root;

    @Test
    void taskInterruptedByKillMinus9CompletesAfterRestartWithoutOrphans() throws Exception {
        String taskId;
        try (ServerProcess first = start()) {
            ApiClient api = first.api();
            String token = api.token("admin@localhost", PASSWORD);
            taskId = upload(api, token, ApiClient.corpus("cardinal.pdf"));
            JsonNode task = awaitProgress(api, token, taskId);
            assertThat(task.path("status").asText()).isEqualTo("processing");
            first.kill();
        }

        try (ServerProcess second = start()) {
            ApiClient api = second.api();
            String token = api.token("admin@localhost", PASSWORD);
            JsonNode done = api.awaitFinished(token, taskId, 120_000);
            assertThat(done.path("status").asText())
                    .as("%s\n%s", done, second.tail())
                    .isEqualTo("completed");
            assertThat(done.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(done.path("pages_total").asInt()).isEqualTo(4);

            Path files = second.dataDir().resolve("files");
            List<Path> everything;
            try (Stream<Path> walk = Files.walk(files)) {
                everything = walk.filter(Files::isRegularFile).toList();
            }
            assertThat(everything).allSatisfy(p -> {
                assertThat(p.toString()).contains(taskId);
                assertThat(p.getFileName().toString()).doesNotStartWith(".");
            });
            assertThat(everything.stream().map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("input", "result.json", "result.md", "result.pdf", "result.txt");
        }
    }

    /** The same name each time, so both processes run on the same data folder, one after the other. */
    private ServerProcess start() throws Exception {
        ServerProcess server = ServerProcess.start(
                "server",
                root,
                Map.of(
                        "TOOL_OCR_ADMIN_PASSWORD", PASSWORD,
                        "TOOL_OCR_TASKS_WORKERS_HEARTBEAT_INTERVAL", "1s",
                        "TOOL_OCR_TASKS_WORKERS_STALE_AFTER", "4s",
                        "TOOL_OCR_TASKS_WORKERS_POOL_SIZE", "1"),
                List.of("-Xmx768m"));
        try {
            server.awaitReady(START);
        } catch (AssertionError | Exception e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static String upload(ApiClient api, String token, byte[] pdf) throws Exception {
        ApiClient.Reply created = api.upload(token, "four.pdf", pdf, "pdf_mode=force&lang=eng");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/tasks/0/task_id").asText();
    }

    private static JsonNode awaitProgress(ApiClient api, String token, String taskId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode task =
                    api.send("GET", "/api/v2/tasks/" + taskId, token, null).json();
            if (task.path("status").asText().equals("processing")
                    && task.path("pages_done").asInt() >= 1) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task never got under way");
    }
}
