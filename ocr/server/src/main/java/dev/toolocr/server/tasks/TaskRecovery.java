package dev.toolocr.server.tasks;

import dev.toolocr.platform.events.SharedEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Liveness of running tasks: this process beats the heartbeat of the tasks it runs, and whichever
 * process notices first takes back tasks whose heartbeat went stale (their process crashed),
 * re-queueing them a bounded number of times and removing their partial results.
 */
@Component
class TaskRecovery {

    private static final Logger log = LoggerFactory.getLogger(TaskRecovery.class);

    private final TaskRepository tasks;
    private final TaskQueue queue;
    private final TaskRunner runner;
    private final WorkerPool workers;
    private final TaskProperties.Workers settings;
    private final SharedEvents shared;
    private final Clock clock;

    TaskRecovery(
            TaskRepository tasks,
            TaskQueue queue,
            TaskRunner runner,
            WorkerPool workers,
            TaskProperties properties,
            SharedEvents shared,
            Clock clock) {
        this.tasks = tasks;
        this.queue = queue;
        this.runner = runner;
        this.workers = workers;
        this.settings = properties.workers();
        this.shared = shared;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tool-ocr.tasks.workers.heartbeat-interval:5s}")
    void heartbeat() {
        Set<String> running = runner.runningTaskIds();
        if (!running.isEmpty()) {
            tasks.heartbeat(running, workers.workerId(), clock.instant(), TaskStatus.PROCESSING);
        }
    }

    /** Takes back tasks whose worker stopped beating, at start-up and periodically after. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            initialDelayString = "${tool-ocr.tasks.workers.stale-after:20s}",
            fixedDelayString = "${tool-ocr.tasks.workers.heartbeat-interval:5s}")
    void recoverAbandoned() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(settings.staleAfter());
        for (Task task : tasks.stale(TaskStatus.PROCESSING, cutoff)) {
            if (runner.isRunning(task.id())) {
                continue;
            }
            boolean retry = task.recoveries() + 1 < settings.maxRecoveries();
            int changed = retry
                    ? tasks.requeueStale(
                            task.id(),
                            queue.nextRank(task.userId()),
                            cutoff,
                            now,
                            TaskStatus.PROCESSING,
                            TaskStatus.QUEUED)
                    : tasks.failStale(
                            task.id(),
                            "The worker processing this task stopped " + settings.maxRecoveries()
                                    + " times; giving up.",
                            cutoff,
                            now,
                            TaskStatus.PROCESSING,
                            TaskStatus.FAILED);
            if (changed == 1) {
                log.warn("Recovered abandoned task {} ({})", task.id(), retry ? "re-queued" : "failed");
                runner.clearResultsQuietly(task);
                tasks.findById(task.id()).ifPresent(t -> shared.publish(TaskChanged.of(t)));
            }
        }
    }
}
