package dev.toolocr.server.tasks;

import dev.toolocr.platform.events.SharedEvents;
import dev.toolocr.platform.storage.NoSuchObjectException;
import dev.toolocr.platform.storage.ObjectStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Runs one claimed task: copies its input from object storage into a private working folder, runs
 * the engine there, stores the results, and records the outcome with conditional updates that lose
 * to a concurrent cancel. The working folder is removed whatever happens; result objects of a run
 * that did not complete are removed too, so nothing partial is ever downloadable.
 */
@Component
class TaskRunner {

    private static final Logger log = LoggerFactory.getLogger(TaskRunner.class);

    private final TaskRepository tasks;
    private final TaskFileRepository files;
    private final OcrGateway ocr;
    private final ObjectStorage storage;
    private final TaskProperties.Workers settings;
    private final SharedEvents shared;
    private final Clock clock;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    TaskRunner(
            TaskRepository tasks,
            TaskFileRepository files,
            OcrGateway ocr,
            ObjectStorage storage,
            TaskProperties properties,
            SharedEvents shared,
            Clock clock) {
        this.tasks = tasks;
        this.files = files;
        this.ocr = ocr;
        this.storage = storage;
        this.settings = properties.workers();
        this.shared = shared;
        this.clock = clock;
    }

    /** Ids of the tasks this process is running now (their heartbeat is this process's to beat). */
    Set<String> runningTaskIds() {
        return Set.copyOf(running.keySet());
    }

    boolean isRunning(String taskId) {
        return running.containsKey(taskId);
    }

    /** Shutting down: running tasks stop at their next page; stale recovery re-queues them. */
    void stopAll() {
        stopping = true;
        running.values().forEach(flag -> flag.set(true));
    }

    /** From whichever process took the cancel: the engine sees the flag before its next page. */
    @EventListener
    void onCancel(TaskCancelRequested request) {
        AtomicBoolean flag = running.get(request.taskId());
        if (flag != null) {
            flag.set(true);
            log.info("Cancel requested for running task {}", request.taskId());
        }
    }

