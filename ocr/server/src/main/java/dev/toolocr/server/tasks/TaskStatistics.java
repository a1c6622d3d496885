package dev.toolocr.server.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates over all users' tasks for the admin module. Every figure comes from an aggregate query
 * on indexed columns; no task rows are loaded into memory.
 */
@Service
@Transactional(readOnly = true)
public class TaskStatistics {

    public record Overview(
            Map<String, Long> byStatus,
            long pagesProcessed,
            Double meanProcessingMs,
            Long p95ProcessingMs,
            long queueDepth) {}

    public record UserTaskCounts(String userId, Map<String, Long> byStatus, long pages) {}

    public record Ranked(String userId, long value) {}

    public record DayCount(LocalDate day, long count) {}

    private final TaskStatisticsRepository stats;
    private final Clock clock;

    TaskStatistics(TaskStatisticsRepository stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /** Upper bounds of the processing-time buckets behind the p95 (it is reported as a bucket bound). */
    static final long[] BUCKETS_MS = {
        250, 500, 1000, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 60000, 120000, 300000, 900000
    };

    /** The whole-table aggregate costs a scan; dashboards and the metrics gauges share one result for this long. */
    static final java.time.Duration OVERVIEW_MAX_AGE = java.time.Duration.ofSeconds(5);

    private record Cached(Instant at, Overview overview) {}

    private final java.util.concurrent.atomic.AtomicReference<Cached> cached =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Bytes the kept uploads and results occupy in storage, from the sizes recorded when they were stored. */
    public long storedBytes() {
        return stats.storedInputBytes() + stats.storedResultBytes();
    }

    /** Task figures at most {@link #OVERVIEW_MAX_AGE} old. */
    public Overview overview() {
        Instant now = clock.instant();
        Cached current = cached.get();
        if (current != null && now.isBefore(current.at().plus(OVERVIEW_MAX_AGE)) && !now.isBefore(current.at())) {
            return current.overview();
        }
        Overview fresh = computeOverview();
        cached.set(new Cached(now, fresh));
        return fresh;
    }

    private Overview computeOverview() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (TaskStatus s : TaskStatus.values()) {
            byStatus.put(s.wire(), 0L);
        }
        long pages = 0;
        long timeSum = 0;
        long timed = 0;
        long[] within = new long[BUCKETS_MS.length];
        for (Object[] row : stats.overviewByStatus()) {
            TaskStatus status = (TaskStatus) row[0];
            byStatus.put(status.wire(), number(row[1]));
            if (status == TaskStatus.COMPLETED) {
                pages = number(row[2]);
                timeSum = number(row[3]);
                timed = number(row[4]);
                for (int b = 0; b < BUCKETS_MS.length; b++) {
                    within[b] = number(row[5 + b]);
                }
            }
        }
        Long p95 = null;
        for (int b = 0; b < BUCKETS_MS.length && timed > 0; b++) {
            if (within[b] >= Math.ceil(timed * 0.95)) {
                p95 = BUCKETS_MS[b];
                break;
            }
        }
        return new Overview(
                byStatus,
                pages,
                timed == 0 ? null : (double) timeSum / timed,
                p95,
                byStatus.get(TaskStatus.QUEUED.wire()));
    }

    /** Tasks created per UTC day, oldest first, for the last {@code days} days including today. */
    public List<DayCount> createdPerDay(int days) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        for (Object[] row : stats.createdPerDaySince(first.atStartOfDay().toInstant(ZoneOffset.UTC))) {
            counts.put(toDate(row[0]), number(row[1]));
        }
        List<DayCount> series = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            series.add(new DayCount(day, counts.getOrDefault(day, 0L)));
        }
        return series;
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(String.valueOf(value).substring(0, 10));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Per-user counts for the given users (one admin page of them). */
    public Map<String, UserTaskCounts> countsFor(List<String> userIds) {
        Map<String, UserTaskCounts> result = new LinkedHashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        Map<String, Map<String, Long>> byUser = new LinkedHashMap<>();
        for (String id : userIds) {
            Map<String, Long> zero = new LinkedHashMap<>();
            for (TaskStatus s : TaskStatus.values()) {
                zero.put(s.wire(), 0L);
            }
            byUser.put(id, zero);
        }
        for (Object[] row : stats.countByUserAndStatus(userIds)) {
            byUser.get((String) row[0]).put(((TaskStatus) row[1]).wire(), (Long) row[2]);
        }
        Map<String, Long> pages = new LinkedHashMap<>();
        for (Object[] row : stats.pagesByUser(userIds, TaskStatus.COMPLETED)) {
            pages.put((String) row[0], row[1] == null ? 0L : ((Number) row[1]).longValue());
        }
        byUser.forEach((id, counts) -> result.put(id, new UserTaskCounts(id, counts, pages.getOrDefault(id, 0L))));
        return result;
    }

    /** The leaderboard: users by completed tasks or pages since {@code since}. */
    public List<Ranked> top(boolean byPages, Instant since, int limit) {
        List<Object[]> rows = byPages
                ? stats.topByPages(TaskStatus.COMPLETED, since, PageRequest.of(0, limit))
                : stats.topByTasks(since, PageRequest.of(0, limit));
        return rows.stream()
                .map(r -> new Ranked((String) r[0], r[1] == null ? 0 : ((Number) r[1]).longValue()))
                .toList();
    }
}
