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

    @Query("select t.status, count(t) from Task t group by t.status")
    List<Object[]> countByStatus();

    @Query("select sum(t.pagesTotal) from Task t where t.status = :completed")
    Long pagesProcessed(@Param("completed") TaskStatus completed);

    @Query("select avg(t.processingTimeMs) from Task t where t.status = :completed and t.processingTimeMs is not null")
    Double meanProcessingMs(@Param("completed") TaskStatus completed);

    @Query("select count(t) from Task t where t.status = :completed and t.processingTimeMs is not null")
    long countTimed(@Param("completed") TaskStatus completed);

    @Query("select t.processingTimeMs from Task t where t.status = :completed and t.processingTimeMs is not null"
            + " order by t.processingTimeMs")
    List<Long> processingTimesAscending(@Param("completed") TaskStatus completed, Pageable at);

    @Query("select count(t) from Task t where t.createdAt >= :from and t.createdAt < :to")
    long countCreatedBetween(@Param("from") Instant from, @Param("to") Instant to);

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
