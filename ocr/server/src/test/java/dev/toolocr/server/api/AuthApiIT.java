package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.server.MovableClock;
import dev.toolocr.server.api.ApiClient.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** SPEC 4.3 over real HTTP: sign-in, refresh rotation, reuse detection, revocation, expiry, throttling. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:auth-api;DB_CLOSE_DELAY=-1",
            "platform.auth.local.bootstrap-admin-password=Bootstrap-admin-pw-1",
            "platform.auth.admin-emails=admin@localhost",
            "platform.auth.throttle.per-username=4",
            "platform.auth.throttle.per-ip=200",
            "tool-ocr.tasks.workers.pool-size=0"
        })
@Import(MovableClock.Config.class)
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthApiIT {

    private static final String PASSWORD = "Carol-secret-pw-42";

    @LocalServerPort
    int port;

    @Autowired
    UserDirectory directory;

    @Autowired
    MovableClock clock;

    @Autowired
    AuditLog auditLog;

    ApiClient api;

    @BeforeAll
    void users() {
        api = new ApiClient(port);
        String admin = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        for (String name : List.of("carol", "dave", "erin", "frank", "gina", "hank", "ivan", "judy")) {
            directory.createLocalUser(name + "@example.com", name, PASSWORD, admin);
        }
    }

    @Test
    void loginReturnsTheDocumentedShapeAndAStrictRefreshCookie() throws Exception {
        Reply login = api.login("  Carol@Example.com ", PASSWORD);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("token_type").asText()).isEqualTo("bearer");
        assertThat(login.json().path("expires_in").asLong()).isEqualTo(1800);
        assertThat(login.json().at("/user/email").asText()).isEqualTo("carol@example.com");
        assertThat(login.json().at("/user/display_name").asText()).isEqualTo("carol");
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/api/v2/auth");

        Reply me = api.send(
                "GET", "/api/v2/auth/me", login.json().path("access_token").asText(), null);
        assertThat(me.json().path("email").asText()).isEqualTo("carol@example.com");
        assertThat(me.json().path("is_admin").asBoolean()).isFalse();
    }

    @Test
    void refreshRotatesAndAReplayedTokenKillsTheSession() throws Exception {
        Reply login = api.login("dave@example.com", PASSWORD);
        String first = cookieOf(login);

        Reply refreshed = api.sendWithCookie("POST", "/api/v2/auth/refresh", first);
        assertThat(refreshed.status()).isEqualTo(200);
        String access = refreshed.json().path("access_token").asText();
        assertThat(access).isNotEqualTo(login.json().path("access_token").asText());
        assertThat(cookieOf(refreshed)).isNotEqualTo(first);

        clock.advance(Duration.ofSeconds(30));
        Reply replay = api.sendWithCookie("POST", "/api/v2/auth/refresh", first);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/v2/auth/me", access, null).status())
                .as("session revoked")
                .isEqualTo(401);
        assertThat(api.sendWithCookie("POST", "/api/v2/auth/refresh", cookieOf(refreshed))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aReplayOneMillisecondAfterTheRotationStillKillsTheSession() throws Exception {
        String first = cookieOf(api.login("erin@example.com", PASSWORD));
        Reply refreshed = api.sendWithCookie("POST", "/api/v2/auth/refresh", first);
        assertThat(refreshed.status()).isEqualTo(200);

        // No grace period: only a request that arrived before the rotation lost a race.
        clock.advance(Duration.ofMillis(1));
        assertThat(api.sendWithCookie("POST", "/api/v2/auth/refresh", first).status())
                .isEqualTo(401);
        assertThat(meStatus(refreshed)).as("session revoked").isEqualTo(401);
    }

    @Test
    void replaysRacingRefreshesRevokeTheSessionWithoutServerErrors() throws Exception {
        String first = cookieOf(api.login("frank@example.com", PASSWORD));
        Reply refreshed = api.sendWithCookie("POST", "/api/v2/auth/refresh", first);
        String current = cookieOf(refreshed);
        clock.advance(Duration.ofSeconds(1));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String cookie = i % 2 == 0 ? first : current;
            calls.add(() -> api.sendWithCookie("POST", "/api/v2/auth/refresh", cookie));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Reply> f : pool.invokeAll(calls)) {
            statuses.add(f.get().status());
        }
        pool.shutdown();

        assertThat(statuses).allMatch(s -> s == 200 || s == 401 || s == 409);
        assertThat(meStatus(refreshed))
                .as("a replay ends the session, whichever request came first")
                .isEqualTo(401);
    }

    @Test
    void everyAuthEventReachesTheAuditLog() throws Exception {
        api.login("hank@example.com", "Wrong-password-1");
        Reply first = api.login("hank@example.com", PASSWORD);
        String hankId = first.json().at("/user/id").asText();
        String oldCookie = cookieOf(first);
        assertThat(api.sendWithCookie("POST", "/api/v2/auth/refresh", oldCookie).status())
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.sendWithCookie("POST", "/api/v2/auth/refresh", oldCookie).status())
                .isEqualTo(401);
        String phone = api.token("hank@example.com", PASSWORD);
        String laptop = api.token("hank@example.com", PASSWORD);
        String phoneSession = null;
        for (var s : api.send("GET", "/api/v2/auth/sessions", phone, null).json()) {
            if (s.path("current").asBoolean()) {
                phoneSession = s.path("id").asText();
            }
        }
        assertThat(api.send("DELETE", "/api/v2/auth/sessions/" + phoneSession, laptop, null)
                        .status())
                .isEqualTo(204);
        api.send("POST", "/api/v2/auth/logout", laptop, null);
        Reply last = null;
        for (int i = 0; i < 6 && (last == null || last.status() != 429); i++) {
            last = api.login("hank@example.com", "Wrong-password-" + i);
        }
        assertThat(last.status()).isEqualTo(429);
        auditLog.flush();

        String admin = api.token("admin@localhost", "Bootstrap-admin-pw-1");
        List<String> types = api.send(
                        "GET", "/api/v2/admin/audit-logs?user_id=" + hankId + "&page_size=100", admin, null)
                .json()
                .path("items")
                .findValuesAsText("event_type");
        assertThat(types)
                .contains(
                        "login_failure",
                        "login_success",
                        "token_refresh",
                        "refresh_reuse_detected",
                        "session_revoked",
                        "logout");
        // A throttled attempt may name no known user; it is recorded with the e-mail tried.
        List<String> throttled = api.send(
                        "GET", "/api/v2/admin/audit-logs?event_type=login_throttled&page_size=100", admin, null)
                .json()
                .path("items")
                .findValuesAsText("user_email");
        assertThat(throttled).contains("hank@example.com");
    }

    @Test
    void ofTwoConcurrentRefreshesExactlyOneWinsAndTheSessionSurvives() throws Exception {
        String cookie = cookieOf(api.login("erin@example.com", PASSWORD));
        List<Reply> replies = refreshAtOnce(cookie, 4);

        assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(1);
        // The others lost a race, not the session: 409 tells the client to ask again with the newest cookie.
        assertThat(replies.stream().filter(r -> r.status() != 200))
                .hasSize(3)
                .allSatisfy(r ->
                        assertThat(r.json().path("type").asText()).isEqualTo("urn:tool-ocr:problem:refresh-conflict"));
        Reply winner =
                replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertThat(api.send(
                                "GET",
                                "/api/v2/auth/me",
                                winner.json().path("access_token").asText(),
                                null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theLoserOfARefreshRaceMayAskAgainBrieflyButNotForever() throws Exception {
        String cookie = cookieOf(api.login("ivan@example.com", PASSWORD));
        List<Reply> replies = refreshAtOnce(cookie, 3);
        Reply winner =
                replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
        assertThat(replies.stream().filter(r -> r.status() == 409)).isNotEmpty();

        // A page reloaded mid-refresh asks again before the winner's cookie reached the browser.
        clock.advance(Duration.ofSeconds(2));
        assertThat(api.sendWithCookie("POST", "/api/v2/auth/refresh", cookie).status())
                .isEqualTo(409);
        assertThat(meStatus(winner)).as("the session lives").isEqualTo(200);

        // Past the window the same cookie is a replay like any other.
        clock.advance(Duration.ofSeconds(9));
        assertThat(api.sendWithCookie("POST", "/api/v2/auth/refresh", cookie).status())
                .isEqualTo(401);
        assertThat(meStatus(winner)).as("session revoked").isEqualTo(401);
    }

    @Test
    void tamperedTokenAndLoggedOutSessionAreRefused() throws Exception {
        String token = api.token("frank@example.com", PASSWORD);
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");

        assertThat(api.send("GET", "/api/v2/auth/me", tampered, null).status()).isEqualTo(401);
        assertThat(api.send("POST", "/api/v2/auth/logout", token, null).status())
                .isEqualTo(204);
        Reply after = api.send("GET", "/api/v2/auth/me", token, null);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void unknownUserAndWrongPasswordAreIndistinguishableAndNeverLogged(CapturedOutput output) throws Exception {
        Reply unknown = api.login("nobody@example.com", "Wrong-password-XYZ");
        Reply wrong = api.login("gina@example.com", "Wrong-password-XYZ");

        assertThat(unknown.status()).isEqualTo(401).isEqualTo(wrong.status());
        assertThat(unknown.body()).isEqualTo(wrong.body());
        Reply ok = api.login("gina@example.com", PASSWORD);
        Reply refreshed = api.sendWithCookie("POST", "/api/v2/auth/refresh", cookieOf(ok));
        assertThat(refreshed.status()).isEqualTo(200);
        auditLog.flush();
        String admin = api.token("admin@localhost", "Bootstrap-admin-pw-1");
        String audit = api.send("GET", "/api/v2/admin/audit-logs?page_size=100", admin, null)
                .body();

        List<String> secrets = List.of(
                "Wrong-password-XYZ",
                PASSWORD,
                ok.json().path("access_token").asText(),
                refreshSecretOf(ok),
                refreshed.json().path("access_token").asText(),
                refreshSecretOf(refreshed));
        for (String secret : secrets) {
            assertThat(output.getAll()).as("server log").doesNotContain(secret);
            assertThat(audit).as("audit log").doesNotContain(secret);
        }
        assertThat(audit).contains("gina@example.com");
    }

    @Test
    void aMadeUpRefreshTokenIsRefusedWithoutEndingTheSession() throws Exception {
        Reply login = api.login("ivan@example.com", PASSWORD);
        String cookie = cookieOf(login);
        String name = cookie.substring(0, cookie.indexOf('=') + 1);
        String sessionId = cookie.substring(name.length(), cookie.indexOf('.'));
        String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        // Knowing a session id (it is in the JWT, the audit log and the sessions list) is not enough.
        for (String forged : List.of(
                name + sessionId + "." + secret,
                name + sessionId + "." + secret + ".AAAAAAAAAAAAAAAAAAAAAA",
                name + sessionId + "." + secret + "." + cookie.substring(cookie.lastIndexOf('.') + 1))) {
            assertThat(api.sendWithCookie("POST", "/api/v2/auth/refresh", forged)
                            .status())
                    .as(forged)
                    .isEqualTo(401);
        }
        assertThat(meStatus(login)).as("session still alive").isEqualTo(200);
        assertThat(api.sendWithCookie("POST", "/api/v2/auth/refresh", cookie).status())
                .isEqualTo(200);
    }

    @Test
    void aSessionPastItsLifetimeRefusesAnAccessTokenThatHasNotExpired() throws Exception {
        Reply current = api.login("judy@example.com", PASSWORD);
        Duration elapsed = Duration.ZERO;
        Duration step = Duration.ofDays(2);
        // Active every two days (never idle) until ten minutes before the 30-day lifetime ends.
        while (elapsed.plus(step).compareTo(Duration.ofDays(30)) < 0) {
            clock.advance(step);
            elapsed = elapsed.plus(step);
            current = api.sendWithCookie("POST", "/api/v2/auth/refresh", cookieOf(current));
            assertThat(current.status()).isEqualTo(200);
        }
        Duration untilTenMinutesBefore = Duration.ofDays(30).minus(elapsed).minusMinutes(10);
        clock.advance(untilTenMinutesBefore);
        current = api.sendWithCookie("POST", "/api/v2/auth/refresh", cookieOf(current));
        assertThat(current.status()).isEqualTo(200);
        assertThat(meStatus(current)).isEqualTo(200);
        // Ten minutes of session are left (less the test's own real time, as the clock moves on).
        java.util.regex.Matcher maxAge =
                java.util.regex.Pattern.compile("Max-Age=(\\d+);").matcher(current.header("Set-Cookie"));
        assertThat(maxAge.find()).isTrue();
        assertThat(Long.parseLong(maxAge.group(1)))
                .as("the browser keeps the cookie only as long as the session can live")
                .isBetween(540L, 600L);

        // Fifteen minutes on, the access token has another quarter hour to run, the session none.
        clock.advance(Duration.ofMinutes(15));
        assertThat(meStatus(current)).as("past the absolute lifetime").isEqualTo(401);
    }

    @Test
    void burstOfWrongPasswordsEndsIn429WithRetryAfter() throws Exception {
        Reply last = null;
        for (int i = 0; i < 6; i++) {
            last = api.login("burst@example.com", "nope-" + i);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
        assertThat(last.json().path("type").asText()).isEqualTo("urn:tool-ocr:problem:too-many-requests");
    }

    @Test
    void idleAndAbsoluteLimitsEndSessionsEvenWithAFreshToken() throws Exception {
        Reply login = api.login("carol@example.com", PASSWORD);
        String cookie = cookieOf(login);
        clock.advance(Duration.ofDays(3).plusMinutes(1));
        assertThat(api.sendWithCookie("POST", "/api/v2/auth/refresh", cookie).status())
                .as("idle")
                .isEqualTo(401);

        Reply second = api.login("carol@example.com", PASSWORD);
        String rolling = cookieOf(second);
        // Active every two days, so never idle, for 28 days: each refresh succeeds.
        for (int day = 2; day <= 28; day += 2) {
            clock.advance(Duration.ofDays(2));
            Reply r = api.sendWithCookie("POST", "/api/v2/auth/refresh", rolling);
            assertThat(r.status()).as("refresh on day " + day).isEqualTo(200);
            rolling = cookieOf(r);
        }
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(api.sendWithCookie("POST", "/api/v2/auth/refresh", rolling).status())
                .as("past the 30-day absolute lifetime")
                .isEqualTo(401);
    }

    @Test
    void usersListAndRevokeTheirOwnSessionsOnly() throws Exception {
        String phone = api.token("dave@example.com", PASSWORD);
        String laptop = api.token("dave@example.com", PASSWORD);
        String other = api.token("erin@example.com", PASSWORD);

        var sessions = api.send("GET", "/api/v2/auth/sessions", laptop, null).json();
        assertThat(sessions.size()).isGreaterThanOrEqualTo(2);
        String phoneSession = null;
        for (var s : sessions) {
            if (!s.path("current").asBoolean()) {
                phoneSession = s.path("id").asText();
            }
        }
        assertThat(api.send("DELETE", "/api/v2/auth/sessions/" + phoneSession, other, null)
                        .status())
                .isEqualTo(404);
        assertThat(api.send("DELETE", "/api/v2/auth/sessions", laptop, null).status())
                .isEqualTo(200);
        assertThat(api.send("GET", "/api/v2/auth/me", phone, null).status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/v2/auth/me", laptop, null).status()).isEqualTo(200);
    }

    /** Status of {@code /me} with the access token a login or refresh answered. */
    private int meStatus(Reply tokens) throws Exception {
        return api.send(
                        "GET",
                        "/api/v2/auth/me",
                        tokens.json().path("access_token").asText(),
                        null)
                .status();
    }

    /** Sends {@code n} refreshes with the same cookie at once and answers their replies. */
    private List<Reply> refreshAtOnce(String cookie, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Reply>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> api.sendWithCookie("POST", "/api/v2/auth/refresh", cookie));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> f : pool.invokeAll(calls)) {
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdown();
        }
    }

    /** The random part of the refresh token a login or refresh set. */
    private static String refreshSecretOf(Reply r) {
        return cookieOf(r).split("\\.")[1];
    }

    private static String cookieOf(Reply r) {
        String header = r.header("Set-Cookie");
        return header.substring(0, header.indexOf(';'));
    }
}
