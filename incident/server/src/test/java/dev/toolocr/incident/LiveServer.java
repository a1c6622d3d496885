package dev.toolocr.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.auth.UserDirectory;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The real server on a random port with an in-memory database, shared by the HTTP and WebSocket
 * tests (one Spring context for all of them), and a small HTTP client that signs people in.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:incident-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "platform.auth.local.bootstrap-admin-password=Bootstrap-admin-pw-1",
            "platform.auth.admin-emails=admin@localhost",
            "incident.data-dir=target/it-data",
            "incident.realtime.typing-expiry=1s",
            "incident.escalation.poll-interval=200ms"
        })
@Import(TestClock.Config.class)
public abstract class LiveServer {

    protected static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserDirectory directory;

    /** The app's clock: move it forward to reach what is due later. */
    @Autowired
    protected TestClock clock;

    /** An answer: status and body (parsed when JSON). */
    public record Answer(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    /** A signed-in person with an access token. */
    public record Person(String id, String email, String name, String token) {}

    protected Answer call(String method, String path, Person as, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        request.method(
                method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        if (as != null) {
            request.header("Authorization", "Bearer " + as.token());
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r);
    }

    /** A new local user, signed in; names are unique per call so tests never share people. */
    protected Person person(String name) throws Exception {
        String email = name.toLowerCase().replace(' ', '.') + "."
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "Password-" + UUID.randomUUID();
        String admin = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        String id = directory.createLocalUser(email, name, password, admin).id();
        return new Person(id, email, name, signIn(email, password));
    }

    protected Person admin() throws Exception {
        String id = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        return new Person(id, "admin@localhost", "Administrator", signIn("admin@localhost", "Bootstrap-admin-pw-1"));
    }

    private String signIn(String email, String password) throws Exception {
        Answer a = call("POST", "/api/v2/auth/login", null, Map.of("username", email, "password", password));
        if (a.status() != 200) {
            throw new AssertionError("sign-in failed: " + a.status() + " " + a.body());
        }
        return a.json().path("access_token").asText();
    }

    /** A room created by {@code owner}; a unique equipment keeps the duplicate check out of the way. */
    protected String room(Person owner, String visibility) throws Exception {
        Answer a = call(
                "POST",
                "/api/v2/rooms",
                owner,
                Map.of(
                        "title", "Press 4 hydraulic leak",
                        "line", "L2",
                        "equipment", "press-" + UUID.randomUUID(),
                        "category", "machine_down",
                        "severity", "high",
                        "visibility", visibility));
        if (a.status() != 201) {
            throw new AssertionError("room not created: " + a.status() + " " + a.body());
        }
        return a.json().path("id").asText();
    }

    protected void addMember(Person owner, String roomId, Person who, String role) throws Exception {
        Answer a =
                call("POST", "/api/v2/rooms/" + roomId + "/members", owner, Map.of("email", who.email(), "role", role));
        if (a.status() != 201) {
            throw new AssertionError("member not added: " + a.status() + " " + a.body());
        }
    }

    protected Answer post(Person as, String roomId, String content, String clientId) throws Exception {
        Map<String, Object> body =
                clientId == null ? Map.of("content", content) : Map.of("content", content, "client_id", clientId);
        return call("POST", "/api/v2/rooms/" + roomId + "/messages", as, body);
    }

    /** A multipart upload of one part named {@code file}, with whatever name and type the client claims. */
    protected HttpResponse<byte[]> upload(Person as, String roomId, String filename, String claimedType, byte[] data)
            throws Exception {
        String boundary = "----irs" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + claimedType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(data);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v2/rooms/" + roomId + "/files"))
                .header("Authorization", "Bearer " + as.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
