package dev.toolocr.server.spa;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deep links into the web UI get the app's index.html from the web jar on the classpath, while API,
 * Actuator and docs paths and missing assets keep their own answers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.database.embedded-url=jdbc:h2:mem:spa-forwarding")
class SpaForwardingTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void rootServesTheApp() throws Exception {
        assertServesApp(get("/"));
    }

    @Test
    void deepLinksServeTheApp() throws Exception {
        assertServesApp(get("/tasks"));
        assertServesApp(get("/tasks/0b6f3a52-95a4-4c47-9f3b-3c7d2d7f1f00"));
        assertServesApp(get("/admin/audit?event_type=login_success"));
        assertServesApp(get("/sign-in"));
    }

    @Test
    void unknownApiRouteStaysProblemJson404() throws Exception {
        for (String path : new String[] {"/api/v2/no-such-thing", "/api/nothing", "/api", "/actuator/nothing"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(path).contains("urn:tool-ocr:problem:not-found");
        }
    }

    @Test
    void missingAssetIsNotTheApp() throws Exception {
        HttpResponse<String> response = get("/assets/no-such-file.js");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("<div id=\"root\">");
    }

    @Test
    void apiStillAnswersJson() throws Exception {
        HttpResponse<String> response = get("/api/v2/info");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"api_version\":\"v2\"");
    }

    @Test
    void apiDocsAreNotForwarded() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.body()).doesNotContain("<div id=\"root\">");
    }

    private void assertServesApp(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("<div id=\"root\">");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
