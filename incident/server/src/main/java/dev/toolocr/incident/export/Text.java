package dev.toolocr.incident.export;

import dev.toolocr.incident.rooms.RoomDtos.RoomView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What both formats say alike: labels, times, sizes. */
final class Text {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Text() {}

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static String duration(Long seconds) {
        if (seconds == null) {
            return "";
        }
        long s = seconds;
        return String.format(Locale.ROOT, "%d h %02d min %02d s", s / 3600, (s % 3600) / 60, s % 60);
    }

    /** The fields of the report's head, label and value, in the order an 8D form asks for them. */
    static List<String[]> fields(RoomView r, ZoneId zone) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Incident", r.id()});
        rows.add(new String[] {"Status", r.status()});
        rows.add(new String[] {"Severity", r.severity().code()});
        rows.add(new String[] {"Category", r.category().code()});
        rows.add(new String[] {"Line", r.line()});
        rows.add(new String[] {"Station", nz(r.station())});
        rows.add(new String[] {"Equipment", nz(r.equipment())});
        rows.add(new String[] {"Work order", nz(r.workOrder())});
        rows.add(new String[] {"Visibility", r.visibility().code()});
        rows.add(new String[] {"Reported", time(r.reportedAt(), zone)});
        rows.add(new String[] {"Acknowledged", time(r.acknowledgedAt(), zone)});
        rows.add(new String[] {"Resolved", time(r.resolvedAt(), zone)});
        rows.add(new String[] {"Closed", time(r.closedAt(), zone)});
        rows.add(new String[] {"Cancelled", time(r.cancelledAt(), zone)});
        rows.add(new String[] {"Time to acknowledge", duration(r.timeToAcknowledgeS())});
        rows.add(new String[] {"Time to resolve", duration(r.timeToResolveS())});
        return rows;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
