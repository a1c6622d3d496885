package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.auth.SessionEnded;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;

/**
 * The answer of "is this session alive, and whose is it" for a short while, so that a busy client
 * does not cost two database reads per request. Any {@link SessionEnded} this process hears of
 * drops the entry at once, before the call that ended the session returns; a session ended on
 * another node is refused here within {@code ttl} (or at once when the event crosses processes).
 * An entry never outlives its session's absolute or idle end.
 */
class SessionCheckCache {

    private static final int MAX_ENTRIES = 50_000;

    private final ExpiringEntries<CurrentUser> entries = new ExpiringEntries<>(MAX_ENTRIES);
    private final Duration ttl;

    SessionCheckCache(Duration ttl) {
        this.ttl = ttl;
    }

    Optional<CurrentUser> get(String sessionId, String userId, Instant now) {
        return entries.get(sessionId, now).filter(user -> user.id().equals(userId));
    }

    void put(CurrentUser user, Instant now, Instant sessionAliveUntil) {
        if (ttl.isZero()) {
            return;
        }
        Instant until = now.plus(ttl);
        entries.put(user.sessionId(), user, until.isBefore(sessionAliveUntil) ? until : sessionAliveUntil, now);
    }

    @EventListener
    void on(SessionEnded ended) {
        if (ended.endsAllOfTheUser()) {
            entries.removeIf(user -> user.id().equals(ended.userId()));
        } else {
            entries.remove(ended.sessionId());
        }
    }
}
