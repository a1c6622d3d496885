package dev.toolocr.server.tasks;

import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.DateParam;
import dev.toolocr.platform.web.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.web.bind.annotation.BindParam;

/**
 * A validated history query. Sort fields come from a whitelist, never from the request verbatim, and
 * the owner condition is always part of the query.
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

    /**
     * The query as JPQL with named parameters. Its text depends only on which filters are set, the
     * sort and whether a cursor is given (property names come from the whitelist, values are always
     * parameters), so Hibernate compiles each shape once and reuses the plan; a criteria query is
     * translated anew on every request.
     */
    record Jpql(String where, String orderBy, Map<String, Object> parameters) {

        String select() {
            return "select t from Task t where " + where + " order by " + orderBy;
        }

        String selectIds() {
            return "select t.id from Task t where " + where;
        }
    }

    Jpql jpql(String userId) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new java.util.HashMap<>();
        where.add("t.userId = :userId");
        parameters.put("userId", userId);
        if (status != null) {
            where.add("t.status = :status");
            parameters.put("status", status);
        }
        if (filename != null) {
            where.add("lower(t.filename) like :filename escape '\\'");
            parameters.put("filename", "%" + escapeLike(filename.toLowerCase(Locale.ROOT)) + "%");
        }
        if (from != null) {
            where.add("t.createdAt >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.add("t.createdAt < :to");
            parameters.put("to", to);
        }
        if (cursor != null) {
            where.add(afterCursor(parameters));
        }
        String direction = descending ? " desc" : " asc";
        String orderBy = "t." + sortProperty + direction
                + (sortProperty.equals("status") ? ", t.createdAt" + direction : "")
                + ", t.id" + direction;
        return new Jpql(String.join(" and ", where), orderBy, parameters);
    }

    boolean seekable() {
        return SEEKABLE.contains(sortProperty);
    }

    /** Whether the total of this query is the plain count of the user's tasks, or of one status. */
    boolean countedByStatus() {
        return filename == null && from == null && to == null;
    }

    /**
     * Rows strictly after the cursor in the list's order (the sort, then creation time for the
     * status sort, then the id, all in one direction: the order of the matching index). The redundant
     * "key ≤ value" bound gives every database a range on the index; the rest picks the exact
     * position among equal keys.
     */
    private String afterCursor(Map<String, Object> parameters) {
        String key = "t." + cursor.sortProperty();
        String before = descending ? " < " : " > ";
        parameters.put("cursorValue", cursor.typedValue());
        parameters.put("cursorId", cursor.id());
        String tieAfter = "t.id" + before + ":cursorId";
        if (cursor.sortProperty().equals("status")) {
            parameters.put("cursorCreatedAt", cursor.createdAt());
            tieAfter = "(t.createdAt" + before + ":cursorCreatedAt or (t.createdAt = :cursorCreatedAt and " + tieAfter
                    + "))";
        }
        return key + (descending ? " <= " : " >= ") + ":cursorValue and (" + key + before + ":cursorValue or (" + key
                + " = :cursorValue and " + tieAfter + "))";
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemType.VALIDATION_FAILED, detail + ".");
    }
}
