package dev.toolocr.server.tasks;

import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.DateParam;
import dev.toolocr.platform.web.ProblemType;
import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        boolean descending) {

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
            @BindParam("order_desc") Boolean orderDesc) {}

    static TaskQuery parse(Params params) {
        String status = params.status();
        String filename = params.filename();
        String dateFrom = params.dateFrom();
        String dateTo = params.dateTo();
        Integer page = params.page();
        Integer pageSize = params.pageSize();
        String sortBy = params.sortBy();
        Boolean orderDesc = params.orderDesc();
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
        return new TaskQuery(s, name, from, to, p, size, property, orderDesc == null || orderDesc);
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

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemType.VALIDATION_FAILED, detail + ".");
    }
}
