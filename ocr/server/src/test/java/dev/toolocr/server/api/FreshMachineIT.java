package dev.toolocr.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
    /** Lines of the Traditional Chinese page drawn below, which the OCR must give back. */
    private static final List<String> CHINESE = List.of("繁體中文辨識測試", "圖書館每天上午九點開放", "請在會議開始前準備文件", "今天天氣很好我們去公園散步");
    /** A launcher that finds its jar stale rebuilds it first; the readiness wait allows for that. */
    private static final long START_MINUTES = 15;

    @TempDir
    Path dir;

    private Path home;
    private Path cacheHome;
    private Path prefix;

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
            ApiClient api = new ApiClient(port);
            String token = api.token("admin@localhost", PASSWORD);

            String english = upload(api, token, ApiClient.corpus("linn.png"), "linn.png", "eng");
            String traditional = upload(api, token, Files.readAllBytes(chinese), "chinese.png", "chi_tra");

            assertThat(text(api, token, english, log)).contains("LinnSequencer", "MIDI");
            assertRecognisesEveryLine(text(api, token, traditional, log));
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

    /** Within 0.1 character error rate of the drawn lines, whitespace and punctuation aside. */
    private static void assertRecognisesEveryLine(String text) {
        String reference = String.join("", CHINESE);
        String compact = text.replaceAll("[\\s\\p{Punct}，。]", "");
        assertThat((double) editDistance(compact, reference) / reference.length())
                .as("character error rate of %s", compact)
                .isLessThanOrEqualTo(0.1);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
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
                if (new ApiClient(port)
                                .send("GET", "/actuator/health/readiness", null, null)
                                .status()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still building or starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("./tool-ocr serve did not become ready: " + tail(log));
    }

    private static String upload(ApiClient api, String token, byte[] file, String name, String lang) throws Exception {
        ApiClient.Reply created = api.upload(token, name, file, "formats=txt&lang=" + lang);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/tasks/0/task_id").asText();
    }

    /** The task's text once it is completed; a failed task fails the test with its error. */
    private static String text(ApiClient api, String token, String taskId, Path log) throws Exception {
        JsonNode task = api.awaitFinished(token, taskId, TimeUnit.MINUTES.toMillis(5));
        assertThat(task.path("status").asText()).as("%s; %s", task, tail(log)).isEqualTo("completed");
        HttpResponse<byte[]> txt = api.download(token, "/api/v2/tasks/" + taskId + "/download/txt");
        assertThat(txt.statusCode()).isEqualTo(200);
        return new String(txt.body(), StandardCharsets.UTF_8);
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
}
