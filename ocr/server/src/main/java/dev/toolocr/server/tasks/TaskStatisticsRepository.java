package dev.toolocr.server.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Read-only aggregate queries behind {@link TaskStatistics}. */
interface TaskStatisticsRepository extends Repository<Task, String> {

    /**
     * One pass over the table: per status, the task count, pages, processing time sum and count, and
     * how many took at most each of {@link TaskStatistics#BUCKETS_MS} milliseconds (for the p95).
     */
    @Query("select t.status, count(t), sum(t.pagesTotal), sum(t.processingTimeMs), count(t.processingTimeMs),"
            + " sum(case when t.processingTimeMs <= 250 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 500 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 1000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 2000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 3000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 5000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 7500 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 10000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 15000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 20000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 30000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 60000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 120000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 300000 then 1 else 0 end),"
            + " sum(case when t.processingTimeMs <= 900000 then 1 else 0 end)"
            + " from Task t group by t.status")
    List<Object[]> overviewByStatus();

    /** Bytes of uploads whose files are still kept, as recorded when they were stored. */
    @Query(
            "select coalesce(sum(f.fileSize), 0) from TaskFile f, Task t where t.id = f.taskId and t.fileDeleted = false")
    long storedInputBytes();

    /** Bytes of results still kept, as recorded when each task completed. */
    @Query("select coalesce(sum(t.resultBytes), 0) from Task t where t.fileDeleted = false")
    long storedResultBytes();

    @Query("select extract(date from t.createdAt), count(t) from Task t where t.createdAt >= :from"
            + " group by extract(date from t.createdAt)")
    List<Object[]> createdPerDaySince(@Param("from") Instant from);

    @Query("select t.userId, t.status, count(t) from Task t where t.userId in :users group by t.userId, t.status")
    List<Object[]> countByUserAndStatus(@Param("users") Collection<String> users);

    @Query("select t.userId, sum(t.pagesTotal) from Task t where t.userId in :users and t.status = :completed"
            + " group by t.userId")
    List<Object[]> pagesByUser(@Param("users") Collection<String> users, @Param("completed") TaskStatus completed);

    @Query("select t.userId, count(t) from Task t where t.createdAt >= :since group by t.userId order by count(t) desc")
    List<Object[]> topByTasks(@Param("since") Instant since, Pageable limit);

    @Query("select t.userId, sum(t.pagesTotal) from Task t where t.status = :completed and t.createdAt >= :since"
            + " group by t.userId order by sum(t.pagesTotal) desc")
    List<Object[]> topByPages(@Param("completed") TaskStatus completed, @Param("since") Instant since, Pageable limit);
}
