package dev.toolocr.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher run as a newcomer runs it (issue 11): {@code HOME}, {@code XDG_CACHE_HOME} and {@code
 * TESSDATA_PREFIX} are empty temporary folders and no system tessdata is searched
 * ({@code TOOL_OCR_SYSTEM_TESSDATA=none}), so every language comes from the data that ships with the
 * build. An English scan and a Traditional Chinese page go through {@code ./tool-ocr serve} and
 * through {@code ./tool-ocr ocr}.
 */
class FreshMachineIT {

    private static final String PASSWORD = "Fresh-machine-admin-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lines of the Traditional Chinese page drawn below; the OCR must give each of them back. */
    private static final List<String> CHINESE = List.of("繁體中文辨識測試", "圖書館每天上午九點開放", "請在會議開始前準備文件", "今天天氣很好我們去公園散步");
    /** A launcher that finds its jar stale rebuilds it first; the readiness wait allows for that. */
    private static final long START_MINUTES = 15;

    @TempDir
    Path dir;

    private Path home;
    private Path cacheHome;
    private Path prefix;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void aMachineWithNoLanguageData() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        cacheHome = Files.createDirectories(dir.resolve("xdg-cache"));
        prefix = Files.createDirectories(dir.resolve("tessdata-prefix"));
    }

    @Test
    void serveRecognisesAnEnglishScanAndATraditionalChinesePage() throws Exception {
        Path chinese = chinesePage();
        int port = freePort();
        Path log = dir.resolve("serve.log");
        ProcessBuilder serve = launcher(log, "serve");
        serve.environment().put("SERVER_PORT", Integer.toString(port));
        serve.environment().put("TOOL_OCR_DATA_DIR", dir.resolve("data").toString());
        serve.environment().put("TOOL_OCR_ADMIN_PASSWORD", PASSWORD);
        serve.environment().put("TOOL_OCR_TASKS_WORKERS_POOL_SIZE", "1");
        Process server = serve.start();
        try {
            awaitReady(server, port, log);
            String token = login(port);

            String english = upload(port, token, corpus("linn.png"), "linn.png", "eng");
            String traditional = upload(port, token, Files.readAllBytes(chinese), "chinese.png", "chi_tra");

            assertThat(awaitCompleted(port, token, english, log)).contains("LinnSequencer", "MIDI");
            assertRecognisesEveryLine(awaitCompleted(port, token, traditional, log));
        } finally {
            stop(server);
        }
        assertTheLanguagesCameFromTheBuild("eng", "chi_tra");
    }

    @Test
    void ocrRecognisesTheSameWithoutAServer() throws Exception {
        Path chinese = chinesePage();
        Path out = dir.resolve("out");
        Path log = dir.resolve("ocr.log");

        int english = run(
                launcher(
                        log,
                        "ocr",
                        corpusPath("linn.png"),
                        "--lang",
                        "eng",
                        "--formats",
                        "txt",
                        "--out",
                        out.toString()),
                log);
        int traditional = run(
                launcher(
                        log,
                        "ocr",
                        chinese.toString(),
                        "--lang",
                        "chi_tra",
                        "--formats",
                        "txt",
                        "--out",
                        out.toString()),
                log);

        assertThat(english).as(tail(log)).isZero();
        assertThat(traditional).as(tail(log)).isZero();
        assertThat(Files.readString(out.resolve("linn.txt"))).contains("LinnSequencer", "MIDI");
        assertRecognisesEveryLine(Files.readString(out.resolve("chinese.txt")));
        assertTheLanguagesCameFromTheBuild("eng", "chi_tra");
    }

    /** Unpacked into the empty cache, checked, and nothing written where TESSDATA_PREFIX points. */
    private void assertTheLanguagesCameFromTheBuild(String... languages) throws IOException {
        Path cache = cacheHome.resolve("tool-ocr/tessdata");
        for (String language : languages) {
            assertThat(cache.resolve(language + ".traineddata")).isNotEmptyFile();
        }
        try (var entries = Files.list(prefix)) {
            assertThat(entries).isEmpty();
        }
    }

    private static void assertRecognisesEveryLine(String text) {
        String compact = text.replaceAll("[\\s\\p{Punct}，。]", "");
        assertThat(CHINESE).allSatisfy(line -> assertThat(compact).contains(line));
    }

    /**
     * The launcher with a newcomer's environment. PATH starts with this JDK, for the launcher's own
     * {@code java}; Maven's and npm's caches stay the real user's, so a rebuild the launcher may start
     * does not download every dependency again into the empty home.
     */
    private ProcessBuilder launcher(Path log, String... args) {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve("tool-ocr").toString());
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
        Map<String, String> env = pb.environment();
        String realHome = System.getProperty("user.home");
        env.put("HOME", home.toString());
        env.put("XDG_CACHE_HOME", cacheHome.toString());
        env.put("TESSDATA_PREFIX", prefix.toString());
        env.put("TOOL_OCR_SYSTEM_TESSDATA", "none");
        env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + env.get("PATH"));
        env.put("MAVEN_USER_HOME", Path.of(realHome, ".m2").toString());
        env.put("npm_config_cache", Path.of(realHome, ".npm").toString());
        env.put("OMP_THREAD_LIMIT", "1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return pb;
    }

    private static int run(ProcessBuilder pb, Path log) throws Exception {
        Process process = pb.start();
        if (!process.waitFor(START_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("./tool-ocr ocr did not finish: " + tail(log));
        }
        return process.exitValue();
    }

    /** A Traditional Chinese page at about 300 dpi, drawn with the machine's Noto CJK font. */
    private Path chinesePage() throws IOException {
        String family = Arrays.stream(
                        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .filter(name -> name.equals("Noto Sans CJK TC") || name.equals("Noto Serif CJK TC"))
                .findFirst()
                .orElse(null);
        if (family == null) {
            String why = "No Noto CJK TC font to draw the Traditional Chinese page with: install fonts-noto-cjk.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why);
            }
            Assumptions.abort(why);
        }
        BufferedImage page = new BufferedImage(2480, 1200, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(family, Font.PLAIN, 80));
        int y = 220;
        for (String line : CHINESE) {
            g.drawString(line, 200, y);
            y += 220;
        }
        g.dispose();
        Path file = dir.resolve("chinese.png");
        ImageIO.write(page, "png", file.toFile());
        return file;
    }

    private void awaitReady(Process server, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(START_MINUTES);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("./tool-ocr serve exited with " + server.exitValue() + ": " + tail(log));
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(uri(port, "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still building or starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("./tool-ocr serve did not become ready: " + tail(log));
    }

    private String login(int port) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri(port, "/api/v2/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin@localhost\",\"password\":\"" + PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private String upload(int port, String token, byte[] file, String name, String lang) throws Exception {
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(uri(port, "/api/v2/tasks?formats=txt&lang=" + lang))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).at("/tasks/0/task_id").asText();
    }

    /** The task's text once it is completed; a failed task fails the test with its error. */
    private String awaitCompleted(int port, String token, String taskId, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        JsonNode task = null;
        while (System.nanoTime() < deadline) {
            task = JSON.readTree(get(port, token, "/api/v2/tasks/" + taskId).body());
            String status = task.path("status").asText();
            if (status.equals("completed")) {
                HttpResponse<String> txt = get(port, token, "/api/v2/tasks/" + taskId + "/download/txt");
                assertThat(txt.statusCode()).isEqualTo(200);
                return txt.body();
            }
            assertThat(status).as("task %s: %s", taskId, task).isIn("pending", "queued", "processing");
            Thread.sleep(250);
        }
        throw new AssertionError("task did not complete: " + task + "; " + tail(log));
    }

    private HttpResponse<String> get(int port, String token, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(port, path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void stop(Process server) throws InterruptedException {
        // The launcher execs java, so this is the server itself.
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    private static String corpusPath(String name) {
        return Path.of(System.getProperty("toolocr.corpus", "../../../shared/corpus/ocrmypdf"))
                .resolve(name)
                .toAbsolutePath()
                .toString();
    }

    private static byte[] corpus(String name) throws IOException {
        return Files.readAllBytes(Path.of(corpusPath(name)));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
