package dev.toolocr.platform.auth.devad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The stand-in AD server's own contract: its users file and its answers to bad requests. */
@ExtendWith(OutputCaptureExtension.class)
class DevAdServerTest {

    @TempDir
    Path dir;

    @Test
    void readsTheUsersFileOfTheIssue() throws Exception {
        Path file = Files.writeString(dir.resolve("users.yml"), """
                users:
                  - username: alice
                    password: "Alice-pw-1"
                    email: alice@example.com
                    name: Alice Chen
                """);

        assertThat(DevAdServer.readUsers(file))
                .containsExactly(new DevAdServer.User("alice", "Alice-pw-1", "alice@example.com", "Alice Chen", null));
    }

    @Test
    void explainsAMissingOrMalformedUsersFileInOneLine() throws Exception {
        Path noList = Files.writeString(dir.resolve("a.yml"), "people: []\n");
        Path noPassword = Files.writeString(dir.resolve("b.yml"), "users:\n  - username: bob\n    email: b@x\n");
        Path notYaml = Files.writeString(dir.resolve("c.yml"), "users: [unclosed\n");

        assertThatThrownBy(() -> DevAdServer.readUsers(dir.resolve("missing.yml")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot read the users file");
        assertThatThrownBy(() -> DevAdServer.readUsers(noList)).hasMessageContaining("top-level 'users:' list");
        assertThatThrownBy(() -> DevAdServer.readUsers(noPassword))
                .hasMessageContaining("username, password and email");
        assertThatThrownBy(() -> DevAdServer.readUsers(notYaml)).hasMessageContaining("is not valid YAML");
    }

    @Test
    void logsSignInsWithoutPasswordsAndAddsTheLatencyAskedFor(CapturedOutput output) throws Exception {
        try (DevAdServer ad = new DevAdServer(
                        0, List.of(new DevAdServer.User("alice", "Alice-pw-1", "alice@example.com", "Alice", null)))
                .start()) {
            HttpClient http = HttpClient.newHttpClient();
            URI login = URI.create("http://127.0.0.1:" + ad.port() + "/api/auth/login");
            ad.latencyMillis(400);
            long started = System.nanoTime();
            HttpResponse<String> good = http.send(signIn(login, "Alice-pw-1"), HttpResponse.BodyHandlers.ofString());
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            HttpResponse<String> bad = http.send(signIn(login, "Wrong-pw-9"), HttpResponse.BodyHandlers.ofString());

            assertThat(good.statusCode()).isEqualTo(200);
            assertThat(bad.statusCode()).isEqualTo(401);
            assertThat(tookMillis).as("latency knob").isGreaterThanOrEqualTo(400);
            assertThat(output.getAll())
                    .contains("accepted sign-in for 'alice'")
                    .contains("rejected sign-in for 'alice'")
                    .doesNotContain("Alice-pw-1")
                    .doesNotContain("Wrong-pw-9");
        }
    }

    private static HttpRequest signIn(URI login, String password) {
        return HttpRequest.newBuilder(login)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"" + password + "\"}"))
                .build();
    }

    @Test
    void refusesWrongMethodsAndBodiesAndNeverEchoesThePassword() throws Exception {
        try (DevAdServer ad = new DevAdServer(
                        0, List.of(new DevAdServer.User("alice", "Alice-pw-1", "alice@example.com", "Alice", null)))
                .start()) {
            HttpClient http = HttpClient.newHttpClient();
            URI login = URI.create("http://127.0.0.1:" + ad.port() + "/api/auth/login");

            HttpResponse<String> get =
                    http.send(HttpRequest.newBuilder(login).GET().build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> garbage = http.send(
                    HttpRequest.newBuilder(login)
                            .POST(HttpRequest.BodyPublishers.ofString("{not json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> wrong = http.send(
                    HttpRequest.newBuilder(login)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"username\":\"alice\",\"password\":\"Guess-pw-9\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(garbage.statusCode()).isEqualTo(400);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("\"success\":false").doesNotContain("Guess-pw-9");
        }
    }
}
