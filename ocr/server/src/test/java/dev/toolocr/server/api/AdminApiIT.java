package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.auth.SessionEnded;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.server.api.ApiClient.Reply;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/** SPEC 7 over real HTTP: admins see statistics and the audit trail; everyone else gets 403. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:admin-api;DB_CLOSE_DELAY=-1",
            "platform.auth.local.bootstrap-admin-password=Bootstrap-admin-pw-1",
            // Case and spacing as an operator might type them: matched case-insensitively.
            "platform.auth.admin-emails= Carol@Example.COM ,ops@example.com"
        })
@AutoConfigureObservability
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(AdminApiIT.EndedSessions.class)
class AdminApiIT {

    /** Every SessionEnded this process announces, as another process's listener would receive it. */
    @TestConfiguration
    static class EndedSessions {
        final List<SessionEnded> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(SessionEnded ended) {
            seen.add(ended);
        }
    }

    @Autowired
    EndedSessions endedSessions;

    private static final List<String> ADMIN_GETS = List.of(
            "/api/v2/admin/stats",
            "/api/v2/admin/users",
            "/api/v2/admin/users/top?by=pages&days=7&limit=5",
            "/api/v2/admin/audit-logs",
            "/api/v2/admin/audit-logs/user/00000000-0000-0000-0000-000000000000/summary",
            "/api/v2/admin/audit-logs/export",
            "/actuator/prometheus");

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    String aliceId;

    @BeforeAll
    void users() {
        api = new ApiClient(port);
        String bootstrap = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        aliceId = directory
                .createLocalUser("alice@example.com", "Alice", "Alice-password-1", bootstrap)
                .id();
        directory.createLocalUser("carol@example.com", "Carol", "Carol-password-1", bootstrap);
    }

    @Test
    void nonAdminsGet403OnEveryAdminEndpointAndAdminsGetJson(CapturedOutput output) throws Exception {
        String alice = api.token("alice@example.com", "Alice-password-1");
        String carol = api.token("carol@example.com", "Carol-password-1");
        for (String path : ADMIN_GETS) {
            Reply denied = api.send("GET", path, alice, null);
            assertThat(denied.status()).as(path).isEqualTo(403);
            assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.send("GET", path, null, null).status())
                    .as(path + " anonymous")
                    .isEqualTo(401);
            assertThat(api.send("GET", path, carol, null).status())
                    .as(path + " as admin")
                    .isEqualTo(200);
        }
        assertThat(api.send("POST", "/api/v2/admin/users/" + aliceId + "/deactivate", alice, null)
                        .status())
                .isEqualTo(403);

        JsonNode stats = api.send("GET", "/api/v2/admin/stats", carol, null).json();
        assertThat(stats.at("/users/total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(stats.path("tasks").has("completed")).isTrue();
        assertThat(stats.path("daily")).hasSize(30);
        assertThat(api.upload(alice, "metered.png", ApiClient.corpus("typewriter.png"), "start=false")
                        .status())
                .isEqualTo(201);
        String metrics = api.send("GET", "/actuator/prometheus", carol, null).body();
        assertThat(metrics)
                .contains("tool_ocr_audit")
                .contains("tool_ocr_logins_total{")
                .contains("tool_ocr_queue_depth")
                .contains("tool_ocr_tasks{")
                .contains("tool_ocr_tasks_submitted_total")
                .contains("tool_ocr_storage_bytes")
                .contains("tool_ocr_page_processing_seconds");
    }

    @Test
    void auditLogShowsLoginsFailuresAndDownloadsWithClientDetailsButNoPassword(CapturedOutput output) throws Exception {
        String alice = api.token("alice@example.com", "Alice-password-1");
        api.login("alice@example.com", "Not-the-password-99");
        Reply created = api.upload(alice, "note.png", ApiClient.corpus("typewriter.png"), "formats=txt&lang=eng");
        String taskId = created.json().at("/tasks/0/task_id").asText();
        api.awaitFinished(alice, taskId, 120_000);
        assertThat(api.download(alice, "/api/v2/tasks/" + taskId + "/download/txt")
                        .statusCode())
                .isEqualTo(200);
        auditLog.flush();

        String carol = api.token("carol@example.com", "Carol-password-1");
        JsonNode page = api.send("GET", "/api/v2/admin/audit-logs?user_id=" + aliceId + "&page_size=100", carol, null)
                .json();
        List<String> types = page.path("items").findValuesAsText("event_type");
        assertThat(types).contains("login_success", "task_create", "task_download");
        JsonNode download = page.path("items").findParents("event_type").stream()
                .filter(n -> n.path("event_type").asText().equals("task_download"))
                .findFirst()
                .orElseThrow();
        assertThat(download.path("ip_address").asText()).isEqualTo("127.0.0.1");
        assertThat(download.path("user_agent").asText()).isNotBlank();
        assertThat(download.path("user_email").asText()).isEqualTo("alice@example.com");

        JsonNode failures = api.send(
                        "GET", "/api/v2/admin/audit-logs?event_type=login_failure&email=alice@example.com", carol, null)
                .json();
        assertThat(failures.path("total").asLong()).isGreaterThanOrEqualTo(1);

        JsonNode summary = api.send("GET", "/api/v2/admin/audit-logs/user/" + aliceId + "/summary", carol, null)
                .json();
        assertThat(summary.at("/counts_by_event_type/login_success").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(summary.path("failed_logins_last24h").asLong()).isGreaterThanOrEqualTo(1);

        String everything = String.join(
                "\n",
                jdbc.queryForList("select details from tool_ocr_audit_logs", String.class).stream()
                        .map(String::valueOf)
                        .toList());
        assertThat(everything).doesNotContain("Not-the-password-99").doesNotContain("Alice-password-1");
        assertThat(output.getAll()).doesNotContain("Not-the-password-99").doesNotContain("Alice-password-1");
    }

    @Test
    void deactivationEndsTheUsersSessionsAtOnce() throws Exception {
        String bootstrap = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        String daveId = directory
                .createLocalUser("dave@example.com", "Dave", "Dave-password-12", bootstrap)
                .id();
        String dave = api.token("dave@example.com", "Dave-password-12");
        String carol = api.token("carol@example.com", "Carol-password-1");
        // A request first, so that the session check is cached: deactivation must still win at once.
        assertThat(api.send("GET", "/api/v2/auth/me", dave, null).status()).isEqualTo(200);

        assertThat(api.send("POST", "/api/v2/admin/users/" + daveId + "/deactivate", carol, null)
                        .status())
                .isEqualTo(204);
        assertThat(api.send("GET", "/api/v2/auth/me", dave, null).status()).isEqualTo(401);
        assertThat(endedSessions.seen).contains(new SessionEnded(daveId, null, "user_deactivated"));
        assertThat(api.login("dave@example.com", "Dave-password-12").status()).isEqualTo(401);
        assertThat(api.send("POST", "/api/v2/admin/users/nope/deactivate", carol, null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void signingOutAnnouncesTheEndedSession() throws Exception {
        String bootstrap = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        String erinId = directory
                .createLocalUser("erin@example.com", "Erin", "Erin-password-12", bootstrap)
                .id();
        String erin = api.token("erin@example.com", "Erin-password-12");
        String sessionId = api.send("GET", "/api/v2/auth/sessions", erin, null)
                .json()
                .get(0)
                .path("id")
                .asText();

        assertThat(api.send("POST", "/api/v2/auth/logout", erin, null).status()).isEqualTo(204);

        assertThat(endedSessions.seen).contains(new SessionEnded(erinId, sessionId, "logout"));
    }
}
