package dev.toolocr.server.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A user's live task stream ({@code GET /api/v2/tasks/events}) of one process, read as it arrives. */
final class TaskEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One {@code task} event: a state change or a page of progress. */
    record Event(String taskId, String status, int pagesDone, int pagesTotal) {}

    private final List<Event> received = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;
    private volatile boolean connected;

    private TaskEvents(InputStream body) {
        this.body = body;
        this.reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static TaskEvents open(int port, String token) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/tasks/events"))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new AssertionError("event stream refused: " + response.statusCode());
        }
        TaskEvents events = new TaskEvents(response.body());
        // The stream's "ready" event is sent once the subscription is in place.
        events.awaitConnected();
        return events;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String data = line.substring(5).strip();
                    if ("ready".equals(name)) {
                        connected = true;
                    } else if ("task".equals(name)) {
                        JsonNode task = JSON.readTree(data);
                        received.add(new Event(
                                task.path("task_id").asText(),
                                task.path("status").asText(),
                                task.path("pages_done").asInt(),
                                task.path("pages_total").asInt()));
                    }
                } else if (line.isEmpty()) {
                    name = null;
                }
            }
        } catch (IOException closed) {
            // close() ends the stream
        }
    }

    private void awaitConnected() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!connected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        if (!connected) {
            throw new AssertionError("the event stream never said it was ready");
        }
    }

    /** Every task event received so far about {@code taskId}, in arrival order. */
    List<Event> of(String taskId) {
        return received.stream().filter(e -> e.taskId().equals(taskId)).toList();
    }

    /** Waits until an event about {@code taskId} matches; that event. */
    Event await(String taskId, Predicate<Event> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (Event e : of(taskId)) {
                if (matching.test(e)) {
                    return e;
                }
            }
            if (!reader.isAlive()) {
                throw new AssertionError("the event stream ended; received " + of(taskId));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no matching event for " + taskId + " within " + timeout + "; received " + of(taskId));
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
