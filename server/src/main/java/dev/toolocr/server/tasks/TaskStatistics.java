package dev.toolocr.server.tasks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
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

    public Overview overview() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : stats.countByStatus()) {
            counts.put((TaskStatus) row[0], (Long) row[1]);
        }
        counts.forEach((s, n) -> byStatus.put(s.wire(), n));
        long completedTimed = stats.countTimed(TaskStatus.COMPLETED);
        Long p95 = null;
        if (completedTimed > 0) {
            int offset = (int) Math.min(Integer.MAX_VALUE, (long) Math.ceil(completedTimed * 0.95) - 1);
            List<Long> at =
                    stats.processingTimesAscending(TaskStatus.COMPLETED, PageRequest.of(Math.max(offset, 0), 1));
            p95 = at.isEmpty() ? null : at.get(0);
        }
        Long pages = stats.pagesProcessed(TaskStatus.COMPLETED);
        return new Overview(
                byStatus,
                pages == null ? 0 : pages,
                stats.meanProcessingMs(TaskStatus.COMPLETED),
                p95,
                counts.get(TaskStatus.QUEUED));
    }

    /** Tasks created per UTC day, oldest first, for the last {@code days} days including today. */
    public List<DayCount> createdPerDay(int days) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<DayCount> series = new ArrayList<>();
        for (int i = days - 1; i >= 0; i--) {
            LocalDate day = today.minusDays(i);
            Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            series.add(new DayCount(day, stats.countCreatedBetween(from, from.plus(Duration.ofDays(1)))));
        }
        return series;
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
