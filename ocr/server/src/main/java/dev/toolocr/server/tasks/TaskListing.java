package dev.toolocr.server.tasks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history list and the per-user counts. Pages are read by seeking in an index (with a cursor) or
 * by offset (with {@code page}); neither counts the user's whole history: totals come from the
 * counters, or from a count that stops at {@link #COUNT_CAP} when a filter the counters do not know
 * (file name, dates) is applied.
 */
@Service
@Transactional(readOnly = true)
class TaskListing {

    /** Beyond this many matches a filtered total is reported as "at least this many". */
    static final int COUNT_CAP = 1000;

    record Listing(List<Task> tasks, long total, boolean totalIsEstimate, boolean hasMore, String nextCursor) {}

    private final TaskRepository tasks;
    private final TaskCounters counters;
    private final TaskService service;
    private final EntityManager entityManager;

    TaskListing(TaskRepository tasks, TaskCounters counters, TaskService service, EntityManager entityManager) {
        this.tasks = tasks;
        this.counters = counters;
        this.service = service;
        this.entityManager = entityManager;
    }

    Listing list(String userId, TaskQuery query) {
        service.requireHistory();
        List<Task> rows;
        boolean hasMore;
        if (query.cursor() != null) {
            List<Task> window = tasks.findBy(
                    query.specification(userId).and(query.afterCursor()),
                    q -> q.sortBy(query.sort()).limit(query.pageSize() + 1).all());
            hasMore = window.size() > query.pageSize();
            rows = hasMore ? window.subList(0, query.pageSize()) : window;
        } else {
            Slice<Task> slice = tasks.findBy(
                    query.specification(userId),
                    q -> q.slice(PageRequest.of(query.page() - 1, query.pageSize(), query.sort())));
            rows = slice.getContent();
            hasMore = slice.hasNext();
        }
        String next = hasMore && query.seekable()
                ? TaskQuery.Cursor.after(rows.get(rows.size() - 1), query.sortProperty(), query.descending())
                        .encode()
                : null;
        if (query.countedByStatus()) {
            long total = query.status() == null
                    ? counters.total(userId)
                    : counters.byStatus(userId).get(query.status());
            return new Listing(rows, total, false, hasMore, next);
        }
        long matches = cappedCount(userId, query);
        return new Listing(rows, Math.min(matches, COUNT_CAP), matches > COUNT_CAP, hasMore, next);
    }

    /** Matching rows, counted up to one past the cap: ids only, read from an index where one fits. */
    private long cappedCount(String userId, TaskQuery query) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<String> ids = cb.createQuery(String.class);
        Root<Task> root = ids.from(Task.class);
        ids.select(root.get("id")).where(query.specification(userId).toPredicate(root, ids, cb));
        return entityManager
                .createQuery(ids)
                .setMaxResults(COUNT_CAP + 1)
                .getResultList()
                .size();
    }

    Map<TaskStatus, Long> stats(String userId) {
        return counters.byStatus(userId);
    }
}
