package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.platform.auth.AuthEvent;
import dev.toolocr.platform.auth.StoredCredentialReauthentication;
import dev.toolocr.platform.auth.devad.DevAdServer;
import dev.toolocr.server.MovableClock;
import dev.toolocr.server.api.ApiClient.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The opt-in stored-credential AD re-authentication of SPEC 4.3 against the dev-ad stand-in. Rounds
 * are run by hand with a movable clock (the scheduler's interval is an hour here).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:reauth;DB_CLOSE_DELAY=-1",
            "platform.auth.external.max-attempts=1",
            "platform.auth.external.breaker-failure-threshold=100",
            "platform.auth.external.timeout=2s",
            "platform.auth.external.reauth.stored-credential=true",
            "platform.auth.external.reauth.refresh-buffer=300s",
            "platform.auth.external.reauth.check-interval=1h",
            "tool-ocr.tasks.workers.pool-size=0"
        })
@Import({MovableClock.Config.class, StoredCredentialReauthIT.Events.class})
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredCredentialReauthIT {

    static final DevAdServer AD;

    static {
        try {
            AD = new DevAdServer(0, List.of(user("alice"), user("bob"), user("carol"), user("dave"), user("erin")))
                    .start();
            AD.tokenLifetimeSeconds(600);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static DevAdServer.User user(String name) {
        return new DevAdServer.User(name, password(name), name + "@example.com", name, null);
    }

    static String password(String name) {
        return "Pw-of-" + name + "-7731";
    }

    @DynamicPropertySource
    static void adUrl(DynamicPropertyRegistry registry) {
        registry.add("platform.auth.external.api-url", () -> "http://127.0.0.1:" + AD.port());
    }

    @TestConfiguration
    static class Events {
        final List<AuthEvent> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AuthEvent e) {
            seen.add(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    StoredCredentialReauthentication reauth;

    @Autowired
    Events events;

    ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(port);
    }

    @AfterAll
    void stop() {
        AD.close();
    }

    @Test
    void theCredentialIsKeptSealedToItsSessionAndWipedAtLogout(CapturedOutput output) throws Exception {
        Session alice = login("alice");

        String sealed = row(alice.id()).get("stored_credential_enc").toString();
        assertThat(sealed).startsWith("v1:").doesNotContain(password("alice"));

        assertThat(api.send("POST", "/api/v2/auth/logout", alice.token(), null).status())
                .isEqualTo(204);
        Map<String, Object> after = row(alice.id());
        assertThat(after.get("stored_credential_enc")).isNull();
        assertThat(after.get("external_access_token_enc")).isNull();
        assertThat(output.getAll()).doesNotContain(password("alice"));
    }

    @Test
    void adIsAskedAgainOnlyOnceTheTokenIsWithinTheBufferAndTheSessionGoesOn(CapturedOutput output) throws Exception {
        Session bob = login("bob");
        Object expiresBefore = row(bob.id()).get("external_token_expires_at");

        clock.advance(Duration.ofSeconds(200));
        int before = AD.requests();
        reauth.reauthenticateDue();
        assertThat(row(bob.id()).get("external_token_expires_at"))
                .as("600 s token, 300 s buffer: not due after 200 s")
                .isEqualTo(expiresBefore);

        clock.advance(Duration.ofSeconds(150));
        reauth.reauthenticateDue();

        assertThat(AD.requests()).isGreaterThan(before);
        assertThat(row(bob.id()).get("external_token_expires_at")).isNotEqualTo(expiresBefore);
        assertThat(me(bob)).isEqualTo(200);
        assertThat(eventsOf("bob")).anySatisfy(e -> {
            assertThat(e.outcome()).isEqualTo("success");
            assertThat(e.details()).containsEntry("session_id", bob.id());
        });
        assertThat(output.getAll()).doesNotContain(password("bob"));
    }

    @Test
    void aDefinitiveRejectionEndsTheSessionAtOnce() throws Exception {
        Session carol = login("carol");
        AD.changePassword("carol", "Changed-in-AD-1");

        clock.advance(Duration.ofSeconds(301));
        reauth.reauthenticateDue();

        assertThat(me(carol)).isEqualTo(401);
        Map<String, Object> row = row(carol.id());
        assertThat(row.get("revoked_reason")).isEqualTo("reauth_rejected");
        assertThat(row.get("stored_credential_enc")).isNull();
        assertThat(eventsOf("carol"))
                .anySatisfy(e -> assertThat(e.details()).containsEntry("reason", "credentials_rejected"));
    }

    @Test
    void threeUnansweredAttemptsInARowEndTheSessionButASuccessResetsTheCount() throws Exception {
        Session dave = login("dave");
        clock.advance(Duration.ofSeconds(301));
        try {
            AD.failureMode(DevAdServer.FailureMode.ERROR_500);
            reauth.reauthenticateDue();
            reauth.reauthenticateDue();
            assertThat(me(dave)).as("two failures").isEqualTo(200);

            AD.failureMode(DevAdServer.FailureMode.NONE);
            reauth.reauthenticateDue();
            clock.advance(Duration.ofSeconds(301));

            AD.failureMode(DevAdServer.FailureMode.ERROR_500);
            reauth.reauthenticateDue();
            reauth.reauthenticateDue();
            assertThat(me(dave)).as("two failures after a success").isEqualTo(200);

            reauth.reauthenticateDue();
            assertThat(me(dave)).as("third failure in a row").isEqualTo(401);
        } finally {
            AD.failureMode(DevAdServer.FailureMode.NONE);
        }
        assertThat(row(dave.id()).get("revoked_reason")).isEqualTo("reauth_unavailable");
        assertThat(eventsOf("dave").stream().map(AuthEvent::outcome))
                .containsSubsequence("error", "error", "success", "error", "error", "error");
        assertThat(auditedReauthentications("dave@example.com", 6))
                .as("each attempt reaches the audit log")
                .isEqualTo(6);
    }

    /** The audit log writes in the background; waits until it holds {@code expected} rows, or 10 s. */
    private int auditedReauthentications(String email, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int rows;
        do {
            rows = jdbc.queryForObject(
                    "select count(*) from tool_ocr_audit_logs where event_type = 'reauthentication' and user_email = ?",
                    Integer.class,
                    email);
            if (rows >= expected) {
                return rows;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return rows;
    }

    @Test
    void anIdleSessionIsNotReauthenticatedAndLosesItsCredential() throws Exception {
        Session erin = login("erin");
        int before = AD.requests();

        clock.advance(Duration.ofDays(3).plusMinutes(1));
        reauth.reauthenticateDue();

        assertThat(row(erin.id()).get("stored_credential_enc")).isNull();
        assertThat(eventsOf("erin")).isEmpty();
        assertThat(me(erin)).isEqualTo(401);
        assertThat(AD.requests() - before).as("no AD request for erin").isLessThanOrEqualTo(0);
    }

    record Session(String id, String token) {}

    private Session login(String name) throws Exception {
        Reply login = api.login(name, password(name));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String token = login.json().path("access_token").asText();
        Reply sessions = api.send("GET", "/api/v2/auth/sessions", token, null);
        String id = null;
        for (JsonNode s : sessions.json()) {
            if (s.path("current").asBoolean()) {
                id = s.path("id").asText();
            }
        }
        assertThat(id).isNotNull();
        return new Session(id, token);
    }

    private int me(Session s) throws Exception {
        return api.send("GET", "/api/v2/auth/me", s.token(), null).status();
    }

    private Map<String, Object> row(String sessionId) {
        return jdbc.queryForMap(
                "select stored_credential_enc, external_access_token_enc, external_token_expires_at, revoked_reason"
                        + " from tool_ocr_sessions where id = ?",
                sessionId);
    }

    private List<AuthEvent> eventsOf(String name) {
        return events.seen.stream()
                .filter(e -> e.type().equals("reauthentication"))
                .filter(e -> (name + "@example.com").equals(e.email()))
                .toList();
    }
}
