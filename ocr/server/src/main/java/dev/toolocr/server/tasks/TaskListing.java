package dev.toolocr.server.tasks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
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

    private final TaskCounters counters;
    private final TaskService service;
    private final EntityManager entityManager;

    TaskListing(TaskCounters counters, TaskService service, EntityManager entityManager) {
        this.counters = counters;
        this.service = service;
        this.entityManager = entityManager;
    }

    Listing list(String userId, TaskQuery query) {
        service.requireHistory();
        TaskQuery.Jpql jpql = query.jpql(userId);
        TypedQuery<Task> select = entityManager.createQuery(jpql.select(), Task.class);
        jpql.parameters().forEach(select::setParameter);
        if (query.cursor() == null) {
            select.setFirstResult((query.page() - 1) * query.pageSize());
        }
        // One row past the page says whether there is a next one, without counting.
        List<Task> window = select.setMaxResults(query.pageSize() + 1).getResultList();
        boolean hasMore = window.size() > query.pageSize();
        List<Task> rows = hasMore ? window.subList(0, query.pageSize()) : window;
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
        if (!hasMore && query.cursor() == null && (query.page() == 1 || !rows.isEmpty())) {
            // The last page by number: the rows before it and on it are all the matches, exactly.
            return new Listing(rows, (long) (query.page() - 1) * query.pageSize() + rows.size(), false, false, next);
        }
        long matches = cappedCount(jpql);
        return new Listing(rows, Math.min(matches, COUNT_CAP), matches > COUNT_CAP, hasMore, next);
    }

    /** Matching rows, counted up to one past the cap: ids only, read from an index where one fits. */
    private long cappedCount(TaskQuery.Jpql jpql) {
        TypedQuery<String> ids = entityManager.createQuery(jpql.selectIds(), String.class);
        jpql.parameters().forEach(ids::setParameter);
        return ids.setMaxResults(COUNT_CAP + 1).getResultList().size();
    }

    Map<TaskStatus, Long> stats(String userId) {
        return counters.byStatus(userId);
    }
}
