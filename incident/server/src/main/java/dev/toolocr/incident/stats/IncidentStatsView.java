package dev.toolocr.incident.stats;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v2/stats/incidents}: figures over the incidents reported in {@code [from, before)}
 * that the caller may read. Every status, severity and category appears in the counts, zero included.
 */
public record IncidentStatsView(
        Instant from,
        Instant before,
        String line,
        long total,
        Map<String, Long> byStatus,
        Map<String, Long> bySeverity,
        Map<String, Long> byCategory,
        Times overall,
        List<LineTimes> perLine,
        List<CategoryTimes> perCategory,
        List<ParetoEntry> pareto) {

    /** Median and 90th percentile of the durations known so far; both null when there are none. */
    public record Figure(long count, Double median, Double p90) {}

    public record Times(long count, Figure timeToAcknowledgeS, Figure timeToResolveS) {}

    public record LineTimes(String line, long count, Figure timeToAcknowledgeS, Figure timeToResolveS) {}

    public record CategoryTimes(String category, long count, Figure timeToAcknowledgeS, Figure timeToResolveS) {}

    /** Categories by count, most first; {@code cumulative_share} reaches 1 at the last. */
    public record ParetoEntry(String category, long count, double share, double cumulativeShare) {}
}
