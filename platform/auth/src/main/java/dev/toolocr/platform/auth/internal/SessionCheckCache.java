package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.auth.SessionEnded;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    private record Entry(CurrentUser user, Instant validUntil) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;

    SessionCheckCache(Duration ttl) {
        this.ttl = ttl;
    }

    Optional<CurrentUser> get(String sessionId, String userId, Instant now) {
        Entry entry = entries.get(sessionId);
        if (entry == null
                || !now.isBefore(entry.validUntil())
                || !entry.user().id().equals(userId)) {
            return Optional.empty();
        }
        return Optional.of(entry.user());
    }

    void put(CurrentUser user, Instant now, Instant sessionAliveUntil) {
        if (ttl.isZero()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !now.isBefore(e.validUntil()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        Instant until = now.plus(ttl);
        entries.put(user.sessionId(), new Entry(user, until.isBefore(sessionAliveUntil) ? until : sessionAliveUntil));
    }

    @EventListener
    void on(SessionEnded ended) {
        if (ended.endsAllOfTheUser()) {
            entries.values().removeIf(e -> e.user().id().equals(ended.userId()));
        } else {
            entries.remove(ended.sessionId());
        }
    }
}
