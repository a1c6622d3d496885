package dev.toolocr.platform.auth.devad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A stand-in for the corporate AD authentication API (SPEC 4.1) on 127.0.0.1, for trials and tests.
 * Users come from a YAML file; knobs add latency or make it fail. Passwords are never logged.
 */
public final class DevAdServer implements AutoCloseable {

    public enum FailureMode {
        NONE,
        ERROR_500,
        HANG
    }

    public record User(String username, String password, String email, String name, String jobTitle) {}

    private final HttpServer server;
    private final Map<String, User> users;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private volatile FailureMode failureMode = FailureMode.NONE;
    private volatile long latencyMillis;
    private volatile long tokenLifetimeSeconds = 3600;
    private volatile int requests;
    private volatile Function<User, String> idTokens = user -> token();

    public DevAdServer(int port, List<User> users) throws IOException {
        this.users = new ConcurrentHashMap<>();
        users.forEach(u -> this.users.put(u.username(), u));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/api/auth/login", this::login);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dev-ad");
            t.setDaemon(true);
            return t;
        }));
    }

    public DevAdServer start() {
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void failureMode(FailureMode mode) {
        this.failureMode = mode;
    }

    public void latencyMillis(long millis) {
        this.latencyMillis = millis;
    }

    public void tokenLifetimeSeconds(long seconds) {
        this.tokenLifetimeSeconds = seconds;
    }

    /**
     * Where the {@code id_token} of a successful sign-in comes from; random opaque text by default, a
     * real OpenID issuer's token in the id_token verification tests.
     */
    public void idTokens(Function<User, String> source) {
        this.idTokens = source;
    }

    /** The user changed their AD password: the old one is refused from now on. */
    public void changePassword(String username, String newPassword) {
        users.computeIfPresent(
                username, (name, u) -> new User(u.username(), newPassword, u.email(), u.name(), u.jobTitle()));
    }

    /** The directory now gives the user another display name (marriage, typo fixed). */
    public void rename(String username, String newName) {
        users.computeIfPresent(
                username, (name, u) -> new User(u.username(), u.password(), u.email(), newName, u.jobTitle()));
    }

    /** Login requests received so far (to prove what was, or was not, retried). */
    public int requests() {
        return requests;
    }

    private void login(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests++;
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, Map.of("success", false, "error", "method not allowed"));
                return;
            }
            sleep(latencyMillis);
            if (failureMode == FailureMode.ERROR_500) {
                send(exchange, 500, Map.of("success", false, "error", "internal error (simulated)"));
                return;
            }
            if (failureMode == FailureMode.HANG) {
                sleep(10 * 60 * 1000L);
                return;
            }
            JsonNode body;
            try (InputStream in = exchange.getRequestBody()) {
                body = json.readTree(in.readNBytes(64 * 1024));
            } catch (IOException e) {
                send(exchange, 400, Map.of("success", false, "error", "invalid JSON"));
                return;
            }
            String username = body == null ? "" : body.path("username").asText("");
            String password = body == null ? "" : body.path("password").asText("");
            User user = users.get(username);
            if (user == null || !constantTimeEquals(user.password(), password)) {
                System.out.println("dev-ad: rejected sign-in for '" + username.replaceAll("[^\\w@.+-]", "?") + "'");
                send(exchange, 401, Map.of("success", false, "error", "Invalid credentials"));
                return;
            }
            System.out.println("dev-ad: accepted sign-in for '" + username + "'");
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("id", "ad-" + user.username());
            info.put("name", user.name());
            info.put("email", user.email());
            info.put("jobTitle", user.jobTitle());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("access_token", token());
            data.put("id_token", idTokens.apply(user));
            data.put("expires_in", tokenLifetimeSeconds);
            data.put("token_type", "Bearer");
            data.put("userInfo", info);
            send(exchange, 200, Map.of("success", true, "data", data));
        }
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Reads the {@code users:} list of a YAML file. */
    @SuppressWarnings("unchecked")
    public static List<User> readUsers(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException("cannot read the users file " + file);
        }
        Object root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new Yaml().load(in);
        } catch (YAMLException e) {
            throw new IOException("the users file " + file + " is not valid YAML");
        }
        Object list = root instanceof Map<?, ?> map ? map.get("users") : null;
        if (!(list instanceof List<?> entries)
                || !entries.stream()
                        .allMatch(e -> e instanceof Map<?, ?> m
                                && m.get("username") != null
                                && m.get("password") != null
                                && m.get("email") != null)) {
            throw new IOException(
                    "the users file needs a top-level 'users:' list of entries with username, password and email");
        }
        return entries.stream()
                .map(e -> (Map<String, Object>) e)
                .map(m -> new User(
                        String.valueOf(m.get("username")),
                        String.valueOf(m.get("password")),
                        String.valueOf(m.get("email")),
                        String.valueOf(m.getOrDefault("name", m.get("username"))),
                        m.get("job_title") == null ? null : String.valueOf(m.get("job_title"))))
                .toList();
    }

    /** {@code dev-ad [--port 9100] [--users FILE] [--latency-ms N] [--fail none|500|hang] [--token-lifetime S]} */
    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException | IOException e) {
            // One clear line, like the launcher's own errors; never a stack trace for a typo.
            String reason =
                    e instanceof NumberFormatException ? "a number was expected: " + e.getMessage() : e.getMessage();
            System.err.println(
                    "tool-ocr dev-ad: " + (e instanceof java.net.BindException ? "cannot listen: " : "") + reason);
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        int port = 9100;
        Path usersFile = null;
        long latency = 0;
        FailureMode mode = FailureMode.NONE;
        long lifetime = 3600;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(need(value, args[i++]));
                case "--users" -> usersFile = Path.of(need(value, args[i++]));
                case "--latency-ms" -> latency = Long.parseLong(need(value, args[i++]));
                case "--token-lifetime" -> lifetime = Long.parseLong(need(value, args[i++]));
                case "--fail" ->
                    mode = switch (need(value, args[i++])) {
                        case "none" -> FailureMode.NONE;
                        case "500" -> FailureMode.ERROR_500;
                        case "hang" -> FailureMode.HANG;
                        default -> throw new IllegalArgumentException("--fail must be none, 500 or hang");
                    };
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<User> users = usersFile == null
                ? List.of(new User("alice", "Alice-pw-1", "alice@example.com", "Alice Chen", null))
                : readUsers(usersFile);
        DevAdServer server = new DevAdServer(port, users).start();
        server.failureMode(mode);
        server.latencyMillis(latency);
        server.tokenLifetimeSeconds(lifetime);
        System.out.println("dev-ad: serving " + users.size() + " user(s) on http://127.0.0.1:" + server.port()
                + "/api/auth/login (set EXTERNAL_AUTH_API_URL=http://127.0.0.1:" + server.port() + ")");
        Thread.currentThread().join();
    }

    private static String need(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
