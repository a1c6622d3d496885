package dev.toolocr.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real server process with SIGKILL in the middle of a task, starts it again on the same
 * data, and requires the task to complete with no orphaned or half-written files.
 */
class CrashRecoveryIT {

    private static final String PASSWORD = "Crash-test-admin-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void taskInterruptedByKillMinus9CompletesAfterRestartWithoutOrphans() throws Exception {
        int port = freePort();
        Process first = start(port);
        String taskId;
        try {
            String token = login(port);
            taskId = upload(port, token, corpus("cardinal.pdf"));
            JsonNode task = awaitProgress(port, token, taskId);
            assertThat(task.path("status").asText()).isEqualTo("processing");
        } finally {
            first.destroyForcibly().waitFor();
        }

        Process second = start(port);
        try {
            String token = login(port);
            JsonNode done = awaitStatus(port, token, taskId, "completed", 120_000);
            assertThat(done.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(done.path("pages_total").asInt()).isEqualTo(4);

            Path files = data.resolve("files");
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
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Process start(int port) throws IOException, InterruptedException {
        Path jar = Path.of("target/tool-ocr-server.jar").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-jar", jar.toString());
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        pb.environment().put("TOOL_OCR_DATA_DIR", data.toString());
        pb.environment().put("TOOL_OCR_ADMIN_PASSWORD", PASSWORD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.environment().put("TOOL_OCR_TASKS_WORKERS_HEARTBEAT_INTERVAL", "1s");
        pb.environment().put("TOOL_OCR_TASKS_WORKERS_STALE_AFTER", "4s");
        pb.environment().put("TOOL_OCR_TASKS_WORKERS_POOL_SIZE", "1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(data.resolve("server-" + UUID.randomUUID() + ".log").toFile());
        Process process = pb.start();
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(uri(port, "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        process.destroyForcibly();
        throw new AssertionError("server did not become ready");
    }

    private String login(int port) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri(port, "/api/v2/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin@localhost\",\"password\":\"" + PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private String upload(int port, String token, byte[] pdf) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"four.pdf\"\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.write(pdf);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri(port, "/api/v2/tasks?pdf_mode=force"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).at("/tasks/0/task_id").asText();
    }

    private JsonNode get(int port, String token, String taskId) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri(port, "/api/v2/tasks/" + taskId))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private JsonNode awaitProgress(int port, String token, String taskId) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode task = get(port, token, taskId);
            if (task.path("status").asText().equals("processing")
                    && task.path("pages_done").asInt() >= 1) {
                return task;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task never got under way");
    }

    private JsonNode awaitStatus(int port, String token, String taskId, String status, long timeout) throws Exception {
        long deadline = System.currentTimeMillis() + timeout;
        JsonNode task = null;
        while (System.currentTimeMillis() < deadline) {
            task = get(port, token, taskId);
            if (task.path("status").asText().equals(status)) {
                return task;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("task did not reach " + status + ": " + task);
    }

    private static byte[] corpus(String name) throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("toolocr.corpus", "../../../shared/corpus/ocrmypdf"))
                .resolve(name));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
