package dev.toolocr.server.scaleout;

import dev.toolocr.platform.storage.S3TestServer;
import dev.toolocr.server.api.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real {@code java -jar tool-ocr-server.jar} process, as an operator starts it on a machine of
 * its own: its own data folder and port, everything else from the environment it is given. The
 * process is the JVM itself (no launcher shell in between), so {@link #kill()} is a SIGKILL of the
 * server.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/tool-ocr-server.jar").toAbsolutePath();

    private final String name;
    private final Process process;
    private final int port;
    private final Path dataDir;
    private final Path log;

    private ServerProcess(String name, Process process, int port, Path dataDir, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    /**
     * Starts the jar with {@code env} on top of this JVM's environment. The JIT's first tier only: these
     * processes live for minutes, and four of them start on a small test machine at once.
     */
    public static ServerProcess start(
            String name, Path root, Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException {
        int port = S3TestServer.freePort();
        Path dataDir = Files.createDirectories(root.resolve(name));
        Path log = root.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        pb.environment().put("TOOL_OCR_DATA_DIR", dataDir.toString());
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        return new ServerProcess(name, pb.start(), port, dataDir, log);
    }

    public void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        ApiClient probe = new ApiClient(port);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (probe.send("GET", "/actuator/health/readiness", null, null).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new AssertionError(name + " did not become ready:\n" + tail());
    }

    public ApiClient api() {
        return new ApiClient(port);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Everything the process printed so far (console and log are one stream). */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read the output of " + name, e);
        }
    }

    /** Waits for a line of the output matching {@code pattern}; its match. */
    Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = pattern.matcher(output());
            if (m.find()) {
                return m;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " never printed " + pattern + ":\n" + tail());
    }

    /** SIGKILL: no shutdown hook, no graceful stop, the JVM is gone at once. Its exit status. */
    public int kill() throws InterruptedException {
        String executable = process.info().command().orElse("");
        if (!Path.of(executable).getFileName().toString().equals("java")) {
            throw new AssertionError(name + " is not the JVM itself but " + executable);
        }
        process.destroyForcibly();
        return process.waitFor();
    }

    public String tail() {
        List<String> lines = output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
