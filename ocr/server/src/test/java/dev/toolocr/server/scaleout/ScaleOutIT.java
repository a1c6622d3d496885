package dev.toolocr.server.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.toolocr.platform.persistence.ExternalDatabases;
import dev.toolocr.platform.storage.S3TestServer;
import dev.toolocr.server.api.ApiClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Tool_OCR spread over several machines (SPEC section 9), with real jars: A serves the API with no
 * workers, A2 is a second serving process, B and later C run workers only. They share PostgreSQL,
 * RabbitMQ and an S3 bucket and nothing else: each has its own data folder and its own port. The
 * tests run in order on the same processes; the last one kills B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final URI BROKER =
            URI.create(System.getProperty("toolocr.it.rabbitmq", "amqp://guest:guest@127.0.0.1:5672"));
    /** Generous: on a busy CI machine a JVM start alone has taken three minutes. */
    private static final Duration START = Duration.ofMinutes(8);

    private static final Duration TASK = Duration.ofMinutes(8);
    /** Where the processes' output is kept after the run, for reading when a test failed. */
    private static final Path LOGS = Path.of("target/scale-out-logs");

    private static final String ADMIN_PASSWORD = "Scale-out-admin-pw-1";
    private static final String ALICE = "alice@scale.example";
    private static final String BOB = "bob@scale.example";
    private static final String USER_PASSWORD = "Scale-out-user-pw-1";
    private static final List<String> FORMATS = List.of("json", "markdown", "pdf", "txt");

    @TempDir
    static Path root;

    private ExternalDatabases.Scratch database;
    private S3TestServer s3;
    private String bucket;
    private String exchange;
    private final Map<String, String> shared = new HashMap<>();

    private ServerProcess a;
    private ServerProcess a2;
    private ServerProcess b;
    private ServerProcess c;

    private String admin;
    private String alice;
    private String bobId;
    private TaskEvents aliceOnA;

    @BeforeAll
    void startTheMachines() throws Exception {
        requireBroker();
        database = ExternalDatabases.postgres();
        s3 = S3TestServer.start();
        bucket = s3.createBucket();
        // An exchange of this run's own, so other runs on the same broker are not heard.
        exchange = "tool-ocr.events.it-" + UUID.randomUUID();

        // What every process of one deployment is given alike (docs/scale-out.md).
        shared.put("DATABASE_URL", database.jdbcUrl());
        shared.put("RABBITMQ_URL", BROKER.toString());
        shared.put("PLATFORM_EVENTS_EXCHANGE", exchange);
        shared.put("STORAGE_S3_ENDPOINT", s3.endpoint().toString());
        shared.put("STORAGE_S3_BUCKET", bucket);
        shared.put("STORAGE_S3_ACCESS_KEY", S3TestServer.ACCESS_KEY);
        shared.put("STORAGE_S3_SECRET_KEY", S3TestServer.SECRET_KEY);
        shared.put("PLATFORM_AUTH_JWT_SECRET", randomKey());
        shared.put("PLATFORM_AUTH_TOKEN_KEYS", "k1:" + randomKey());
        shared.put("TOOL_OCR_ADMIN_PASSWORD", ADMIN_PASSWORD);
        shared.put("TOOL_OCR_TASKS_WORKERS_HEARTBEAT_INTERVAL", "1s");
        shared.put("TOOL_OCR_TASKS_WORKERS_STALE_AFTER", "5s");

        // A first, alone: it migrates the empty database and creates the bootstrap admin.
        a = serving("a", "1s");
        a.awaitReady(START);
        // A2 believes a session it has checked for ten minutes: only the shared event can end it sooner.
        a2 = serving("a2", "10m");
        b = worker("b");
        a2.awaitReady(START);
        b.awaitReady(START);

        ApiClient api = a.api();
        admin = api.token("admin@localhost", ADMIN_PASSWORD);
        createUser(api, ALICE);
        bobId = createUser(api, BOB);
        alice = api.token(ALICE, USER_PASSWORD);
        aliceOnA = TaskEvents.open(a.port(), alice);
    }

    @AfterAll
    void stopTheMachines() throws Exception {
        if (aliceOnA != null) {
            aliceOnA.close();
        }
        Files.createDirectories(LOGS);
        for (ServerProcess p : new ServerProcess[] {a, a2, b, c}) {
            if (p != null) {
                p.close();
                Files.writeString(LOGS.resolve(p.name() + ".log"), p.output());
            }
        }
        if (s3 != null) {
            s3.close();
        }
        if (database != null) {
            database.close();
        }
        if (exchange != null) {
            deleteExchange();
        }
    }

    @Test
    @Order(1)
    void onlyTheServingProcessThatFoundNoAccountCreatedTheBootstrapAdmin() {
        assertThat(a.output()).contains("Created the bootstrap admin account admin@localhost");
        assertThat(a2.output()).doesNotContain("Created the bootstrap admin");
        assertThat(b.output())
                .doesNotContain("Created the bootstrap admin")
                .doesNotContain("Sign in at")
                .contains("Started 1 task workers");
        assertThat(a.output()).contains("Task workers disabled (pool size 0)");
    }

    @Test
    @Order(2)
    void aTaskUploadedToTheApiProcessRunsOnTheWorkerAndStreamsEveryPageBack() throws Exception {
        ApiClient api = a.api();
        String taskId = upload(api, "cardinal.pdf", ApiClient.corpus("cardinal.pdf"), "pdf_mode=force&lang=eng");

        TaskEvents.Event done = aliceOnA.await(taskId, e -> e.status().equals("completed"), TASK);

        assertThat(done.pagesTotal()).isEqualTo(4);
        assertThat(aliceOnA.of(taskId).stream()
                        .filter(e -> e.status().equals("processing"))
                        .map(TaskEvents.Event::pagesDone))
                .as("every page's progress, from B through the broker to A's stream")
                .contains(1, 2, 3, 4);
        for (String format : FORMATS) {
            HttpResponse<byte[]> download = api.download(alice, "/api/v2/tasks/" + taskId + "/download/" + format);
            assertThat(download.statusCode()).as(format).isEqualTo(200);
            assertThat(download.body()).as(format).isEqualTo(object(resultKey(taskId, format)));
        }
        assertThat(keysOf(taskId))
                .containsExactlyInAnyOrder(
                        "input",
                        "results/result.json",
                        "results/result.md",
                        "results/result.pdf",
                        "results/result.txt");
        assertNoTaskFilesOnDisk(a, a2, b);
    }

    @Test
    @Order(3)
    void aCancelTakenByTheApiProcessStopsTheWorkerWithinAPage() throws Exception {
        ApiClient api = a.api();
        int pages = 20;
        String taskId = upload(api, "long.pdf", cardinalTimes(pages / 4), "pdf_mode=force&lang=eng");
        aliceOnA.await(taskId, e -> e.status().equals("processing") && e.pagesDone() >= 1, TASK);

        ApiClient.Reply cancelled = api.send("POST", "/api/v2/tasks/" + taskId + "/cancel", alice, null);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        b.awaitLine(Pattern.compile("Cancel requested for running task " + taskId), Duration.ofSeconds(30));
        Matcher stopped =
                b.awaitLine(Pattern.compile("Task " + taskId + " stopped after (\\d+) pages"), Duration.ofSeconds(30));
        int pagesAtCancel = task(api, alice, taskId).path("pages_done").asInt();
        assertThat(Integer.parseInt(stopped.group(1)))
                .as("pages B recognised; %d were done when A took the cancel", pagesAtCancel)
                .isLessThanOrEqualTo(pagesAtCancel + 1)
                .isLessThan(pages);
        assertThat(task(api, alice, taskId).path("status").asText()).isEqualTo("cancelled");
        aliceOnA.await(taskId, e -> e.status().equals("cancelled"), Duration.ofSeconds(10));
        assertThat(keysOf(taskId)).as("no partial results in the bucket").containsExactly("input");
    }

    @Test
    @Order(4)
    void aSessionEndedThroughOneServingProcessIsRefusedByTheOtherAtOnce() throws Exception {
        ApiClient onA = a.api();
        ApiClient onA2 = a2.api();

        String signedOut = onA2.token(BOB, USER_PASSWORD);
        assertThat(onA2.send("GET", "/api/v2/auth/me", signedOut, null).status())
                .isEqualTo(200);
        assertThat(onA.send("POST", "/api/v2/auth/logout", signedOut, null).status())
                .isEqualTo(204);
        assertRefusedWithin(onA2, signedOut, Duration.ofSeconds(10));

        String deactivated = onA2.token(BOB, USER_PASSWORD);
        assertThat(onA2.send("GET", "/api/v2/tasks", deactivated, null).status())
                .isEqualTo(200);
        assertThat(onA.send("POST", "/api/v2/admin/users/" + bobId + "/deactivate", admin, null)
                        .status())
                .isEqualTo(204);
        assertRefusedWithin(onA2, deactivated, Duration.ofSeconds(10));
    }

    @Test
    @Order(5)
    void theLoginThrottleCountsAttemptsOnEveryServingProcess() throws Exception {
        String username = "mallory@scale.example";
        ApiClient[] processes = {a.api(), a2.api()};
        // Five attempts per username are allowed per window (the default), counted over both.
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThat(processes[attempt % 2]
                            .login(username, "wrong-password-1")
                            .status())
                    .as("attempt %d", attempt + 1)
                    .isEqualTo(401);
        }

        assertThat(a2.api().login(username, "wrong-password-1").status()).isEqualTo(429);
        assertThat(a.api().login(username, "wrong-password-1").status()).isEqualTo(429);
    }

    @Test
    @Order(6)
    void aWorkerKilledMidTaskIsReplacedAndTheTaskCompletesWithNothingLost() throws Exception {
        ApiClient api = a.api();
        String taskId = upload(
                api, "cardinal.pdf", ApiClient.corpus("cardinal.pdf"), "pdf_mode=force&lang=eng&formats=txt,json");
        aliceOnA.await(taskId, e -> e.status().equals("processing") && e.pagesDone() >= 1, TASK);

        assertThat(b.kill()).as("killed by SIGKILL").isEqualTo(128 + 9);
        assertThat(task(api, alice, taskId).path("status").asText()).isEqualTo("processing");
        c = worker("c");
        c.awaitReady(START);

        aliceOnA.await(taskId, e -> e.status().equals("completed"), TASK);
        JsonNode done = task(api, alice, taskId);
        assertThat(done.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(done.path("pages_total").asInt()).isEqualTo(4);
        assertThat(c.output()).contains("Started 1 task workers");
        assertThat(keysOf(taskId)).containsExactlyInAnyOrder("input", "results/result.json", "results/result.txt");
        HttpResponse<byte[]> txt = api.download(alice, "/api/v2/tasks/" + taskId + "/download/txt");
        assertThat(txt.statusCode()).isEqualTo(200);
        assertThat(txt.body()).isEqualTo(object(resultKey(taskId, "txt")));
        assertNoTaskFilesOnDisk(a, a2, c);
        assertEveryObjectBelongsToATask(api);
    }

    private ServerProcess serving(String name, String sessionCheckCache) throws IOException {
        Map<String, String> env = new HashMap<>(shared);
        env.put("TOOL_OCR_TASKS_WORKERS_POOL_SIZE", "0");
        env.put("PLATFORM_AUTH_SESSION_CHECK_CACHE", sessionCheckCache);
        return ServerProcess.start(name, root, env, List.of());
    }

    /**
     * As {@code ./tool-ocr worker} runs it, with the same environment as the serving processes. One
     * processor: the engine then recognises one page at a time, which makes "within a page" a count.
     */
    private ServerProcess worker(String name) throws IOException {
        Map<String, String> env = new HashMap<>(shared);
        env.put("TOOL_OCR_TASKS_WORKERS_POOL_SIZE", "1");
        return ServerProcess.start(name, root, env, List.of("-XX:ActiveProcessorCount=1"), "--tool-ocr.role=worker");
    }

    private String createUser(ApiClient api, String email) throws Exception {
        ApiClient.Reply created = api.send(
                "POST",
                "/api/v2/admin/users",
                admin,
                JSON.writeValueAsString(Map.of("email", email, "display_name", email, "password", USER_PASSWORD)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private String upload(ApiClient api, String name, byte[] content, String query) throws Exception {
        ApiClient.Reply created = api.upload(alice, name, content, query);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/tasks/0/task_id").asText();
    }

    private static JsonNode task(ApiClient api, String token, String taskId) throws Exception {
        return api.send("GET", "/api/v2/tasks/" + taskId, token, null).json();
    }

    private static void assertRefusedWithin(ApiClient api, String token, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status;
        do {
            status = api.send("GET", "/api/v2/tasks", token, null).status();
            if (status == 401) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still answered " + status + " after " + timeout + ", well inside its session cache");
    }

    /** The task's objects, relative to its folder in the bucket. */
    private List<String> keysOf(String taskId) {
        String marker = "/" + taskId + "/";
        return allKeys().stream()
                .filter(k -> k.contains(marker))
                .map(k -> k.substring(k.indexOf(marker) + marker.length()))
                .toList();
    }

    private String resultKey(String taskId, String format) {
        String file = "results/result." + (format.equals("markdown") ? "md" : format);
        return allKeys().stream()
                .filter(k -> k.endsWith("/" + taskId + "/" + file))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + file + " of " + taskId + " in " + allKeys()));
    }

    private byte[] object(String key) {
        try (S3Client client = bucketClient()) {
            return client.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        }
    }

    /**
     * The test server's client, with only the checksums a request requires, as Tool_OCR's own client:
     * the SDK's defaults send checksum headers s3proxy answers with 501.
     */
    private S3Client bucketClient() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(s3.endpoint())
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY)))
                .build();
    }

    private List<String> allKeys() {
        try (S3Client client = bucketClient()) {
            return client.listObjectsV2Paginator(r -> r.bucket(bucket)).contents().stream()
                    .map(S3Object::key)
                    .toList();
        }
    }

    /** Nothing orphaned: every object is under a task alice still has. */
    private void assertEveryObjectBelongsToATask(ApiClient api) throws Exception {
        JsonNode list =
                api.send("GET", "/api/v2/tasks?page_size=100", alice, null).json();
        List<String> ids = new ArrayList<>();
        list.path("tasks").forEach(t -> ids.add(t.path("task_id").asText()));
        assertThat(allKeys())
                .isNotEmpty()
                .allSatisfy(key ->
                        assertThat(ids).as(key).anySatisfy(id -> assertThat(key).contains("/" + id + "/")));
    }

    /** Files live in the bucket; a process's own disk holds no upload, result or working copy. */
    private static void assertNoTaskFilesOnDisk(ServerProcess... processes) throws IOException {
        for (ServerProcess p : processes) {
            for (String folder : new String[] {"files", "work"}) {
                Path dir = p.dataDir().resolve(folder);
                if (Files.exists(dir)) {
                    try (Stream<Path> walk = Files.walk(dir)) {
                        assertThat(walk.filter(Files::isRegularFile))
                                .as(dir.toString())
                                .isEmpty();
                    }
                }
            }
        }
    }

    /** A long document: the four pages of cardinal.pdf, {@code times} times over. */
    private static byte[] cardinalTimes(int times) throws Exception {
        byte[] cardinal = ApiClient.corpus("cardinal.pdf");
        try (PDDocument out = new PDDocument()) {
            List<PDDocument> sources = new ArrayList<>();
            try {
                for (int i = 0; i < times; i++) {
                    PDDocument source = Loader.loadPDF(cardinal);
                    sources.add(source);
                    for (PDPage page : source.getPages()) {
                        out.importPage(page);
                    }
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                out.save(bytes);
                return bytes.toByteArray();
            } finally {
                for (PDDocument source : sources) {
                    source.close();
                }
            }
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void requireBroker() {
        try (Socket ignored = new Socket(BROKER.getHost(), BROKER.getPort())) {
            // reachable
        } catch (IOException e) {
            String reason = "RabbitMQ is not reachable at " + BROKER.getHost() + ":" + BROKER.getPort();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true and " + reason + "; start it (see README, Tests).");
            }
            System.err.println("NOTICE: skipping the scale-out integration test: " + reason);
            Assumptions.abort(reason);
        }
    }

    private void deleteExchange() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(BROKER);
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            channel.exchangeDelete(exchange);
        }
    }
}
