package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.platform.storage.S3TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Tool_OCR with its files in an S3 bucket (s3proxy in this process): uploads and results go to the
 * bucket and nowhere else, downloads come from it, and the store's failures answer clearly.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:storage-s3;DB_CLOSE_DELAY=-1",
            "platform.auth.local.bootstrap-admin-password=Bootstrap-admin-pw-1"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageOnS3IT {

    private static S3TestServer s3;
    private static String bucket;

    @DynamicPropertySource
    static void bucket(DynamicPropertyRegistry registry) throws Exception {
        s3 = S3TestServer.start();
        bucket = s3.createBucket();
        registry.add("platform.storage.s3.endpoint", () -> s3.endpoint().toString());
        registry.add("platform.storage.s3.bucket", () -> bucket);
        registry.add("platform.storage.s3.access-key", () -> S3TestServer.ACCESS_KEY);
        registry.add("platform.storage.s3.secret-key", () -> S3TestServer.SECRET_KEY);
    }

    @LocalServerPort
    int port;

    @Value("${tool-ocr.data-dir}")
    Path dataDir;

    ApiClient api;
    String token;
    String taskId;

    @BeforeAll
    void signIn() throws Exception {
        api = new ApiClient(port);
        token = api.token("admin@localhost", "Bootstrap-admin-pw-1");
    }

    @AfterAll
    void stopS3() throws Exception {
        s3.close();
    }

    @Test
    @Order(1)
    void uploadsAndResultsLiveInTheBucketAndDownloadsComeFromIt() throws Exception {
        ApiClient.Reply created = api.upload(token, "linn.png", ApiClient.corpus("linn.png"), "lang=eng");
        assertThat(created.status()).isEqualTo(201);
        taskId = created.json().path("tasks").get(0).path("task_id").asText();
        JsonNode done = api.awaitFinished(token, taskId, 120_000);
        assertThat(done.path("status").asText()).isEqualTo("completed");

        HttpResponse<byte[]> txt = api.download(token, "/api/v2/tasks/" + taskId + "/download/txt");
        assertThat(txt.statusCode()).isEqualTo(200);
        assertThat(new String(txt.body(), StandardCharsets.UTF_8)).containsIgnoringCase("linn");

        List<String> keys = objects();
        assertThat(keys).anyMatch(k -> k.endsWith(taskId + "/input"));
        assertThat(keys).anyMatch(k -> k.endsWith(taskId + "/results/result.txt"));
        assertThat(keys).anyMatch(k -> k.endsWith(taskId + "/results/result.pdf"));
        try (Stream<Path> local =
                Files.exists(dataDir.resolve("files")) ? Files.walk(dataDir.resolve("files")) : Stream.empty()) {
            assertThat(local.filter(Files::isRegularFile))
                    .as("nothing kept on the local disk")
                    .isEmpty();
        }
    }

    @Test
    @Order(2)
    void aResultMissingFromTheBucketIsA404NotAnError() throws Exception {
        String key = objects().stream()
                .filter(k -> k.endsWith(taskId + "/results/result.md"))
                .findFirst()
                .orElseThrow();
        try (S3Client client = s3.client()) {
            client.deleteObject(b -> b.bucket(bucket).key(key));
        }

        ApiClient.Reply missing = api.send("GET", "/api/v2/tasks/" + taskId + "/download/markdown", token, null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asText()).isEqualTo("urn:tool-ocr:problem:result-not-available");
    }

    @Test
    @Order(3)
    void anUnreachableBucketDuringUploadIs503AndLeavesNoTask() throws Exception {
        long before = api.send("GET", "/api/v2/tasks", token, null)
                .json()
                .path("total")
                .asLong();
        s3.close();

        ApiClient.Reply refused = api.upload(token, "linn.png", ApiClient.corpus("linn.png"), "lang=eng");

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().path("type").asText()).isEqualTo("urn:tool-ocr:problem:service-unavailable");
        assertThat(api.send("GET", "/api/v2/tasks", token, null)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(before);
    }

    private static List<String> objects() {
        try (S3Client client = s3.client()) {
            return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                    .map(S3Object::key)
                    .toList();
        }
    }
}
