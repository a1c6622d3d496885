package dev.toolocr.platform.auth.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A bounded in-memory map whose entries carry their own end: an entry past its end is never
 * answered. When full, ended entries are dropped, and if that is not enough, all of them (a cache
 * that forgets only costs a re-check; one that grows without bound costs the process).
 */
final class ExpiringEntries<V> {

    private record Entry<V>(V value, Instant until) {}

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    ExpiringEntries(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    Optional<V> get(String key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.until())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(String key, V value, Instant until, Instant now) {
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> !now.isBefore(e.until()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, until));
    }

    void remove(String key) {
        entries.remove(key);
    }

    void removeIf(Predicate<V> matches) {
        entries.values().removeIf(e -> matches.test(e.value()));
    }
}
