package dev.toolocr.server.tasks;

import dev.toolocr.server.storage.FileStorage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The in-process worker pool. Each worker claims the next task from the persistent queue, runs the
 * engine, and records the outcome with conditional updates that lose to a concurrent cancel. A
 * heartbeat proves liveness; tasks whose heartbeat goes stale (a crashed process) are re-queued a
 * bounded number of times by whichever process notices first.
 */
@Component
class TaskWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TaskWorkers.class);

    private final TaskRepository tasks;
    private final TaskFileRepository files;
    private final TaskQueue queue;
    private final OcrGateway ocr;
    private final FileStorage storage;
    private final TaskProperties.Workers settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String workerId;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final Object wakeUp = new Object();
    private volatile ExecutorService pool;
    private volatile boolean active;

    TaskWorkers(
            TaskRepository tasks,
            TaskFileRepository files,
            TaskQueue queue,
            OcrGateway ocr,
            FileStorage storage,
            TaskProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.tasks = tasks;
        this.files = files;
        this.queue = queue;
        this.ocr = ocr;
        this.storage = storage;
        this.settings = properties.workers();
        this.events = events;
        this.clock = clock;
        // Unique per process start, so a restarted server never mistakes an old claim for its own.
        this.workerId = (ManagementFactory.getRuntimeMXBean().getName() + "-"
                        + UUID.randomUUID().toString().substring(0, 8))
                .replaceAll("[^A-Za-z0-9@._-]", "_");
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
        // Let the running tasks stop at their next page; the stale-heartbeat recovery re-queues them.
        running.values().forEach(flag -> flag.set(true));
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

    @EventListener
    void onCancel(TaskService.CancelRequested request) {
        AtomicBoolean flag = running.get(request.taskId());
        if (flag != null) {
            flag.set(true);
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
        next.ifPresent(this::process);
        return next.isPresent();
    }

    /** Runs a task this process has claimed. */
    void process(String taskId) {
        Task task = tasks.findById(taskId).orElse(null);
        if (task == null) {
            return;
        }
        events.publishEvent(TaskChanged.of(task));
        AtomicBoolean cancelled = new AtomicBoolean(false);
        running.put(taskId, cancelled);
        MDC.put("task_id", taskId);
        MDC.put("user_id", task.userId());
        long started = System.nanoTime();
        Instant deadline = clock.instant().plus(settings.taskTimeout());
        AtomicBoolean timedOut = new AtomicBoolean(false);
        Path resultsDir = null;
        try {
            resultsDir = storage.taskDirectory(task.userId(), taskId).resolve("results");
            clear(resultsDir);
            Files.createDirectories(resultsDir);
            TaskOptions options = TaskOptions.fromJson(task.options());
            List<TaskFile> inputs = files.findByTaskId(taskId);
            if (inputs.isEmpty()) {
                finishFailed(task, "input_missing", "The uploaded file is missing.", started);
                return;
            }
            TaskFile input = inputs.get(0);
            Optional<Task> earlier = tasks
                    .sameUploadCompleted(
                            task.userId(),
                            input.sha256(),
                            task.options(),
                            taskId,
                            TaskStatus.COMPLETED,
                            PageRequest.of(0, 1))
                    .stream()
                    .findFirst();
            if (earlier.isPresent() && reuse(task, earlier.get(), options, resultsDir, started)) {
                return;
            }
            OcrGateway.Outcome outcome = ocr.run(
                    storage.resolve(input.storageKey()),
                    task.filename(),
                    options,
                    resultsDir,
                    (done, total) -> {
                        if (tasks.progress(taskId, workerId, done, total, clock.instant(), TaskStatus.PROCESSING)
                                == 1) {
                            events.publishEvent(new TaskChanged(
                                    taskId, task.userId(), TaskStatus.PROCESSING.wire(), done, total, null));
                        } else {
                            cancelled.set(true);
                        }
                    },
                    () -> {
                        if (clock.instant().isAfter(deadline)) {
                            timedOut.set(true);
                        }
                        return cancelled.get() || timedOut.get() || !active;
                    });
            Map<ResultFormat, String> keys = new EnumMap<>(ResultFormat.class);
            outcome.outputs()
                    .forEach((format, path) -> keys.put(
                            format,
                            storage.key(
                                    task.userId(),
                                    taskId,
                                    "results/" + path.getFileName().toString())));
            finishCompleted(task, outcome.pages(), keys, started, null, resultsDir);
        } catch (OcrGateway.Cancelled e) {
            if (timedOut.get()) {
                finishFailed(
                        task,
                        "task_timeout",
                        "The task took longer than " + settings.taskTimeout().toMinutes() + " minutes and was stopped.",
                        started);
            } else if (!active) {
                log.info("Stopping mid-task for shutdown; it will be re-queued by recovery");
                return;
            }
            clearQuietly(resultsDir);
        } catch (OcrGateway.Failed e) {
            clearQuietly(resultsDir);
            finishFailed(task, e.code(), e.getMessage(), started);
        } catch (IOException | RuntimeException e) {
            log.error("Task failed unexpectedly", e);
            clearQuietly(resultsDir);
            finishFailed(task, "internal_error", "Processing failed because of an internal error.", started);
        } finally {
            running.remove(taskId);
            MDC.remove("task_id");
            MDC.remove("user_id");
            tasks.findById(taskId).ifPresent(t -> events.publishEvent(TaskChanged.of(t)));
        }
    }

    /** Same file and options as a completed task of the same user: copy its results instead of OCR. */
    private boolean reuse(Task task, Task earlier, TaskOptions options, Path resultsDir, long started)
            throws IOException {
        Map<ResultFormat, String> keys = new EnumMap<>(ResultFormat.class);
        for (ResultFormat format : options.formats()) {
            String source = earlier.resultKey(format);
            if (source == null || !storage.exists(source)) {
                clear(resultsDir);
                Files.createDirectories(resultsDir);
                return false;
            }
            String name = "result." + format.extension();
            Files.copy(storage.resolve(source), resultsDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            keys.put(format, storage.key(task.userId(), task.id(), "results/" + name));
        }
        int pages = earlier.pagesTotal() == null ? 0 : earlier.pagesTotal();
        finishCompleted(task, pages, keys, started, earlier.id(), resultsDir);
        return true;
    }

    private void finishCompleted(
            Task task, int pages, Map<ResultFormat, String> keys, long started, String reusedFrom, Path resultsDir) {
        int updated = tasks.complete(
                task.id(),
                workerId,
                pages,
                keys.get(ResultFormat.JSON),
                keys.get(ResultFormat.MARKDOWN),
                keys.get(ResultFormat.PDF),
                keys.get(ResultFormat.TXT),
                elapsedMillis(started),
                reusedFrom,
                clock.instant(),
                TaskStatus.PROCESSING,
                TaskStatus.COMPLETED);
        if (updated == 0) {
            // Cancelled (or taken back) while finishing: its results must not linger.
            clearQuietly(resultsDir);
        }
    }

    private void finishFailed(Task task, String code, String message, long started) {
        tasks.fail(
                task.id(),
                workerId,
                code,
                message,
                elapsedMillis(started),
                clock.instant(),
                TaskStatus.PROCESSING,
                TaskStatus.FAILED);
    }

    @Scheduled(fixedDelayString = "${tool-ocr.tasks.workers.heartbeat-interval:5s}")
    void heartbeat() {
        if (!running.isEmpty()) {
            tasks.heartbeat(running.keySet(), workerId, clock.instant(), TaskStatus.PROCESSING);
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
            if (running.containsKey(task.id())) {
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
                try {
                    clear(storage.taskDirectory(task.userId(), task.id()).resolve("results"));
                } catch (IOException e) {
                    log.warn("Could not clear partial results of task {}: {}", task.id(), e.getMessage());
                }
                tasks.findById(task.id()).ifPresent(t -> events.publishEvent(TaskChanged.of(t)));
            }
        }
    }

    private void clearQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            clear(dir);
        } catch (IOException e) {
            log.warn("Could not clear partial results: {}", e.getMessage());
        }
    }

    private static void clear(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
