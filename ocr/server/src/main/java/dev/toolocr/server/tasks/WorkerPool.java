package dev.toolocr.server.tasks;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The in-process workers: each claims the next task from the persistent queue and hands it to the
 * {@link TaskRunner}; idle workers wait for the poll interval or until new work is announced. A pool
 * size of 0 makes the process API-only.
 */
@Component
class WorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final TaskQueue queue;
    private final TaskRunner runner;
    private final TaskProperties.Workers settings;
    private final String workerId;
    private final Object wakeUp = new Object();
    private volatile ExecutorService pool;
    private volatile boolean active;

    WorkerPool(TaskQueue queue, TaskRunner runner, TaskProperties properties) {
        this.queue = queue;
        this.runner = runner;
        this.settings = properties.workers();
        // Unique per process start, so a restarted server never mistakes an old claim for its own.
        this.workerId = (ManagementFactory.getRuntimeMXBean().getName() + "-"
                        + UUID.randomUUID().toString().substring(0, 8))
                .replaceAll("[^A-Za-z0-9@._-]", "_");
    }

    /** This process's identity in claims and heartbeats. */
    String workerId() {
        return workerId;
    }

    @Override
    public void start() {
        active = true;
        if (settings.poolSize() == 0) {
            log.info("Task workers disabled (pool size 0): this process only serves the API");
            return;
        }
        pool = Executors.newFixedThreadPool(settings.poolSize(), r -> {
            Thread t = new Thread(r, "task-worker");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < settings.poolSize(); i++) {
            pool.submit(this::loop);
        }
        log.info("Started {} task workers as {}", settings.poolSize(), workerId);
    }

    @Override
    public void stop() {
        active = false;
        runner.stopAll();
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        if (pool != null) {
            pool.shutdown();
            try {
                pool.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    /** New work arrived: wake an idle worker instead of waiting for the next poll. */
    @EventListener
    void onTaskChanged(TaskChanged changed) {
        if (TaskStatus.QUEUED.wire().equals(changed.status())) {
            synchronized (wakeUp) {
                wakeUp.notifyAll();
            }
        }
    }

    private void loop() {
        while (active) {
            try {
                if (!runOnce()) {
                    synchronized (wakeUp) {
                        wakeUp.wait(settings.pollInterval().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Task worker loop error; continuing", e);
                sleepQuietly(settings.pollInterval().toMillis());
            }
        }
    }

    /** Claims the next queued task for this process and runs it; false when the queue is empty. */
    boolean runOnce() {
        Optional<String> next = queue.claimNext(workerId);
        next.ifPresent(id -> runner.run(id, workerId));
        return next.isPresent();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
