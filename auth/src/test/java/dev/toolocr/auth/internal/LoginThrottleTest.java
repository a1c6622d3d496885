package dev.toolocr.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.auth.AuthProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final TokenServiceTest.MutableClock clock =
            new TokenServiceTest.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(
            new AuthProperties(
                    Path.of("unused"),
                    null,
                    "tool-ocr",
                    Duration.ofMinutes(30),
                    Duration.ofDays(3),
                    Duration.ofDays(30),
                    List.of(),
                    List.of(),
                    new AuthProperties.Local("admin@localhost", null),
                    new AuthProperties.External(null, "/x", Duration.ofSeconds(5), 3, 5, Duration.ofSeconds(30)),
                    new AuthProperties.Throttle(3, 10, Duration.ofMinutes(5))),
            clock);

    @Test
    void blocksAUsernameAfterItsLimitWithTheRemainingWait() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.attempt("alice@example.com", "10.0.0." + i)).isZero();
        }
        assertThat(throttle.attempt("alice@example.com", "10.0.0.9")).isEqualTo(300);

        clock.advance(Duration.ofMinutes(2));
        assertThat(throttle.attempt("alice@example.com", "10.0.0.9")).isEqualTo(180);

        clock.advance(Duration.ofMinutes(3));
        assertThat(throttle.attempt("alice@example.com", "10.0.0.9")).isZero();
    }

    @Test
    void blocksAnAddressSprayingManyUsernames() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.attempt("user" + i + "@example.com", "203.0.113.5"))
                    .isZero();
        }
        assertThat(throttle.attempt("someone@example.com", "203.0.113.5")).isPositive();
        assertThat(throttle.attempt("someone@example.com", "198.51.100.1")).isZero();
    }
}
