package dev.toolocr.server.tasks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface TaskRepository extends JpaRepository<Task, String>, JpaSpecificationExecutor<Task> {

    /** Every read of a user's task goes through this: another user's id is simply not found. */
    Optional<Task> findByIdAndUserId(String id, String userId);

    long countByUserId(String userId);

    @Query("select t.id from Task t where t.status = :queued order by t.fairRank, t.queuedAt, t.id")
    List<String> queueHead(@Param("queued") TaskStatus queued, Pageable limit);

    @Query("select min(t.fairRank) from Task t where t.status = :queued")
    Long lowestQueuedRank(@Param("queued") TaskStatus queued);

    @Query("select max(t.fairRank) from Task t where t.status = :queued and t.userId = :userId")
    Long highestQueuedRankOf(@Param("queued") TaskStatus queued, @Param("userId") String userId);

    @Query("select count(t) from Task t where t.status = :queued and (t.fairRank < :rank"
            + " or (t.fairRank = :rank and (t.queuedAt < :queuedAt or (t.queuedAt = :queuedAt and t.id < :id))))")
    long countAhead(
            @Param("queued") TaskStatus queued,
            @Param("rank") long rank,
            @Param("queuedAt") Instant queuedAt,
            @Param("id") String id);

    /** The queue in run order, as (task id, owner id) pairs. */
    @Query("select t.id, t.userId from Task t where t.status = :queued order by t.fairRank, t.queuedAt, t.id")
    List<Object[]> queueOrder(@Param("queued") TaskStatus queued, Pageable window);

    /** Atomic claim: only one worker, in any process, can move a queued task to processing. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Task t set t.status = :processing, t.workerId = :worker, t.startedAt = :now, t.heartbeatAt = :now,"
            + " t.updatedAt = :now, t.attempts = t.attempts + 1, t.pagesDone = 0, t.version = t.version + 1"
            + " where t.id = :id and t.status = :queued")
    int claim(
            @Param("id") String id,
            @Param("worker") String worker,
            @Param("now") Instant now,
            @Param("queued") TaskStatus queued,
            @Param("processing") TaskStatus processing);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Task t set t.pagesDone = :done, t.pagesTotal = :total, t.heartbeatAt = :now, t.updatedAt = :now,"
            + " t.version = t.version + 1 where t.id = :id and t.status = :processing and t.workerId = :worker")
    int progress(
            @Param("id") String id,
            @Param("worker") String worker,
            @Param("done") int done,
            @Param("total") int total,
            @Param("now") Instant now,
            @Param("processing") TaskStatus processing);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query(
            "update Task t set t.heartbeatAt = :now where t.id in :ids and t.status = :processing and t.workerId = :worker")
    int heartbeat(
            @Param("ids") Collection<String> ids,
            @Param("worker") String worker,
            @Param("now") Instant now,
            @Param("processing") TaskStatus processing);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Task t set t.status = :completed, t.completedAt = :now, t.updatedAt = :now, t.pagesDone = :pages,"
            + " t.pagesTotal = :pages, t.resultJsonKey = :json, t.resultMarkdownKey = :md, t.resultPdfKey = :pdf,"
            + " t.resultTxtKey = :txt, t.resultBytes = :bytes, t.processingTimeMs = :millis,"
            + " t.reusedFromTaskId = :reused, t.fairRank = null,"
            + " t.version = t.version + 1 where t.id = :id and t.status = :processing and t.workerId = :worker")
    int complete(
            @Param("id") String id,
            @Param("worker") String worker,
            @Param("pages") int pages,
            @Param("json") String json,
            @Param("md") String markdown,
            @Param("pdf") String pdf,
            @Param("txt") String txt,
            @Param("bytes") long resultBytes,
            @Param("millis") long millis,
            @Param("reused") String reusedFrom,
            @Param("now") Instant now,
            @Param("processing") TaskStatus processing,
            @Param("completed") TaskStatus completed);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Task t set t.status = :failed, t.completedAt = :now, t.updatedAt = :now, t.errorCode = :code,"
            + " t.errorMessage = :message, t.processingTimeMs = :millis, t.fairRank = null, t.version = t.version + 1"
            + " where t.id = :id and t.status = :processing and t.workerId = :worker")
    int fail(
            @Param("id") String id,
            @Param("worker") String worker,
            @Param("code") String code,
            @Param("message") String message,
            @Param("millis") long millis,
            @Param("now") Instant now,
            @Param("processing") TaskStatus processing,
            @Param("failed") TaskStatus failed);

    @Query("select t from Task t where t.status = :processing and (t.heartbeatAt is null or t.heartbeatAt < :cutoff)")
    List<Task> stale(@Param("processing") TaskStatus processing, @Param("cutoff") Instant cutoff);

    /** Puts an abandoned task back in the queue, or fails it once it has been recovered too often. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query(
            "update Task t set t.status = :queued, t.workerId = null, t.recoveries = t.recoveries + 1, t.queuedAt = :now,"
                    + " t.updatedAt = :now, t.pagesDone = 0, t.fairRank = :rank, t.version = t.version + 1"
                    + " where t.id = :id and t.status = :processing and (t.heartbeatAt is null or t.heartbeatAt < :cutoff)")
    int requeueStale(
            @Param("id") String id,
            @Param("rank") long rank,
            @Param("cutoff") Instant cutoff,
            @Param("now") Instant now,
            @Param("processing") TaskStatus processing,
            @Param("queued") TaskStatus queued);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Task t set t.status = :failed, t.workerId = null, t.completedAt = :now, t.updatedAt = :now,"
            + " t.errorCode = 'worker_lost', t.errorMessage = :message, t.fairRank = null, t.version = t.version + 1"
            + " where t.id = :id and t.status = :processing and (t.heartbeatAt is null or t.heartbeatAt < :cutoff)")
    int failStale(
            @Param("id") String id,
            @Param("message") String message,
            @Param("cutoff") Instant cutoff,
            @Param("now") Instant now,
            @Param("processing") TaskStatus processing,
            @Param("failed") TaskStatus failed);

    @Query("select t from Task t where t.createdAt < :cutoff and t.fileDeleted = false and t.status in :finished"
            + " order by t.createdAt")
    List<Task> expired(
            @Param("cutoff") Instant cutoff, @Param("finished") Collection<TaskStatus> finished, Pageable batch);

    @Query("select t from Task t, TaskFile f where f.taskId = t.id and t.userId = :userId and f.sha256 = :sha256"
            + " and t.options = :options and t.status = :completed and t.fileDeleted = false and t.id <> :self"
            + " order by t.completedAt desc")
    List<Task> sameUploadCompleted(
            @Param("userId") String userId,
            @Param("sha256") String sha256,
            @Param("options") String options,
            @Param("self") String self,
            @Param("completed") TaskStatus completed,
            Pageable limit);

    @Query("select distinct t.userId from Task t")
    List<String> usersWithTasks();

    @Query("select t.id from Task t where t.userId = :userId")
    List<String> idsOf(@Param("userId") String userId);
}
