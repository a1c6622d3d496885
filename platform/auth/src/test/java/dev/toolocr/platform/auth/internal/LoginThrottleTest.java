package dev.toolocr.platform.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The throttle on a real (in-memory) database with auth's own migrations, as every process shares it. */
class LoginThrottleTest {

    private final TokenServiceTest.MutableClock clock =
            new TokenServiceTest.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final DataSource database = ThrottleDatabase.h2();
    private final LoginThrottle throttle = ThrottleDatabase.throttle(database, clock, 3, 10);

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

    @Test
    void successfulSignInsBehindOneAddressAreNotThrottledButFailuresStillCount() {
        for (int i = 0; i < 50; i++) {
            String user = "staff" + i + "@example.com";
            assertThat(throttle.attempt(user, "192.0.2.1")).as("sign-in " + i).isZero();
            throttle.succeeded(user, "192.0.2.1");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.attempt("guess" + i + "@example.com", "192.0.2.1"))
                    .isZero();
        }
        assertThat(throttle.attempt("guess@example.com", "192.0.2.1"))
                .as("the 11th failure")
                .isPositive();
    }

    @Test
    void twoProcessesCountAgainstOneLimit() {
        LoginThrottle otherProcess = ThrottleDatabase.throttle(database, clock, 3, 10);

        assertThat(throttle.attempt("bob@example.com", "10.1.0.1")).isZero();
        assertThat(otherProcess.attempt("bob@example.com", "10.1.0.2")).isZero();
        assertThat(throttle.attempt("bob@example.com", "10.1.0.3")).isZero();
        assertThat(otherProcess.attempt("bob@example.com", "10.1.0.4"))
                .as("the fourth attempt, on the other process")
                .isPositive();
    }
}
