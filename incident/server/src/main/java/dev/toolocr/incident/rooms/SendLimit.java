package dev.toolocr.incident.rooms;

import dev.toolocr.incident.config.IncidentProperties;
import dev.toolocr.platform.persistence.DatabaseProperties;
import dev.toolocr.platform.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The send limit (30 messages per person per room in any 10 s by default), counted in the database so
 * that it holds across every server process. The caller already holds the room's row lock (it took
 * the message's seq), so the sends of one room are counted one after another; the person's row is
 * still read with {@code FOR UPDATE}, a current read that sees the latest committed sends even on
 * MariaDB's repeatable-read snapshots. A refused send writes nothing and is not counted, exactly as
 * a message that was never accepted. (There is no unlocked pre-check: a room's sends of one process
 * are committed by one group-commit lane, which holds the room's lock anyway.)
 */
@Component
class SendLimit {

    private final JdbcTemplate jdbc;
    private final String table;
    private final IncidentProperties.Messages limits;
    private final Clock clock;

    SendLimit(JdbcTemplate jdbc, DatabaseProperties database, IncidentProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.table = database.tablePrefix() + "message_send_windows";
        this.limits = properties.messages();
        this.clock = clock;
    }

    /** Counts one send of {@code userId} in {@code roomId}, or refuses it with 429 and Retry-After. */
    @Transactional(propagation = Propagation.MANDATORY)
    void count(String userId, String roomId) {
        Optional<ApiException> refused = tryCount(userId, roomId);
        if (refused.isPresent()) {
            throw refused.get();
        }
    }

    /**
     * As {@link #count}, but answers the refusal instead of throwing it: an exception leaving this
     * transactional method would mark the whole transaction rollback-only, and a group commit must
     * be able to refuse one send and still commit the others.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<ApiException> tryCount(String userId, String roomId) {
        Instant now = clock.instant();
        List<String> stored = read(userId, roomId, " for update");
        Deque<Long> recent = inWindow(stored, now);
        Optional<ApiException> full = refusal(recent, now);
        if (full.isPresent()) {
            return full;
        }
        recent.addLast(now.toEpochMilli());
        String text = recent.stream().map(String::valueOf).collect(Collectors.joining(","));
        // UTC wall time, as every process writes it whatever its own time zone.
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        if (stored.isEmpty()) {
            jdbc.update(
                    "insert into " + table + " (room_id, user_id, recent, updated_at) values (?, ?, ?, ?)",
                    roomId,
                    userId,
                    text,
                    at);
        } else {
            jdbc.update(
                    "update " + table + " set recent = ?, updated_at = ? where room_id = ? and user_id = ?",
                    text,
                    at,
                    roomId,
                    userId);
        }
        return Optional.empty();
    }

    private List<String> read(String userId, String roomId, String lock) {
        return jdbc.queryForList(
                "select recent from " + table + " where room_id = ? and user_id = ?" + lock,
                String.class,
                roomId,
                userId);
    }

    private Deque<Long> inWindow(List<String> stored, Instant now) {
        long windowStart = now.minus(limits.window()).toEpochMilli();
        Deque<Long> recent = new ArrayDeque<>();
        if (!stored.isEmpty() && !stored.get(0).isEmpty()) {
            Arrays.stream(stored.get(0).split(","))
                    .map(Long::parseLong)
                    .filter(at -> at > windowStart)
                    .forEach(recent::addLast);
        }
        return recent;
    }

    private Optional<ApiException> refusal(Deque<Long> recent, Instant now) {
        if (recent.size() < limits.maxPerWindow()) {
            return Optional.empty();
        }
        long waitMillis = recent.peekFirst() + limits.window().toMillis() - now.toEpochMilli();
        long wait = Math.max(1, (waitMillis + 999) / 1000);
        return Optional.of(new ApiException(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-messages",
                "Too many messages; wait a moment.",
                Map.of("retry_after_seconds", wait)));
    }
}
