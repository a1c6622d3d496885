package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.server.api.ApiClient.Reply;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The task API's contract over real HTTP, with real OCR, for two users who must never see each other. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:task-api;DB_CLOSE_DELAY=-1",
            "platform.auth.local.bootstrap-admin-password=Bootstrap-admin-pw-1",
            "platform.auth.admin-emails=admin@localhost"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskApiIT {

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    ApiClient api;
    String alice;
    String bob;

    @BeforeAll
    void users() throws Exception {
        api = new ApiClient(port);
        String admin = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        directory.createLocalUser("alice@example.com", "Alice Chen", "Alice-password-1", admin);
        directory.createLocalUser("bob@example.com", "Bob Lin", "Bob-password-123", admin);
        alice = api.token("alice@example.com", "Alice-password-1");
        bob = api.token("bob@example.com", "Bob-password-123");
    }

    @Test
    void uploadedScanCompletesAndDownloadsInEveryFormatUnderItsOriginalName() throws Exception {
        Reply created = api.upload(alice, "報告 2026.png", ApiClient.corpus("linn.png"), null);
        assertThat(created.status()).isEqualTo(201);
        JsonNode task = created.json().path("tasks").get(0);
        assertThat(task.path("filename").asText()).isEqualTo("報告 2026.png");
        assertThat(task.path("status").asText()).isIn("queued", "processing");
        assertThat(created.body()).doesNotContain("/tmp").doesNotContain("tool-ocr-test");

        JsonNode done = api.awaitFinished(alice, task.path("task_id").asText(), 120_000);
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.path("pages_total").asInt()).isEqualTo(1);
        assertThat(done.path("files").get(0).path("sha256").asText()).hasSize(64);

        String id = done.path("task_id").asText();
        String[][] expected = {
            {"json", "application/json", "報告 2026.json"},
            {"markdown", "text/markdown", "報告 2026.md"},
            {"pdf", "application/pdf", "報告 2026.pdf"},
            {"txt", "text/plain", "報告 2026.txt"}
        };
        for (String[] e : expected) {
            HttpResponse<byte[]> file = api.download(alice, "/api/v2/tasks/" + id + "/download/" + e[0]);
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith(e[1]);
            String disposition =
                    file.headers().firstValue("Content-Disposition").orElseThrow();
            assertThat(disposition)
                    .contains("filename*=UTF-8''"
                            + java.net.URLEncoder.encode(e[2], StandardCharsets.UTF_8)
                                    .replace("+", "%20"));
            assertThat(file.body()).isNotEmpty();
        }
        assertThat(new String(
                        api.download(alice, "/api/v2/tasks/" + id + "/download/txt")
                                .body(),
                        StandardCharsets.UTF_8))
                .contains("LinnSequencer");

        Reply cancelCompleted = api.send("POST", "/api/v2/tasks/" + id + "/cancel", alice, null);
        assertThat(cancelCompleted.status()).isEqualTo(409);
        assertThat(cancelCompleted.json().path("type").asText()).isEqualTo("urn:tool-ocr:problem:task-state-conflict");
        assertThat(cancelCompleted.json().path("current_status").asText()).isEqualTo("completed");

        for (String[] call : new String[][] {
            {"GET", "/api/v2/tasks/" + id},
            {"GET", "/api/v2/tasks/" + id + "/download/pdf"},
            {"POST", "/api/v2/tasks/" + id + "/start"},
            {"POST", "/api/v2/tasks/" + id + "/cancel"},
            {"POST", "/api/v2/tasks/" + id + "/retry"},
            {"PATCH", "/api/v2/tasks/" + id},
            {"DELETE", "/api/v2/tasks/" + id}
        }) {
            Reply r = api.send(call[0], call[1], bob, call[0].equals("PATCH") ? "{\"filename\":\"x.png\"}" : null);
            assertThat(r.status()).as(call[0] + " " + call[1] + " as bob").isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            Reply anonymous = api.send(call[0], call[1], null, null);
            assertThat(anonymous.status())
                    .as(call[0] + " " + call[1] + " anonymous")
                    .isEqualTo(401);
        }
        assertThat(api.send("GET", "/api/v2/tasks", bob, null)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(api.send("GET", "/api/v2/tasks/" + id, alice, null).status()).isEqualTo(200);
    }

    @Test
    void listAndStatsHaveTheDocumentedShapes() throws Exception {
        api.upload(alice, "later.png", ApiClient.corpus("typewriter.png"), "start=false");

        JsonNode list = api.send(
                        "GET",
                        "/api/v2/tasks/?status=pending&filename=LATER&page=1&page_size=10&sort_by=filename&order_desc=false",
                        alice,
                        null)
                .json();
        // The documented fields, plus the two the seek paging added (next_cursor only when there is a next page).
        assertThat(list.fieldNames())
                .toIterable()
                .contains("tasks", "total", "page", "page_size", "has_more")
                .isSubsetOf("tasks", "total", "total_is_estimate", "page", "page_size", "has_more", "next_cursor");
        assertThat(list.path("total_is_estimate").asBoolean()).isFalse();
        assertThat(list.path("tasks").get(0).path("filename").asText()).isEqualTo("later.png");
        assertThat(list.path("total").asLong()).isEqualTo(1);

        JsonNode stats = api.send("GET", "/api/v2/tasks/stats", alice, null).json();
        assertThat(stats.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "total", "pending", "queued", "processing", "completed", "failed", "cancelled");
        assertThat(stats.path("pending").asLong()).isGreaterThanOrEqualTo(1);

        Reply badSort = api.send("GET", "/api/v2/tasks?sort_by=user_id", alice, null);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().path("type").asText()).isEqualTo("urn:tool-ocr:problem:validation-failed");
    }

    @Test
    void refusesEmptyAndRandomUploadsWithProblemJson() throws Exception {
        Reply empty = api.upload(alice, "empty.png", new byte[0], null);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("type").asText()).isEqualTo("urn:tool-ocr:problem:empty-file");

        byte[] noise = new byte[8192];
        new Random(7).nextBytes(noise);
        noise[0] = 0x01;
        Reply random = api.upload(alice, "photo.png", noise, null);
        assertThat(random.status()).isEqualTo(415);
        assertThat(random.header("Content-Type")).startsWith("application/problem+json");

        assertThat(api.send("GET", "/api/v2/tasks", null, null).status()).isEqualTo(401);
    }

    @Test
    void pngNamedPdfIsHandledAsPng() throws Exception {
        Reply created = api.upload(alice, "scan.pdf", ApiClient.corpus("typewriter.png"), "formats=txt&lang=eng");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/tasks/0/file_type").asText()).isEqualTo("image/png");
    }
}
