package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.Codes.Status;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/** The room list's filters, as one JPA specification; what a caller may not read is never in it. */
record RoomQuery(
        List<String> status,
        String severity,
        String category,
        String line,
        String q,
        boolean mine,
        LocalDate dateFrom,
        LocalDate dateTo,
        String sort,
        boolean orderDesc) {

    private static final Map<String, String> SORTS = Map.of(
            "reported_at", "reportedAt",
            "updated_at", "updatedAt",
            "severity", "severityRank",
            "status", "statusRank",
            "title", "title");

    Sort order() {
        String property = SORTS.get(sort == null ? "reported_at" : sort);
        if (property == null) {
            throw ApiException.invalid("bad-request", "sort must be one of " + String.join(", ", SORTS.keySet()));
        }
        Sort primary = Sort.by(orderDesc ? Sort.Direction.DESC : Sort.Direction.ASC, property);
        return primary.and(Sort.by(Sort.Direction.DESC, "reportedAt")).and(Sort.by("id"));
    }

    Specification<Room> specification(CurrentUser user) {
        List<String> statuses;
        String severityCode;
        String categoryCode;
        try {
            statuses = parseStatuses();
            severityCode = severity == null || severity.isBlank()
                    ? null
                    : Codes.Severity.of(severity).code();
            categoryCode = category == null || category.isBlank()
                    ? null
                    : Codes.Category.of(category).code();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("bad-request", "Unknown status, severity or category.");
        }
        String email = RoomMember.normalise(user.email());
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            Subquery<String> memberOf = query.subquery(String.class);
            var m = memberOf.from(RoomMember.class);
            memberOf.select(m.get("roomId")).where(cb.equal(m.get("email"), email));
            if (mine) {
                where.add(root.get("id").in(memberOf));
            } else if (!user.admin()) {
                where.add(cb.or(
                        cb.equal(root.get("visibility"), "open"), root.get("id").in(memberOf)));
            }
            if (!statuses.isEmpty()) {
                where.add(root.get("status").in(statuses));
            }
            if (severityCode != null) {
                where.add(cb.equal(root.get("severity"), severityCode));
            }
            if (categoryCode != null) {
                where.add(cb.equal(root.get("category"), categoryCode));
            }
            if (line != null && !line.isBlank()) {
                where.add(cb.equal(cb.lower(root.get("line")), line.strip().toLowerCase(Locale.ROOT)));
            }
            if (q != null && !q.isBlank()) {
                String like = "%" + escape(q.strip().toLowerCase(Locale.ROOT)) + "%";
                List<Predicate> any = new ArrayList<>();
                for (String field : List.of("title", "description", "line", "station", "equipment")) {
                    any.add(cb.like(cb.lower(root.get(field)), like, '\\'));
                }
                where.add(cb.or(any.toArray(Predicate[]::new)));
            }
            if (dateFrom != null) {
                where.add(cb.greaterThanOrEqualTo(
                        root.get("reportedAt"), dateFrom.atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            if (dateTo != null) {
                where.add(cb.lessThan(
                        root.get("reportedAt"),
                        dateTo.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private List<String> parseStatuses() {
        if (status == null) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String s : status) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    codes.add(Status.of(part).code());
                }
            }
        }
        return codes;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