    /** Runs a task that {@code workerId} has claimed. */
    void run(String taskId, String workerId) {
        Task task = tasks.findById(taskId).orElse(null);
        if (task == null) {
            return;
        }
        shared.publish(TaskChanged.of(task));
        AtomicBoolean cancelled = new AtomicBoolean(false);
        running.put(taskId, cancelled);
        MDC.put("task_id", taskId);
        MDC.put("user_id", task.userId());
        long started = System.nanoTime();
        Instant deadline = clock.instant().plus(settings.taskTimeout());
        AtomicBoolean timedOut = new AtomicBoolean(false);
        AtomicInteger pagesDone = new AtomicInteger();
        Path work = null;
        try {
            clearResults(task);
            TaskOptions options = TaskOptions.fromJson(task.options());
            List<TaskFile> inputs = files.findByTaskId(taskId);
            if (inputs.isEmpty()) {
                finishFailed(task, workerId, "input_missing", "The uploaded file is missing.", started);
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
            if (earlier.isPresent() && reuse(task, workerId, earlier.get(), options, started)) {
                return;
            }
            Files.createDirectories(settings.workDir());
            work = Files.createTempDirectory(settings.workDir(), "task-");
            Path inputFile = work.resolve("input");
            try (InputStream in = storage.open(input.storageKey())) {
                Files.copy(in, inputFile, StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchObjectException e) {
                finishFailed(task, workerId, "input_missing", "The uploaded file is missing.", started);
                return;
            }
            Path resultsDir = Files.createDirectory(work.resolve("results"));
            OcrGateway.Outcome outcome = ocr.run(
                    inputFile,
                    task.filename(),
                    options,
                    resultsDir,
                    (done, total) -> {
                        pagesDone.accumulateAndGet(done, Math::max);
                        if (tasks.progress(taskId, workerId, done, total, clock.instant(), TaskStatus.PROCESSING)
                                == 1) {
                            shared.publish(new TaskChanged(
                                    taskId, task.userId(), TaskStatus.PROCESSING.wire(), done, total, null));
                        } else {
                            cancelled.set(true);
                        }
                    },
                    () -> {
                        if (clock.instant().isAfter(deadline)) {
                            timedOut.set(true);
                        }
                        return cancelled.get() || timedOut.get() || stopping;
                    });
            Map<ResultFormat, String> keys = new EnumMap<>(ResultFormat.class);
            long bytes = 0;
            for (Map.Entry<ResultFormat, Path> output : outcome.outputs().entrySet()) {
                String key = TaskObjects.result(task.userId(), taskId, output.getKey());
                try (InputStream in = Files.newInputStream(output.getValue())) {
                    bytes += storage.put(key, in, Long.MAX_VALUE).size();
                }
                keys.put(output.getKey(), key);
            }
            finishCompleted(task, workerId, outcome.pages(), keys, bytes, started, null);
        } catch (OcrGateway.Cancelled e) {
            if (timedOut.get()) {
                finishFailed(
                        task,
                        workerId,
                        "task_timeout",
                        "The task took longer than " + settings.taskTimeout().toMinutes() + " minutes and was stopped.",
                        started);
            } else if (stopping) {
                log.info("Stopping mid-task for shutdown; it will be re-queued by recovery");
                return;
            } else {
                log.info("Task {} stopped after {} pages: cancelled or taken back", taskId, pagesDone.get());
            }
            clearResultsQuietly(task);
        } catch (OcrGateway.Failed e) {
            clearResultsQuietly(task);
            finishFailed(task, workerId, e.code(), e.getMessage(), started);
        } catch (IOException | RuntimeException e) {
            log.error("Task failed unexpectedly", e);
            clearResultsQuietly(task);
            finishFailed(task, workerId, "internal_error", "Processing failed because of an internal error.", started);
        } finally {
            deleteWorkingFolder(work);
            running.remove(taskId);
            MDC.remove("task_id");
            MDC.remove("user_id");
            tasks.findById(taskId).ifPresent(t -> shared.publish(TaskChanged.of(t)));
        }
    }

    /** Same file and options as a completed task of the same user: copy its results instead of OCR. */
    private boolean reuse(Task task, String workerId, Task earlier, TaskOptions options, long started)
            throws IOException {
        Map<ResultFormat, String> keys = new EnumMap<>(ResultFormat.class);
        long bytes = 0;
        for (ResultFormat format : options.formats()) {
            String source = earlier.resultKey(format);
            if (source == null || !storage.exists(source)) {
                clearResults(task);
                return false;
            }
            String key = TaskObjects.result(task.userId(), task.id(), format);
            bytes += storage.copy(source, key).size();
            keys.put(format, key);
        }
        int pages = earlier.pagesTotal() == null ? 0 : earlier.pagesTotal();
        finishCompleted(task, workerId, pages, keys, bytes, started, earlier.id());
        return true;
    }

    private void finishCompleted(
            Task task,
            String workerId,
            int pages,
            Map<ResultFormat, String> keys,
            long resultBytes,
            long started,
            String reusedFrom) {
        int updated = tasks.complete(
                task.id(),
                workerId,
                pages,
                keys.get(ResultFormat.JSON),
                keys.get(ResultFormat.MARKDOWN),
                keys.get(ResultFormat.PDF),
                keys.get(ResultFormat.TXT),
                resultBytes,
                elapsedMillis(started),
                reusedFrom,
                clock.instant(),
                TaskStatus.PROCESSING,
                TaskStatus.COMPLETED);
        if (updated == 0) {
            // Cancelled (or taken back) while finishing: its results must not linger.
            clearResultsQuietly(task);
        }
    }

    private void finishFailed(Task task, String workerId, String code, String message, long started) {
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

    /** Result objects of an unfinished run of this task (cancelled, failed, or abandoned by a crash). */
    void clearResults(Task task) throws IOException {
        storage.deletePrefix(TaskObjects.results(task.userId(), task.id()));
    }

    void clearResultsQuietly(Task task) {
        try {
            clearResults(task);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not clear partial results of task {}: {}", task.id(), e.getMessage());
        }
    }

    private static void deleteWorkingFolder(Path work) {
        if (work == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(work);
        } catch (IOException e) {
            log.warn("Could not remove the working folder {}: {}", work, e.getMessage());
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
