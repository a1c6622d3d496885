package dev.toolocr.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.auth.AuthException;
import dev.toolocr.auth.AuthProperties;
import dev.toolocr.auth.devad.DevAdServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private ExternalAdCredentialProvider provider(Duration timeout) {
        AuthProperties properties = TestAuthProperties.with(
                Path.of("unused"), null, URI.create("http://127.0.0.1:" + ad.port() + "/"), timeout, 5, 20);
        return new ExternalAdCredentialProvider(properties, new ObjectMapper(), clock);
    }
}
