package dev.toolocr.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With the broker unreachable the server starts, serves, and says so in readiness without failing it. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:broker-down;DB_CLOSE_DELAY=-1",
            "platform.events.rabbitmq-url=amqp://guest:guest@127.0.0.1:1",
            "tool-ocr.tasks.workers.pool-size=0",
            "management.endpoint.health.show-details=always"
        })
class BrokerDownReadinessIT {

    @LocalServerPort
    int port;

    @Autowired
    HttpCodeStatusMapper statusCodes;

    @Test
    void aProcessNotReadyOrDownStillAnswers503() {
        // Mapping DEGRADED replaces Boot's default mappings; the others must still hold.
        assertThat(statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
        assertThat(statusCodes.getStatusCode(new Status("DEGRADED"))).isEqualTo(200);
        assertThat(statusCodes.getStatusCode(Status.UP)).isEqualTo(200);
    }

    @Test
    void readinessIsDegradedButStillServes() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> readiness = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> info = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v2/info"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"status\":\"DEGRADED\",\"components\"")
                .contains("not reachable");
        assertThat(info.statusCode()).isEqualTo(200);
    }
}
