package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window counters of sign-in attempts per username and per client address, kept in the
 * database so that every server process counts against the same limits. Each step is one
 * conditional statement, so concurrent attempts on any number of processes add up exactly; expired
 * windows are removed now and then.
 */
public class LoginThrottle {

    private static final int CLEANUP_EVERY = 500;

    private record Window(Instant start, int attempts) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String table;
    private final AuthProperties.Throttle settings;
    private final Clock clock;
    private final AtomicInteger sinceCleanup = new AtomicInteger();

    public LoginThrottle(
            AuthProperties properties, JdbcTemplate jdbc, TransactionTemplate tx, String tablePrefix, Clock clock) {
        this.settings = properties.throttle();
        this.jdbc = jdbc;
        this.tx = tx;
        this.table = tablePrefix + "login_attempts";
        this.clock = clock;
    }

    /** Counts an attempt; returns seconds to wait when either limit is exceeded, else 0. */
    public long attempt(String username, String ip) {
        long byUser = hit(key("u", username), settings.perUsername());
        long byIp = hit(key("i", ip), settings.perIp());
        return Math.max(byUser, byIp);
    }

    /**
     * A successful sign-in clears the username's counter and takes its attempt back from the
     * address's, so that staff signing in behind one office address are not throttled; failed
     * attempts from an address still add up.
     */
    public void succeeded(String username, String ip) {
        jdbc.update("delete from " + table + " where throttle_key = ?", key("u", username));
        jdbc.update(
                "update " + table + " set attempts = attempts - 1 where throttle_key = ? and attempts > 0",
                key("i", ip));
    }

    private long hit(String key, int limit) {
        Instant now = clock.instant();
        Duration length = settings.window();
        if (sinceCleanup.incrementAndGet() >= CLEANUP_EVERY) {
            sinceCleanup.set(0);
            jdbc.update("delete from " + table + " where window_start <= ?", utc(now.minus(length)));
        }
        Window w = count(key, now, length);
        if (w.attempts() <= limit) {
            return 0;
        }
        return Math.max(1, Duration.between(now, w.start().plus(length)).toSeconds());
    }

    /** This attempt counted in the key's current window (a new one when the last has ended). */
    private Window count(String key, Instant now, Duration length) {
        LocalDateTime at = utc(now);
        LocalDateTime windowOpenSince = utc(now.minus(length));
        for (int attempt = 0; ; attempt++) {
            try {
                return tx.execute(status -> {
                    int counted = jdbc.update(
                            "update " + table + " set attempts = attempts + 1 where throttle_key = ?"
                                    + " and window_start > ?",
                            key,
                            windowOpenSince);
                    if (counted == 0) {
                        int restarted = jdbc.update(
                                "update " + table + " set attempts = 1, window_start = ? where throttle_key = ?"
                                        + " and window_start <= ?",
                                at,
                                key,
                                windowOpenSince);
                        if (restarted == 0) {
                            jdbc.update(
                                    "insert into " + table + " (throttle_key, window_start, attempts) values (?, ?, 1)",
                                    key,
                                    at);
                        }
                    }
                    List<Window> rows = jdbc.query(
                            "select window_start, attempts from " + table + " where throttle_key = ?",
                            (rs, n) -> new Window(
                                    rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getInt(2)),
                            key);
                    return rows.get(0);
                });
            } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                // Another process opened this key's window at the same moment (or MariaDB chose this
                // transaction as a deadlock's loser): count again, in the window that now exists.
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    /** UTC wall time, as every process writes and reads it whatever its own time zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String key(String kind, String value) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
