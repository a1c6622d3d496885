package dev.toolocr.server.tasks;

import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.DateParam;
import dev.toolocr.platform.web.ProblemType;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.BindParam;

/**
 * A validated history query. Sort fields come from a whitelist, never from the request verbatim, and
 * the owner predicate is always part of the specification.
 */
record TaskQuery(
        TaskStatus status,
        String filename,
        Instant from,
        Instant to,
        int page,
        int pageSize,
        String sortProperty,
        boolean descending,
        TaskQuery.Cursor cursor) {

    static final int MAX_PAGE_SIZE = 100;

    private static final Map<String, String> SORTABLE = Map.of(
            "created_at", "createdAt",
            "updated_at", "updatedAt",
            "completed_at", "completedAt",
            "filename", "filename",
            "status", "status");

    /** The list's query parameters as they arrive; {@link #parse} checks each one. */
    record Params(
            String status,
            String filename,
            @BindParam("date_from") String dateFrom,
            @BindParam("date_to") String dateTo,
            Integer page,
            @BindParam("page_size") Integer pageSize,
            @BindParam("sort_by") String sortBy,
            @BindParam("order_desc") Boolean orderDesc,
            String cursor) {}

    /**
     * A position in one sort: the last row's sort value (and, for the status sort, its creation
     * time) and id. Opaque to clients; it only ever seeks among the caller's own tasks.
     */
    record Cursor(String sortProperty, boolean descending, String value, Instant createdAt, String id) {

        private static final int MAX_LENGTH = 1024;

        static Cursor after(Task last, String sortProperty, boolean descending) {
            String value = switch (sortProperty) {
                case "createdAt" -> last.createdAt().toString();
                case "updatedAt" -> last.updatedAt().toString();
                case "filename" -> last.filename();
                case "status" -> last.status().wire();
                default -> throw new IllegalArgumentException("no cursor for " + sortProperty);
            };
            return new Cursor(sortProperty, descending, value, last.createdAt(), last.id());
        }

        String encode() {
            String raw =
                    String.join("\n", "v1", sortProperty, descending ? "desc" : "asc", value, createdAt.toString(), id);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            if (text.length() > MAX_LENGTH) {
                throw invalid("cursor is not one this server handed out");
            }
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n", -1);
                if (parts.length != 6 || !parts[0].equals("v1") || !SEEKABLE.contains(parts[1])) {
                    throw invalid("cursor is not one this server handed out");
                }
                Cursor c = new Cursor(parts[1], parts[2].equals("desc"), parts[3], Instant.parse(parts[4]), parts[5]);
                c.typedValue();
                return c;
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                throw invalid("cursor is not one this server handed out");
            }
        }

        Comparable<?> typedValue() {
            return switch (sortProperty) {
                case "createdAt", "updatedAt" -> Instant.parse(value);
                case "status" -> TaskStatus.fromWire(value);
                default -> value;
            };
        }
    }

    /** Sorts with non-null keys, which a cursor can seek in; completed_at is null until a task finishes. */
    static final java.util.Set<String> SEEKABLE = java.util.Set.of("createdAt", "updatedAt", "filename", "status");

    static TaskQuery parse(Params params) {
        String status = params.status();
        String filename = params.filename();
        String dateFrom = params.dateFrom();
        String dateTo = params.dateTo();
        Integer page = params.page();
        Integer pageSize = params.pageSize();
        String sortBy = params.sortBy();
        Boolean orderDesc = params.orderDesc();
        String cursorText = params.cursor();
        TaskStatus s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = TaskStatus.fromWire(status.trim().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("status must be one of pending, queued, processing, completed, failed, cancelled");
            }
        }
        int p = page == null ? 1 : page;
        int size = pageSize == null ? 20 : pageSize;
        if (p < 1) {
            throw invalid("page starts at 1");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw invalid("page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
        String sortKey = sortBy == null || sortBy.isBlank() ? "created_at" : sortBy.trim();
        String property = SORTABLE.get(sortKey);
        if (property == null) {
            throw invalid("sort_by must be one of created_at, updated_at, completed_at, filename, status");
        }
        String name = filename == null || filename.isBlank() ? null : filename.trim();
        if (name != null && name.length() > 255) {
            throw invalid("filename filter is too long");
        }
        Instant from = DateParam.parse(dateFrom, false, "date_from");
        Instant to = DateParam.parse(dateTo, true, "date_to");
        boolean descending = orderDesc == null || orderDesc;
        Cursor cursor = null;
        if (cursorText != null && !cursorText.isBlank()) {
            if (!SEEKABLE.contains(property)) {
                throw invalid("cursor paging is offered for sort_by created_at, updated_at, filename and status;"
                        + " use page for completed_at");
            }
            cursor = Cursor.decode(cursorText.trim());
            if (!cursor.sortProperty().equals(property) || cursor.descending() != descending) {
                throw invalid("cursor belongs to another sort; pass the same sort_by and order_desc as before");
            }
        }
        return new TaskQuery(s, name, from, to, p, size, property, descending, cursor);
    }

    static Specification<Task> ownedBy(String userId) {
        return (root, q, cb) -> cb.equal(root.get("userId"), userId);
    }

    Specification<Task> specification(String userId) {
        return (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("userId"), userId));
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (filename != null) {
                where.add(cb.like(
                        cb.lower(root.get("filename")),
                        "%" + escapeLike(filename.toLowerCase(Locale.ROOT)) + "%",
                        '\\'));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from));
            }
            if (to != null) {
                where.add(cb.lessThan(root.get("createdAt"), to));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    boolean seekable() {
        return SEEKABLE.contains(sortProperty);
    }

    /** Whether the total of this query is the plain count of the user's tasks, or of one status. */
    boolean countedByStatus() {
        return filename == null && from == null && to == null;
    }

    /**
     * The order of the list: the sort, then (for the status sort) creation time, then the id, all
     * in one direction, which is the order of the matching index.
     */
    Sort sort() {
        Sort.Direction direction = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
        Sort sort = Sort.by(direction, sortProperty);
        if (sortProperty.equals("status")) {
            sort = sort.and(Sort.by(direction, "createdAt"));
        }
        return sort.and(Sort.by(direction, "id"));
    }

    /**
     * Rows strictly after the cursor in {@link #sort()}. The redundant "key ≤ value" bound gives
     * every database a range on the index; the rest picks the exact position among equal keys.
     */
    Specification<Task> afterCursor() {
        Cursor c = cursor;
        return (root, q, cb) -> {
            Expression<Comparable<Object>> key = root.get(c.sortProperty());
            @SuppressWarnings("unchecked")
            Comparable<Object> value = (Comparable<Object>) c.typedValue();
            Expression<String> id = root.get("id");
            Expression<Instant> created = root.get("createdAt");
            Predicate idAfter = descending ? cb.lessThan(id, c.id()) : cb.greaterThan(id, c.id());
            Predicate tieAfter = idAfter;
            if (c.sortProperty().equals("status")) {
                tieAfter = cb.or(
                        descending ? cb.lessThan(created, c.createdAt()) : cb.greaterThan(created, c.createdAt()),
                        cb.and(cb.equal(created, c.createdAt()), idAfter));
            }
            Predicate keyAfter = descending ? cb.lessThan(key, value) : cb.greaterThan(key, value);
            Predicate bound = descending ? cb.lessThanOrEqualTo(key, value) : cb.greaterThanOrEqualTo(key, value);
            return cb.and(bound, cb.or(keyAfter, cb.and(cb.equal(key, value), tieAfter)));
        };
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemType.VALIDATION_FAILED, detail + ".");
    }
}
