package dev.toolocr.server.tasks;

import dev.toolocr.platform.events.SharedEvents;
import dev.toolocr.platform.storage.NoSuchObjectException;
import dev.toolocr.platform.storage.ObjectStorage;
import dev.toolocr.platform.storage.ObjectTooLargeException;
import dev.toolocr.platform.storage.StorageUnavailableException;
import dev.toolocr.platform.storage.Streams;
import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Everything a user can do with their tasks. Every method takes the caller's id and finds tasks only
 * among theirs, so another user's task id is indistinguishable from one that does not exist.
 */
@Service
class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private static final int MAX_CHANGE_ATTEMPTS = 5;

    private final TaskRepository tasks;
    private final TaskCounters counters;
    private final TaskFileRepository files;
    private final ObjectStorage storage;
    private final OcrGateway ocr;
    private final TaskQueue queue;
    private final TaskProperties properties;
    private final ApplicationEventPublisher events;
    private final SharedEvents shared;
    private final TransactionTemplate tx;
    private final Clock clock;

    TaskService(
            TaskRepository tasks,
            TaskCounters counters,
            TaskFileRepository files,
            ObjectStorage storage,
            OcrGateway ocr,
            TaskQueue queue,
            TaskProperties properties,
            ApplicationEventPublisher events,
            SharedEvents shared,
            TransactionTemplate tx,
            Clock clock) {
        this.tasks = tasks;
        this.counters = counters;
        this.files = files;
        this.storage = storage;
        this.ocr = ocr;
        this.queue = queue;
        this.properties = properties;
        this.events = events;
        this.shared = shared;
        this.tx = tx;
        this.clock = clock;
    }

    /** An upload as the controller hands it over: name, stream opener. */
    record Upload(String originalName, StreamSource content) {}

    interface StreamSource {
        InputStream open() throws IOException;
    }

    /** A task with what only the service can compute (queue position, files). */
    record TaskDetails(Task task, List<TaskFile> files, long queuePosition) {}

    /**
     * Stores each upload, checks it by content, and creates one task per file. Either every file of
     * the request becomes a task or none does, and a rejected upload leaves no file behind.
     */
    List<TaskDetails> create(String userId, List<Upload> uploads, TaskOptions options, boolean start) {
        if (uploads.isEmpty()) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "Send at least one file in the 'file' field.");
        }
        if (uploads.size() > properties.maxFilesPerUpload()) {
            throw new ApiException(
                    ProblemType.VALIDATION_FAILED,
                    "Send at most " + properties.maxFilesPerUpload() + " files in one request.");
        }
        // The counter row the triggers keep exact, not a count(*) over a long history per upload.
        if (counters.total(userId) + uploads.size() > properties.maxTasksPerUser()) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    ProblemType.custom("task-limit-reached"),
                    "Task limit reached",
                    "You can keep at most " + properties.maxTasksPerUser()
                            + " tasks; delete some before uploading more.",
                    Map.of("max_tasks_per_user", properties.maxTasksPerUser()));
        }
        List<Prepared> prepared = new ArrayList<>();
        try {
            for (Upload upload : uploads) {
                prepared.add(prepare(userId, upload));
            }
            List<TaskDetails> created = tx.execute(status -> {
                List<TaskDetails> result = new ArrayList<>();
                for (Prepared p : prepared) {
                    Task task = Task.create(
                            UUID.fromString(p.taskId),
                            userId,
                            p.displayName,
                            p.inspection.mimeType(),
                            options.toJson(),
                            clock.instant());
                    if (start) {
                        task.start(queue.nextRank(userId), clock.instant());
                    }
                    tasks.save(task);
                    TaskFile file = files.save(new TaskFile(
                            task.id(),
                            p.displayName,
                            p.stored.key(),
                            p.stored.size(),
                            p.inspection.mimeType(),
                            p.stored.sha256(),
                            clock.instant()));
                    result.add(new TaskDetails(task, List.of(file), queue.positionOf(task)));
                }
                return result;
            });
            for (TaskDetails d : created) {
                shared.publish(TaskChanged.of(d.task()));
                events.publishEvent(new TaskActivity(
                        "task_create",
                        userId,
                        d.task().id(),
                        "success",
                        Map.of(
                                "filename",
                                d.task().filename(),
                                "sha256",
                                d.files().get(0).sha256())));
                if (start) {
                    events.publishEvent(
                            new TaskActivity("task_start", userId, d.task().id(), "success", Map.of()));
                }
            }
            return created;
        } catch (RuntimeException e) {
            for (Prepared p : prepared) {
                deleteQuietly(userId, p.taskId);
            }
            throw e;
        }
    }

    private record Prepared(
            String taskId, String displayName, ObjectStorage.StoredObject stored, OcrGateway.Inspection inspection) {}

    /**
     * Stages the upload in a private file (size-capped, so an oversized one never reaches storage),
     * checks it by content, then stores it. Nothing of a rejected upload remains anywhere.
     */
    private Prepared prepare(String userId, Upload upload) {
        String taskId = UUID.randomUUID().toString();
        String displayName = UploadNames.displayName(upload.originalName());
        Path staged = null;
        try {
            Files.createDirectories(properties.workers().workDir());
            staged = Files.createTempFile(properties.workers().workDir(), "upload-", "");
            long size;
            try (InputStream in = upload.content().open();
                    OutputStream out = Files.newOutputStream(staged)) {
                size = Streams.copyLimited(in, out, properties.maxUploadBytes());
            }
            if (size == 0) {
                throw new ApiException(
                        HttpStatus.BAD_REQUEST,
                        ProblemType.custom("empty-file"),
                        "Empty file",
                        "The file '" + displayName + "' is empty.",
                        Map.of());
            }
            OcrGateway.Inspection inspection = ocr.inspect(staged);
            if (inspection.pages() > properties.maxPages()) {
                throw new ApiException(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        ProblemType.custom("too-many-pages"),
                        "Too many pages",
                        "'" + displayName + "' has " + inspection.pages() + " pages; the limit is "
                                + properties.maxPages() + ".",
                        Map.of("max_pages", properties.maxPages()));
            }
            ObjectStorage.StoredObject stored;
            try (InputStream in = Files.newInputStream(staged)) {
                stored = storage.put(TaskObjects.input(userId, taskId), in, properties.maxUploadBytes());
            }
            return new Prepared(taskId, displayName, stored, inspection);
        } catch (ObjectTooLargeException e) {
            throw new ApiException(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    ProblemType.PAYLOAD_TOO_LARGE.uri(),
                    "File too large",
                    "'" + displayName + "' is larger than the limit of " + properties.maxUploadBytes() + " bytes.",
                    Map.of("max_upload_bytes", properties.maxUploadBytes()));
        } catch (OcrGateway.Rejected e) {
            throw new ApiException(
                    HttpStatus.valueOf(e.status()),
                    ProblemType.custom(e.code()),
                    HttpStatus.valueOf(e.status()).getReasonPhrase(),
                    "'" + displayName + "': " + e.getMessage(),
                    Map.of());
        } catch (StorageUnavailableException e) {
            deleteQuietly(userId, taskId);
            log.warn("Storage unavailable while storing an upload: {}", e.getMessage());
            throw storageUnavailable();
        } catch (IOException e) {
            deleteQuietly(userId, taskId);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(userId, taskId);
            throw e;
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException e) {
                    log.warn("Could not remove a staged upload {}: {}", staged, e.getMessage());
                }
            }
        }
    }

    private static ApiException storageUnavailable() {
        return new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemType.SERVICE_UNAVAILABLE.uri(),
                "Storage unavailable",
                "The file store cannot be reached just now; nothing was kept. Try again shortly.",
                Map.of());
    }

    TaskDetails get(String userId, String taskId) {
        Task task = owned(userId, taskId);
        return new TaskDetails(task, files.findByTaskId(task.id()), queue.positionOf(task));
    }

    TaskDetails update(String userId, String taskId, String newName, TaskOptions newOptions) {
        Task task = changeOwned(userId, taskId, t -> {
            if (newName != null) {
                t.rename(UploadNames.displayName(newName), clock.instant());
            }
            if (newOptions != null) {
                t.changeOptions(newOptions.toJson(), clock.instant());
            }
        });
        return new TaskDetails(task, files.findByTaskId(task.id()), queue.positionOf(task));
    }

    void delete(String userId, String taskId) {
        tx.executeWithoutResult(status -> {
            Task task = owned(userId, taskId);
            task.checkDeletable();
            files.deleteByTaskId(task.id());
            tasks.delete(task);
        });
        deleteQuietly(userId, taskId);
        events.publishEvent(new TaskActivity("task_delete", userId, taskId, "success", Map.of()));
    }

    TaskDetails start(String userId, String taskId) {
        return transition(userId, taskId, "task_start", task -> task.start(queue.nextRank(userId), clock.instant()));
    }

    TaskDetails retry(String userId, String taskId) {
        return transition(userId, taskId, "task_retry", task -> task.retry(queue.nextRank(userId), clock.instant()));
    }

    TaskDetails cancel(String userId, String taskId) {
        TaskDetails details = transition(userId, taskId, "task_cancel", task -> task.cancel(clock.instant()));
        // A worker running it sees the flag within one page and discards its partial results.
        shared.publish(new TaskCancelRequested(taskId));
        return details;
    }

    /** Signals the worker holding a task to stop; delivered in-process. */
    private TaskDetails transition(String userId, String taskId, String action, Consumer<Task> change) {
        Task task = changeOwned(userId, taskId, change);
        shared.publish(TaskChanged.of(task));
        events.publishEvent(new TaskActivity(action, userId, taskId, "success", Map.of()));
        return new TaskDetails(task, files.findByTaskId(task.id()), queue.positionOf(task));
    }

    /**
     * Applies a user's change to their task. A worker writes progress to the same row while it runs, so
     * the version check may refuse our write; the change is then tried again on a fresh read, where the
     * entity judges it anew (cancelling a task that has just completed becomes a 409, not a 500).
     */
    private Task changeOwned(String userId, String taskId, Consumer<Task> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> {
                    Task t = owned(userId, taskId);
                    change.accept(t);
                    return tasks.save(t);
                });
            } catch (OptimisticLockingFailureException e) {
                if (attempt == MAX_CHANGE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A result of the caller's task, opened; the receiver closes the stream. */
    record Download(InputStream content, String filename, ResultFormat format) {}

    Download download(String userId, String taskId, ResultFormat format) {
        Task task = owned(userId, taskId);
        if (task.fileDeleted()) {
            throw new ApiException(
                    HttpStatus.GONE,
                    ProblemType.GONE.uri(),
                    "Result removed",
                    "The files of this task were removed after " + properties.retentionDays() + " days.",
                    Map.of());
        }
        String key = task.resultKey(format);
        if (task.status() != TaskStatus.COMPLETED || key == null) {
            throw new ApiException(
                    HttpStatus.NOT_FOUND,
                    ProblemType.custom("result-not-available"),
                    "Result not available",
                    task.status() == TaskStatus.COMPLETED
                            ? "This task was not asked to produce " + format.wire() + "."
                            : "The task is " + task.status().wire() + "; results exist once it has completed.",
                    Map.of("current_status", task.status().wire()));
        }
        InputStream content;
        try {
            content = storage.open(key);
        } catch (NoSuchObjectException e) {
            // The row says it exists: the store lost it (or someone removed it by hand).
            log.error("Result object of task {} is missing from storage", taskId);
            events.publishEvent(new TaskActivity(
                    "task_download",
                    userId,
                    taskId,
                    "failure",
                    Map.of("format", format.wire(), "reason", "result_object_missing")));
            throw new ApiException(
                    HttpStatus.NOT_FOUND,
                    ProblemType.custom("result-not-available"),
                    "Result not available",
                    "The stored result is missing; run the task again to produce it.",
                    Map.of("current_status", task.status().wire()));
        } catch (StorageUnavailableException e) {
            throw storageUnavailable();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.publishEvent(
                new TaskActivity("task_download", userId, taskId, "success", Map.of("format", format.wire())));
        return new Download(content, UploadNames.baseName(task.filename()) + "." + format.extension(), format);
    }

    /** The caller's whole history, oldest first, in pages so memory stays flat. */
    void forEachTask(String userId, Consumer<Task> action) {
        requireHistory();
        int page = 0;
        Slice<Task> batch;
        do {
            PageRequest next = PageRequest.of(page++, 500, Sort.by("createdAt", "id"));
            batch = tasks.findBy(TaskQuery.ownedBy(userId), q -> q.slice(next));
            batch.forEach(action);
        } while (batch.hasNext());
        events.publishEvent(new TaskActivity("task_export", userId, null, "success", Map.of()));
    }

    void requireHistory() {
        if (!properties.enableHistory()) {
            throw new ApiException(
                    HttpStatus.FORBIDDEN,
                    ProblemType.custom("history-disabled"),
                    "Task history disabled",
                    "Task history is disabled on this server (ENABLE_TASK_HISTORY=false).",
                    Map.of());
        }
    }

    private Task owned(String userId, String taskId) {
        return tasks.findByIdAndUserId(taskId, userId)
                .orElseThrow(() -> new ApiException(ProblemType.NOT_FOUND, "No task with this id."));
    }

    private void deleteQuietly(String userId, String taskId) {
        try {
            storage.deletePrefix(TaskObjects.task(userId, taskId));
        } catch (IOException e) {
            log.warn("Could not remove the files of task {}: {}", taskId, e.getMessage());
        }
    }
}
