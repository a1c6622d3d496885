package dev.toolocr.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code ./tool-ocr worker}: health answers, nothing else does. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:worker-role;DB_CLOSE_DELAY=-1",
            "tool-ocr.role=worker",
            "tool-ocr.tasks.workers.pool-size=1"
        })
class WorkerRoleIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void answersHealthButNoApiNoSignInAndNoUi() throws Exception {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        for (String path : new String[] {"/api/v2/info", "/api/v2/auth/login", "/api/v2/tasks", "/", "/docs"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .as(path)
                    .startsWith("application/problem+json");
            assertThat(r.body()).contains("urn:tool-ocr:problem:not-found").contains("task workers only");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
