package dev.toolocr.server.tasks;

import dev.toolocr.platform.persistence.DatabaseProperties;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the counters that the V5 migration's triggers keep in step with every task change (see
 * docs/performance.md): a few rows per user instead of an aggregate over the task table.
 */
@Component
class TaskCounters {

    /** One (user, status) row summed over users: tasks, and for completed ones pages and timings. */
    record StatusTotals(long tasks, long pages, long processingMs, long timed) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final String counters;
    private final String days;
    private final String buckets;
    private final String storage;

    TaskCounters(NamedParameterJdbcTemplate jdbc, DatabaseProperties database) {
        this.jdbc = jdbc;
        String p = database.tablePrefix();
        this.counters = p + "task_counters";
        this.days = p + "task_days";
        this.buckets = p + "task_time_buckets";
        this.storage = p + "task_storage";
    }

    /** The caller's tasks per status (every status present, zero when none). */
    Map<TaskStatus, Long> byStatus(String userId) {
        Map<TaskStatus, Long> counts = zeroes();
        jdbc.query("SELECT status, tasks FROM " + counters + " WHERE user_id = :u", Map.of("u", userId), rs -> {
            counts.put(TaskStatus.fromWire(rs.getString(1)), rs.getLong(2));
        });
        return counts;
    }

    long total(String userId) {
        Long n = jdbc.queryForObject(
                "SELECT coalesce(sum(tasks), 0) FROM " + counters + " WHERE user_id = :u",
                Map.of("u", userId),
                Long.class);
        return n == null ? 0 : n;
    }

    /** Per status for several users, as user → status → (tasks, pages, ...). */
    Map<String, Map<TaskStatus, StatusTotals>> byUserAndStatus(Collection<String> userIds) {
        Map<String, Map<TaskStatus, StatusTotals>> result = new LinkedHashMap<>();
        jdbc.query(
                "SELECT user_id, status, tasks, pages, processing_ms, timed FROM " + counters
                        + " WHERE user_id IN (:users)",
                Map.of("users", userIds),
                rs -> {
                    result.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(TaskStatus.class))
                            .put(
                                    TaskStatus.fromWire(rs.getString(2)),
                                    new StatusTotals(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                });
        return result;
    }

    /** All users together, per status. */
    Map<TaskStatus, StatusTotals> overall() {
        Map<TaskStatus, StatusTotals> result = new EnumMap<>(TaskStatus.class);
        jdbc.query(
                "SELECT status, sum(tasks), sum(pages), sum(processing_ms), sum(timed) FROM " + counters
                        + " GROUP BY status",
                rs -> {
                    result.put(
                            TaskStatus.fromWire(rs.getString(1)),
                            new StatusTotals(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                });
        return result;
    }

    /** Completed tasks per processing-time bucket, by the bucket's upper bound (ms), ascending. */
    Map<Long, Long> timeBuckets() {
        Map<Long, Long> result = new LinkedHashMap<>();
        jdbc.query("SELECT upper_ms, sum(tasks) FROM " + buckets + " GROUP BY upper_ms ORDER BY upper_ms", rs -> {
            result.put(rs.getLong(1), rs.getLong(2));
        });
        return result;
    }

    long storedBytes() {
        Long n = jdbc.getJdbcTemplate()
                .queryForObject("SELECT coalesce(sum(stored_bytes), 0) FROM " + storage, Long.class);
        return n == null ? 0 : n;
    }

    /** Tasks created per UTC day from {@code first} on; days without tasks are absent. */
    Map<LocalDate, Long> createdPerDay(LocalDate first) {
        Map<LocalDate, Long> result = new LinkedHashMap<>();
        jdbc.query(
                "SELECT created_on, sum(tasks) FROM " + days + " WHERE created_on >= :first GROUP BY created_on",
                Map.of("first", Date.valueOf(first)),
                rs -> {
                    result.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                });
        return result;
    }

    /** Users by tasks created, or by pages of completed tasks created, on or after {@code first}. */
    List<TaskStatistics.Ranked> top(boolean byPages, LocalDate first, int limit) {
        String value = byPages ? "sum(completed_pages)" : "sum(tasks)";
        return jdbc.query(
                "SELECT user_id, " + value + " AS v FROM " + days + " WHERE created_on >= :first GROUP BY user_id"
                        + " HAVING " + value + " > 0 ORDER BY v DESC, user_id LIMIT " + Math.max(1, limit),
                new MapSqlParameterSource("first", Date.valueOf(first)),
                (rs, i) -> new TaskStatistics.Ranked(rs.getString(1), rs.getLong(2)));
    }

    private static Map<TaskStatus, Long> zeroes() {
        Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }
}
