package dev.toolocr.platform.auth.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.auth.AccessTokens;
import dev.toolocr.platform.auth.CurrentUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second application, knowing nothing but the auth module (and the platform core under it): its
 * own tables under its own prefix, the module's default security chain, a sign-in over real HTTP,
 * and the access token checked again through the non-HTTP API a WebSocket CONNECT would use.
 */
class MinimalHostIT {

    @SpringBootApplication
    static class DemoApplication {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path keys;

    @Test
    void signsAUserInWithTheAuthModuleAlone() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DemoApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.jpa.hibernate.ddl-auto=validate",
                        "--platform.database.embedded-url=jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--platform.database.table-prefix=demo_",
                        "--platform.auth.key-dir=" + keys,
                        "--platform.auth.application-name=Demo",
                        "--platform.auth.refresh-cookie=demo_refresh",
                        "--platform.auth.local.bootstrap-admin-password=Demo-admin-pw-1")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v2/auth/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"admin@localhost\",\"password\":\"Demo-admin-pw-1\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("Set-Cookie"))
                    .hasValueSatisfying(
                            c -> assertThat(c).startsWith("demo_refresh=").contains("HttpOnly"));
            JsonNode body = JSON.readTree(login.body());
            String token = body.path("access_token").asText();
            assertThat(body.path("user").path("is_admin").asBoolean()).isTrue();

            HttpResponse<String> me = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v2/auth/me"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(me.body()).path("email").asText()).isEqualTo("admin@localhost");

            HttpResponse<String> anonymous = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v2/anything"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(JSON.readTree(anonymous.body()).path("type").asText())
                    .isEqualTo("urn:platform:problem:unauthenticated");

            AccessTokens tokens = app.getBean(AccessTokens.class);
            Optional<CurrentUser> user = tokens.authenticate(token);
            assertThat(user).map(CurrentUser::email).hasValue("admin@localhost");
            assertThat(tokens.authenticate(token + "x")).isEmpty();
        }
    }

    @Test
    void aHostCanLeaveTheBootstrapAdminToItsOtherProcesses() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DemoApplication.class)
                .run(
                        "--server.port=0",
                        "--platform.database.embedded-url=jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--platform.database.table-prefix=demo_",
                        "--platform.auth.key-dir=" + keys,
                        "--platform.auth.local.bootstrap-admin=false",
                        "--platform.auth.local.bootstrap-admin-password=Demo-admin-pw-1")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");

            HttpResponse<String> login = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v2/auth/login"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"admin@localhost\",\"password\":\"Demo-admin-pw-1\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(login.statusCode()).as("no account was created").isEqualTo(401);
        }
    }

    @Test
    void aBootstrapAdminSwitchThatIsNotABooleanStopsStartUp() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(DemoApplication.class);
        assertThatThrownBy(() -> app.run(
                        "--server.port=0",
                        "--platform.database.embedded-url=jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "--platform.auth.key-dir=" + keys,
                        "--platform.auth.local.bootstrap-admin=sometimes"))
                .hasStackTraceContaining("platform.auth.local.bootstrap-admin");
    }
}
