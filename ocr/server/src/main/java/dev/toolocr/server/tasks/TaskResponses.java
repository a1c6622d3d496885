package dev.toolocr.server.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON the task API answers with (snake_case on the wire). No server path ever appears here. */
final class TaskResponses {

    private TaskResponses() {}

    record OptionsView(String lang, String engine, List<String> formats, String pdfMode) {
        static OptionsView of(TaskOptions o) {
            return new OptionsView(
                    o.lang(),
                    o.engine(),
                    o.formats().stream().map(ResultFormat::wire).toList(),
                    o.pdfMode());
        }
    }

    record FileView(String originalName, long size, String mimeType, String sha256) {
        static FileView of(TaskFile f) {
            return new FileView(f.originalName(), f.fileSize(), f.mimeType(), f.sha256());
        }
    }

    record TaskView(
            String taskId,
            String filename,
            String fileType,
            String status,
            OptionsView options,
            Integer pagesTotal,
            int pagesDone,
            double progress,
            Long queuePosition,
            int attempts,
            String reusedFromTaskId,
            String errorCode,
            String errorMessage,
            Long processingTimeMs,
            Instant createdAt,
            Instant updatedAt,
            Instant queuedAt,
            Instant startedAt,
            Instant completedAt,
            boolean fileDeleted,
            List<String> downloads,
            List<FileView> files) {

        static TaskView of(Task t, List<TaskFile> files, long queuePosition) {
            double progress = t.status() == TaskStatus.COMPLETED
                    ? 1.0
                    : t.pagesTotal() == null || t.pagesTotal() == 0 ? 0.0 : (double) t.pagesDone() / t.pagesTotal();
            List<String> downloads = t.status() == TaskStatus.COMPLETED && !t.fileDeleted()
                    ? java.util.Arrays.stream(ResultFormat.values())
                            .filter(f -> t.resultKey(f) != null)
                            .map(ResultFormat::wire)
                            .toList()
                    : List.of();
            return new TaskView(
                    t.id(),
                    t.filename(),
                    t.fileType(),
                    t.status().wire(),
                    OptionsView.of(TaskOptions.fromJson(t.options())),
                    t.pagesTotal(),
                    t.pagesDone(),
                    progress,
                    queuePosition < 0 ? null : queuePosition,
                    t.attempts(),
                    t.reusedFromTaskId(),
                    t.errorCode(),
                    t.errorMessage(),
                    t.processingTimeMs(),
                    t.createdAt(),
                    t.updatedAt(),
                    t.queuedAt(),
                    t.startedAt(),
                    t.completedAt(),
                    t.fileDeleted(),
                    downloads,
                    files == null ? null : files.stream().map(FileView::of).toList());
        }

        static TaskView of(TaskService.TaskDetails d) {
            return of(d.task(), d.files(), d.queuePosition());
        }
    }

    /**
     * One page of the history. {@code total} is exact unless {@code totalIsEstimate}: a file-name or
     * date filter with more than {@link TaskListing#COUNT_CAP} matches reports that many, meaning "at
     * least". {@code nextCursor}, when present, reads the next page by seeking instead of counting
     * rows off.
     */
    record TaskList(
            List<TaskView> tasks,
            long total,
            boolean totalIsEstimate,
            int page,
            int pageSize,
            boolean hasMore,
            String nextCursor) {}

    record Created(List<TaskView> tasks) {}

    record Stats(long total, long pending, long queued, long processing, long completed, long failed, long cancelled) {
        static Stats of(Map<TaskStatus, Long> counts) {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return new Stats(
                    total,
                    counts.get(TaskStatus.PENDING),
                    counts.get(TaskStatus.QUEUED),
                    counts.get(TaskStatus.PROCESSING),
                    counts.get(TaskStatus.COMPLETED),
                    counts.get(TaskStatus.FAILED),
                    counts.get(TaskStatus.CANCELLED));
        }
    }

    /** PATCH body: any field left out stays as it is. */
    record TaskPatch(String filename, String lang, String engine, List<String> formats, String pdfMode) {}

    record ExportRequest(String format) {}
}
