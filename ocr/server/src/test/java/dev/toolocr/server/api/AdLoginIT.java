package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.auth.devad.DevAdServer;
import dev.toolocr.server.api.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Sign-in through the corporate AD API, played by the dev-ad stand-in over a real socket. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:ad-login;DB_CLOSE_DELAY=-1",
            "platform.auth.external.max-attempts=2",
            "platform.auth.external.breaker-failure-threshold=1",
            "platform.auth.external.timeout=2s",
            "tool-ocr.tasks.workers.pool-size=0"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdLoginIT {

    static final DevAdServer AD;

    static {
        try {
            AD = new DevAdServer(
                            0,
                            List.of(
                                    new DevAdServer.User(
                                            "alice", "Alice-pw-1", "Alice@Example.com", "Alice Chen", null),
                                    new DevAdServer.User("bob", "Bob-pw-1", "bob@example.com", "Bob", null)))
                    .start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void adUrl(DynamicPropertyRegistry registry) {
        registry.add("platform.auth.external.api-url", () -> "http://127.0.0.1:" + AD.port());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    void stop() {
        AD.close();
    }

    @Test
    @Order(2) // leaves the circuit breaker open for a while
    void adSignInCreatesTheUserKeepsAdTokensEncryptedAndSurvivesAnAdOutage() throws Exception {
        ApiClient api = new ApiClient(port);
        Reply login = api.login("alice", "Alice-pw-1");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().at("/user/email").asText()).isEqualTo("alice@example.com");
        assertThat(login.json().at("/user/display_name").asText()).isEqualTo("Alice Chen");
        String token = login.json().path("access_token").asText();

        Map<String, Object> row =
                jdbc.queryForMap("select external_access_token_enc, external_id_token_enc, stored_credential_enc"
                        + " from tool_ocr_sessions s"
                        + " join tool_ocr_users u on u.id = s.user_id where u.email = 'alice@example.com'");
        assertThat(String.valueOf(row.get("external_access_token_enc"))).startsWith("v1:");
        assertThat(String.valueOf(row.get("external_id_token_enc"))).startsWith("v1:");
        assertThat(row.get("stored_credential_enc"))
                .as("the AD password is kept only when stored-credential re-authentication is turned on")
                .isNull();

        Reply wrong = api.login("alice", "nope");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("type").asText()).isEqualTo("urn:tool-ocr:problem:invalid-credentials");

        AD.failureMode(DevAdServer.FailureMode.ERROR_500);
        Reply down = api.login("alice", "Alice-pw-1");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.send("GET", "/api/v2/auth/me", token, null).status())
                .as("existing session")
                .isEqualTo(200);
        AD.failureMode(DevAdServer.FailureMode.NONE);
    }

    @Test
    @Order(1)
    void eachSignInRefreshesTheDisplayNameAndLastLoginOfTheSameUser() throws Exception {
        ApiClient api = new ApiClient(port);
        AD.rename("bob", "Bob Lin");
        Reply first = api.login("bob", "Bob-pw-1");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Object firstLogin = jdbc.queryForObject(
                "select last_login_at from tool_ocr_users where email = 'bob@example.com'", Object.class);

        Thread.sleep(5);
        AD.rename("bob", "Bob Lin-Wang");
        Reply second = api.login("bob", "Bob-pw-1");

        assertThat(second.json().at("/user/id").asText())
                .isEqualTo(first.json().at("/user/id").asText());
        assertThat(api.send(
                                "GET",
                                "/api/v2/auth/me",
                                second.json().path("access_token").asText(),
                                null)
                        .json()
                        .path("display_name")
                        .asText())
                .isEqualTo("Bob Lin-Wang");
        Map<String, Object> row = jdbc.queryForMap(
                "select count(*) as n, max(last_login_at) as last from tool_ocr_users where email = 'bob@example.com'");
        assertThat(((Number) row.get("n")).intValue()).isEqualTo(1);
        assertThat(row.get("last").toString()).isGreaterThan(firstLogin.toString());
    }
}
