package dev.toolocr.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The app's one clock in tests, moved forward by hand so that time-based rules (escalation steps,
 * webhook retries) are reached without waiting. By default it is real time plus the offset moved, so
 * everything else keeps seeing time pass as usual; {@link #frozenAt} stands still between moves, for
 * tests whose figures must not depend on how fast the machine runs.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> heldAt = new AtomicReference<>();
    private final Instant frozenAt;

    public TestClock() {
        this(null);
    }

    private TestClock(Instant frozenAt) {
        this.frozenAt = frozenAt;
    }

    /** A clock that shows {@code instant} until it is advanced. */
    public static TestClock frozenAt(Instant instant) {
        return new TestClock(instant);
    }

    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /**
     * Stops the clock until the returned handle is closed, for a test whose rule counts within a
     * window (the send limit) and must not depend on how fast a loaded machine sends.
     */
    public AutoCloseable hold() {
        heldAt.set(instant());
        return () -> heldAt.set(null);
    }

    @Override
    public Instant instant() {
        Instant held = heldAt.get();
        if (held != null) {
            return held;
        }
        return (frozenAt == null ? Instant.now() : frozenAt).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Import into a test context to make every module read a {@link TestClock}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
