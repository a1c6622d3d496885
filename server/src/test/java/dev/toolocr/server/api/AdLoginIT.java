package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.auth.devad.DevAdServer;
import dev.toolocr.server.api.ApiClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
            "tool-ocr.database.embedded-url=jdbc:h2:mem:ad-login;DB_CLOSE_DELAY=-1",
            "tool-ocr.auth.external.max-attempts=2",
            "tool-ocr.auth.external.breaker-failure-threshold=1",
            "tool-ocr.auth.external.timeout=2s",
            "tool-ocr.tasks.workers.pool-size=0"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdLoginIT {

    static final DevAdServer AD;

    static {
        try {
            AD = new DevAdServer(
                            0,
                            List.of(new DevAdServer.User(
                                    "alice", "Alice-pw-1", "Alice@Example.com", "Alice Chen", null)))
                    .start();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void adUrl(DynamicPropertyRegistry registry) {
        registry.add("tool-ocr.auth.external.api-url", () -> "http://127.0.0.1:" + AD.port());
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
    void adSignInCreatesTheUserKeepsAdTokensEncryptedAndSurvivesAnAdOutage() throws Exception {
        ApiClient api = new ApiClient(port);
        Reply login = api.login("alice", "Alice-pw-1");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().at("/user/email").asText()).isEqualTo("alice@example.com");
        assertThat(login.json().at("/user/display_name").asText()).isEqualTo("Alice Chen");
        String token = login.json().path("access_token").asText();

        Map<String, Object> row =
                jdbc.queryForMap("select external_access_token_enc, external_id_token_enc from tool_ocr_sessions s"
                        + " join tool_ocr_users u on u.id = s.user_id where u.email = 'alice@example.com'");
        assertThat(String.valueOf(row.get("external_access_token_enc"))).startsWith("v1:");
        assertThat(String.valueOf(row.get("external_id_token_enc"))).startsWith("v1:");

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
}
