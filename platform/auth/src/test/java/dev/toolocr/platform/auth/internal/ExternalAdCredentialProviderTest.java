package dev.toolocr.platform.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.toolocr.platform.auth.AuthException;
import dev.toolocr.platform.auth.AuthProperties;
import dev.toolocr.platform.auth.devad.DevAdServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The AD client against the dev-ad stand-in over a real socket. */
class ExternalAdCredentialProviderTest {

    private DevAdServer ad;
    private final TokenServiceTest.MutableClock clock =
            new TokenServiceTest.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        ad = new DevAdServer(
                        0,
                        List.of(new DevAdServer.User(
                                "alice", "Alice-pw-1", "Alice@Example.com", "Alice Chen", "Engineer")))
                .start();
    }

    @AfterEach
    void stop() {
        ad.close();
    }

    @Test
    void acceptsGoodCredentialsWithTheUsersProfile() {
        var identity = provider(Duration.ofSeconds(2)).authenticate("alice", "Alice-pw-1");

        assertThat(identity).hasValueSatisfying(id -> {
            assertThat(id.email()).isEqualTo("Alice@Example.com");
            assertThat(id.displayName()).isEqualTo("Alice Chen");
            assertThat(id.jobTitle()).isEqualTo("Engineer");
        });
    }

    @Test
    void wrongPasswordIsAskedOnceNeverRetried() {
        assertThat(provider(Duration.ofSeconds(2)).authenticate("alice", "wrong"))
                .isEmpty();
        assertThat(ad.requests()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetriedThenReportedUnavailableAndOpenTheBreaker() {
        ad.failureMode(DevAdServer.FailureMode.ERROR_500);
        ExternalAdCredentialProvider provider = provider(Duration.ofSeconds(2));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> provider.authenticate("alice", "Alice-pw-1"))
                    .isInstanceOfSatisfying(
                            AuthException.class,
                            e -> assertThat(e.kind()).isEqualTo(AuthException.Kind.PROVIDER_UNAVAILABLE));
        }
        assertThat(ad.requests()).isEqualTo(6);

        // Breaker open: no request reaches the API, even once it has recovered.
        ad.failureMode(DevAdServer.FailureMode.NONE);
        assertThatThrownBy(() -> provider.authenticate("alice", "Alice-pw-1")).isInstanceOf(AuthException.class);
        assertThat(ad.requests()).isEqualTo(6);

        clock.advance(Duration.ofSeconds(31));
        assertThat(provider.authenticate("alice", "Alice-pw-1")).isPresent();
    }

    @Test
    void hangingApiTimesOut() {
        ad.failureMode(DevAdServer.FailureMode.HANG);
        long started = System.nanoTime();

        assertThatThrownBy(() -> provider(Duration.ofMillis(300)).authenticate("alice", "Alice-pw-1"))
                .isInstanceOf(AuthException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void readsTheFieldsWhereThisDeploymentsApiKeepsThem() throws Exception {
        String answer = "{\"status\":\"ok\",\"ok\":true,\"result\":{\"jwt\":\"ad-token\",\"ttl\":900,"
                + "\"profile\":{\"mail\":\"Bob@Example.com\",\"displayName\":\"Bob Lin\",\"title\":\"Planner\","
                + "\"objectId\":\"b-1\"}}}";
        try (OneAnswerServer api = new OneAnswerServer(200, answer)) {
            var mapping = new AuthProperties.ResponseMapping(
                    "/ok",
                    "/result/profile/mail",
                    "/result/profile/displayName",
                    "/result/profile/title",
                    "/result/profile/objectId",
                    "/result/jwt",
                    "",
                    "/result/ttl");
            var identity = provider(api.uri(), mapping).authenticate("bob", "Bob-pw-1");

            assertThat(identity).hasValueSatisfying(id -> {
                assertThat(id.email()).isEqualTo("Bob@Example.com");
                assertThat(id.displayName()).isEqualTo("Bob Lin");
                assertThat(id.jobTitle()).isEqualTo("Planner");
                assertThat(id.externalId()).isEqualTo("b-1");
                assertThat(id.tokens().accessToken()).isEqualTo("ad-token");
                assertThat(id.tokens().idToken()).isNull();
                assertThat(id.tokens().expiresInSeconds()).isEqualTo(900);
            });
            // The same answer read with SPEC 4.1's pointers names no e-mail: refused, not guessed.
            assertThat(provider(api.uri(), AuthProperties.ResponseMapping.spec())
                            .authenticate("bob", "Bob-pw-1"))
                    .isEmpty();
        }
    }

    @Test
    void anUnreadableAnswerIsReportedUnavailableWithoutAskingAgain() throws Exception {
        try (OneAnswerServer api = new OneAnswerServer(200, "<html>Maintenance</html>")) {
            assertThatThrownBy(() -> provider(api.uri(), AuthProperties.ResponseMapping.spec())
                            .authenticate("alice", "Alice-pw-1"))
                    .isInstanceOfSatisfying(
                            AuthException.class,
                            e -> assertThat(e.kind()).isEqualTo(AuthException.Kind.PROVIDER_UNAVAILABLE));
            assertThat(api.requests()).as("a retry would be another AD sign-in").isEqualTo(1);
        }
    }

    private ExternalAdCredentialProvider provider(URI api, AuthProperties.ResponseMapping mapping) {
        AuthProperties properties = TestAuthProperties.with(
                TestAuthProperties.with(Path.of("unused"), null, api, Duration.ofSeconds(2), 5, 20), mapping);
        return new ExternalAdCredentialProvider(properties, new ObjectMapper(), clock);
    }

    /** An AD API of another shape: answers every sign-in with the same status and body. */
    private static final class OneAnswerServer implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger requests = new AtomicInteger();

        OneAnswerServer(int status, String body) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private ExternalAdCredentialProvider provider(Duration timeout) {
        AuthProperties properties = TestAuthProperties.with(
                Path.of("unused"), null, URI.create("http://127.0.0.1:" + ad.port() + "/"), timeout, 5, 20);
        return new ExternalAdCredentialProvider(properties, new ObjectMapper(), clock);
    }
}
