package dev.toolocr.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Every failure the framework itself produces reaches clients as problem+json with a stable type. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "platform.database.embedded-url=jdbc:h2:mem:api-errors")
@Import(ApiErrorsTest.EchoEndpoint.class)
class ApiErrorsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unknownApiRouteIsProblemJson404() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/v2/no-such-thing")).GET());

        assertProblem(response, 404, "urn:tool-ocr:problem:not-found");
    }

    @Test
    void wrongMethodIsProblemJson405() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/api/v2/info")).DELETE());

        assertProblem(response, 405, "urn:tool-ocr:problem:method-not-allowed");
    }

    @Test
    void wrongContentTypeIsProblemJson415() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v2/test-echo"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")));

        assertProblem(response, 415, "urn:tool-ocr:problem:unsupported-media-type");
    }

    @Test
    void malformedJsonIsProblemJson400WithoutParserInternals() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v2/test-echo"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": ")));

        assertProblem(response, 400, "urn:tool-ocr:problem:bad-request");
        assertThat(response.body()).doesNotContain("jackson").doesNotContain("Exception");
    }

    @Test
    void trailingSlashReachesTheSameHandler() throws Exception {
        HttpResponse<String> plain =
                send(HttpRequest.newBuilder(uri("/api/v2/info")).GET());
        HttpResponse<String> slashed =
                send(HttpRequest.newBuilder(uri("/api/v2/info/")).GET());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(slashed.statusCode()).isEqualTo(200);
        assertThat(slashed.body()).isEqualTo(plain.body()).contains("\"api_version\":\"v2\"");
    }

    @Test
    void echoesAWellFormedRequestIdAndReplacesAHostileOne() throws Exception {
        HttpResponse<String> kept =
                send(HttpRequest.newBuilder(uri("/api/v2/info")).header("X-Request-Id", "abc-123"));
        HttpResponse<String> replaced =
                send(HttpRequest.newBuilder(uri("/api/v2/info")).header("X-Request-Id", "evil<script>"));

        assertThat(kept.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        assertThat(replaced.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
    }

    @Test
    void healthProbesAndApiDocsAreServed() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/readiness")))
                        .body())
                .contains("UP");
        assertThat(send(HttpRequest.newBuilder(uri("/docs/openapi.json"))).body())
                .contains("/api/v2/info");
    }

    private void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"" + type + "\"").contains("\"status\":" + status);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    record Greeting(String name) {}

    /** A JSON endpoint that exists only so the framework's 400/415 paths can be exercised. */
    @TestConfiguration
    static class EchoEndpoint {
        @Bean
        Echo echo() {
            return new Echo();
        }
    }

    @RestController
    static class Echo {
        @PostMapping(path = "/api/v2/test-echo", consumes = "application/json")
        Greeting echo(@RequestBody Greeting greeting) {
            return greeting;
        }
    }
}
