package dev.toolocr.incident.stats;

import dev.toolocr.incident.rooms.Codes.Category;
import dev.toolocr.incident.rooms.Codes.Severity;
import dev.toolocr.incident.rooms.Codes.Status;
import dev.toolocr.incident.rooms.RoomTimes;
import dev.toolocr.incident.stats.IncidentStatsView.CategoryTimes;
import dev.toolocr.incident.stats.IncidentStatsView.Figure;
import dev.toolocr.incident.stats.IncidentStatsView.LineTimes;
import dev.toolocr.incident.stats.IncidentStatsView.ParetoEntry;
import dev.toolocr.incident.stats.IncidentStatsView.Times;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/**
 * The supervisors' figures: how many incidents, how fast they were acknowledged and resolved, per
 * line and per category, and which categories make up most of them.
 *
 * <p>Who sees them: the spec names no supervisor role, and its dashboard is a page for everyone (unlike
 * the templates page, marked for admins). So every signed-in person may ask, and the figures cover the
 * incidents that person may read: every open-visibility room plus the restricted ones they are a member
 * of; admins ({@code ADMIN_EMAILS}) see every room. A restricted incident thus never shows up in the
 * counts of someone who may not read it, and a supervisor who must see everything is made an admin.
 */
@Service
public class IncidentStats {

    private final RoomTimes rooms;
    private final StatsProperties properties;

    IncidentStats(RoomTimes rooms, StatsProperties properties) {
        this.rooms = rooms;
        this.properties = properties;
    }

    public IncidentStatsView incidents(CurrentUser user, Instant from, Instant before, String line) {
        if (from != null && before != null && !from.isBefore(before)) {
            throw ApiException.invalid("bad-request", "date_from must be before date_to.");
        }
        String lineFilter = line == null || line.isBlank() ? null : line.strip();
        if (lineFilter != null && lineFilter.length() > 120) {
            throw ApiException.invalid("bad-request", "line is at most 120 characters.");
        }
        List<RoomTimes.Row> rows = rooms.readable(user, from, before, lineFilter, properties.maxRooms() + 1);
        if (rows.size() > properties.maxRooms()) {
            throw ApiException.invalid(
                    "range-too-large",
                    "More than " + properties.maxRooms() + " incidents in this range: narrow date_from and date_to"
                            + " or choose a line.");
        }
        Map<String, Long> byStatus = zeros(Status.values(), Status::code);
        Map<String, Long> bySeverity = zeros(Severity.values(), Severity::code);
        Map<String, Long> byCategory = zeros(Category.values(), Category::code);
        Map<String, List<RoomTimes.Row>> perLine = new TreeMap<>();
        Map<String, List<RoomTimes.Row>> perCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            perCategory.put(c.code(), new ArrayList<>());
        }
        for (RoomTimes.Row r : rows) {
            byStatus.merge(r.status(), 1L, Long::sum);
            bySeverity.merge(r.severity(), 1L, Long::sum);
            byCategory.merge(r.category(), 1L, Long::sum);
            perLine.computeIfAbsent(r.line(), k -> new ArrayList<>()).add(r);
            perCategory.computeIfAbsent(r.category(), k -> new ArrayList<>()).add(r);
        }
        List<LineTimes> lines = perLine.entrySet().stream()
                .map(e -> new LineTimes(
                        e.getKey(),
                        e.getValue().size(),
                        figure(e.getValue(), RoomTimes.Row::timeToAcknowledgeS),
                        figure(e.getValue(), RoomTimes.Row::timeToResolveS)))
                .toList();
        List<CategoryTimes> categories = perCategory.entrySet().stream()
                .map(e -> new CategoryTimes(
                        e.getKey(),
                        e.getValue().size(),
                        figure(e.getValue(), RoomTimes.Row::timeToAcknowledgeS),
                        figure(e.getValue(), RoomTimes.Row::timeToResolveS)))
                .toList();
        return new IncidentStatsView(
                from,
                before,
                lineFilter,
                rows.size(),
                byStatus,
                bySeverity,
                byCategory,
                new Times(
                        rows.size(),
                        figure(rows, RoomTimes.Row::timeToAcknowledgeS),
                        figure(rows, RoomTimes.Row::timeToResolveS)),
                lines,
                categories,
                pareto(byCategory, rows.size()));
    }

    /** Categories with incidents, most first (ties in the spec's order); shares of the total. */
    static List<ParetoEntry> pareto(Map<String, Long> byCategory, long total) {
        List<Map.Entry<String, Long>> ranked = byCategory.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Comparator.comparing(Map.Entry<String, Long>::getValue).reversed())
                .toList();
        List<ParetoEntry> entries = new ArrayList<>();
        long cumulative = 0;
        for (Map.Entry<String, Long> e : ranked) {
            cumulative += e.getValue();
            entries.add(new ParetoEntry(
                    e.getKey(), e.getValue(), (double) e.getValue() / total, (double) cumulative / total));
        }
        return entries;
    }

    private static Figure figure(List<RoomTimes.Row> rows, Function<RoomTimes.Row, Long> duration) {
        long[] values = rows.stream()
                .map(duration)
                .filter(Objects::nonNull)
                .mapToLong(Long::longValue)
                .toArray();
        Percentiles p = Percentiles.of(values);
        return new Figure(p.count(), p.at(0.5), p.at(0.9));
    }

    private static <E> Map<String, Long> zeros(E[] values, Function<E, String> code) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (E v : values) {
            counts.put(code.apply(v), 0L);
        }
        return counts;
    }
}
