package dev.toolocr.server.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures over all users' tasks for the admin module, read from the counters the database keeps in
 * step with every task change ({@link TaskCounters}): no task rows are read.
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

    private final TaskCounters counters;
    private final Clock clock;

    TaskStatistics(TaskCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    /** Dashboards and the metrics gauges share one result for this long. */
    static final java.time.Duration OVERVIEW_MAX_AGE = java.time.Duration.ofSeconds(5);

    private record Cached(Instant at, Overview overview) {}

    private final java.util.concurrent.atomic.AtomicReference<Cached> cached =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Bytes the kept uploads and results occupy in storage, from the sizes recorded when they were stored. */
    public long storedBytes() {
        return counters.storedBytes();
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
        Map<TaskStatus, TaskCounters.StatusTotals> overall = counters.overall();
        for (TaskStatus s : TaskStatus.values()) {
            TaskCounters.StatusTotals t = overall.get(s);
            byStatus.put(s.wire(), t == null ? 0L : t.tasks());
        }
        TaskCounters.StatusTotals done =
                overall.getOrDefault(TaskStatus.COMPLETED, new TaskCounters.StatusTotals(0, 0, 0, 0));
        // The p95 is reported as the upper bound of the bucket that holds it.
        Long p95 = null;
        long within = 0;
        for (Map.Entry<Long, Long> bucket : counters.timeBuckets().entrySet()) {
            within += bucket.getValue();
            if (done.timed() > 0 && bucket.getKey() != Long.MAX_VALUE && within >= Math.ceil(done.timed() * 0.95)) {
                p95 = bucket.getKey();
                break;
            }
        }
        return new Overview(
                byStatus,
                done.pages(),
                done.timed() == 0 ? null : (double) done.processingMs() / done.timed(),
                p95,
                byStatus.get(TaskStatus.QUEUED.wire()));
    }

    /** Tasks created per UTC day, oldest first, for the last {@code days} days including today. */
    public List<DayCount> createdPerDay(int days) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Long> counts = counters.createdPerDay(first);
        List<DayCount> series = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            series.add(new DayCount(day, counts.getOrDefault(day, 0L)));
        }
        return series;
    }

    /** Per-user counts for the given users (one admin page of them). */
    public Map<String, UserTaskCounts> countsFor(List<String> userIds) {
        Map<String, UserTaskCounts> result = new LinkedHashMap<>();
        if (userIds.isEmpty()) {
            return result;
        }
        Map<String, Map<TaskStatus, TaskCounters.StatusTotals>> rows = counters.byUserAndStatus(userIds);
        for (String id : userIds) {
            Map<TaskStatus, TaskCounters.StatusTotals> mine = rows.getOrDefault(id, Map.of());
            Map<String, Long> byStatus = new LinkedHashMap<>();
            for (TaskStatus s : TaskStatus.values()) {
                TaskCounters.StatusTotals t = mine.get(s);
                byStatus.put(s.wire(), t == null ? 0L : t.tasks());
            }
            TaskCounters.StatusTotals done = mine.get(TaskStatus.COMPLETED);
            result.put(id, new UserTaskCounts(id, byStatus, done == null ? 0L : done.pages()));
        }
        return result;
    }

    /**
     * The leaderboard: users by tasks created, or by pages of completed tasks created, since
     * {@code since}. Counted in whole UTC days: the day {@code since} falls on counts in full.
     */
    public List<Ranked> top(boolean byPages, Instant since, int limit) {
        return counters.top(byPages, LocalDate.ofInstant(since, ZoneOffset.UTC), limit);
    }
}
