package dev.toolocr.server.tasks;

import dev.toolocr.platform.storage.ObjectStorage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the files of finished tasks older than {@code TASK_RETENTION_DAYS} and marks them
 * {@code file_deleted}; the history row stays, so statistics and the audit trail remain whole.
 */
@Component
class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final int BATCH = 200;

    private final TaskRepository tasks;
    private final ObjectStorage storage;
    private final TaskProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    RetentionJob(
            TaskRepository tasks,
            ObjectStorage storage,
            TaskProperties properties,
            TransactionTemplate tx,
            Clock clock) {
        this.tasks = tasks;
        this.storage = storage;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void scheduled() {
        purgeExpired();
    }

    /** Returns how many tasks had their files removed. */
    int purgeExpired() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(properties.retentionDays()));
        int purged = 0;
        List<Task> batch;
        do {
            batch = tasks.expired(
                    cutoff,
                    EnumSet.of(TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED, TaskStatus.PENDING),
                    PageRequest.of(0, BATCH));
            for (Task task : batch) {
                try {
                    storage.deletePrefix(TaskObjects.task(task.userId(), task.id()));
                } catch (IOException e) {
                    log.warn("Retention could not delete files of task {}: {}", task.id(), e.getMessage());
                    return purged;
                }
                tx.executeWithoutResult(s -> tasks.findById(task.id()).ifPresent(t -> {
                    t.markFilesDeleted(clock.instant());
                    tasks.save(t);
                }));
                purged++;
            }
        } while (batch.size() == BATCH);
        if (purged > 0) {
            log.info("Retention removed the files of {} tasks older than {} days", purged, properties.retentionDays());
        }
        return purged;
    }
}
