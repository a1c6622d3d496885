package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AuthProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters of sign-in attempts per username and per client address. Memory stays
 * bounded: expired windows are dropped when the map grows.
 */
public class LoginThrottle {

    private static final int MAX_KEYS = 100_000;

    private record Window(Instant start, int count) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AuthProperties.Throttle settings;
    private final Clock clock;

    public LoginThrottle(AuthProperties properties, Clock clock) {
        this.settings = properties.throttle();
        this.clock = clock;
    }

    /** Counts an attempt; returns seconds to wait when either limit is exceeded, else 0. */
    public long attempt(String username, String ip) {
        long byUser = hit("u:" + username, settings.perUsername());
        long byIp = hit("i:" + ip, settings.perIp());
        return Math.max(byUser, byIp);
    }

    /**
     * A successful sign-in clears the username's counter and takes its attempt back from the
     * address's, so that staff signing in behind one office address are not throttled; failed
     * attempts from an address still add up.
     */
    public void succeeded(String username, String ip) {
        windows.remove("u:" + username);
        windows.computeIfPresent("i:" + ip, (k, w) -> w.count() <= 1 ? null : new Window(w.start(), w.count() - 1));
    }

    private long hit(String key, int limit) {
        Instant now = clock.instant();
        Duration length = settings.window();
        if (windows.size() > MAX_KEYS) {
            windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().start().plus(length)));
        }
        Window w = windows.compute(
                key,
                (k, old) -> old == null || !now.isBefore(old.start().plus(length))
                        ? new Window(now, 1)
                        : new Window(old.start(), old.count() + 1));
        if (w.count() <= limit) {
            return 0;
        }
        return Math.max(1, Duration.between(now, w.start().plus(length)).toSeconds());
    }
}
