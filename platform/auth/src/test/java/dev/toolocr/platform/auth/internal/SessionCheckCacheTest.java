package dev.toolocr.platform.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.auth.SessionEnded;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionCheckCacheTest {

    private final Instant now = Instant.parse("2026-12-01T12:00:00Z");
    private final CurrentUser alice = new CurrentUser("u-alice", "alice@example.com", "Alice", false, "s-1");
    private final CurrentUser aliceOnPhone = new CurrentUser("u-alice", "alice@example.com", "Alice", false, "s-2");

    @Test
    void believesALiveSessionForItsTtlOnly() {
        SessionCheckCache cache = new SessionCheckCache(Duration.ofSeconds(1));
        cache.put(alice, now, now.plus(Duration.ofDays(3)));

        assertThat(cache.get("s-1", "u-alice", now.plusMillis(999))).contains(alice);
        assertThat(cache.get("s-1", "u-alice", now.plusSeconds(1))).isEmpty();
        assertThat(cache.get("s-1", "u-mallory", now))
                .as("another user's token naming the session")
                .isEmpty();
    }

    @Test
    void neverOutlivesTheSessionItself() {
        SessionCheckCache cache = new SessionCheckCache(Duration.ofSeconds(1));
        cache.put(alice, now, now.plusMillis(200));

        assertThat(cache.get("s-1", "u-alice", now.plusMillis(200))).isEmpty();
    }

    @Test
    void anEndedSessionIsForgottenAtOnce() {
        SessionCheckCache cache = new SessionCheckCache(Duration.ofMinutes(5));
        cache.put(alice, now, now.plus(Duration.ofDays(3)));
        cache.put(aliceOnPhone, now, now.plus(Duration.ofDays(3)));

        cache.on(new SessionEnded("u-alice", "s-1", "logout"));
        assertThat(cache.get("s-1", "u-alice", now)).isEmpty();
        assertThat(cache.get("s-2", "u-alice", now)).contains(aliceOnPhone);

        cache.on(new SessionEnded("u-alice", null, "user_deactivated"));
        assertThat(cache.get("s-2", "u-alice", now)).isEmpty();
    }

    @Test
    void aZeroTtlCachesNothing() {
        SessionCheckCache cache = new SessionCheckCache(Duration.ZERO);
        cache.put(alice, now, now.plus(Duration.ofDays(3)));

        assertThat(cache.get("s-1", "u-alice", now)).isEmpty();
    }
}
