package dev.toolocr.server.tasks;

import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import dev.toolocr.platform.web.QueryParams;
import dev.toolocr.server.tasks.TaskResponses.Created;
import dev.toolocr.server.tasks.TaskResponses.ExportRequest;
import dev.toolocr.server.tasks.TaskResponses.Stats;
import dev.toolocr.server.tasks.TaskResponses.TaskList;
import dev.toolocr.server.tasks.TaskResponses.TaskPatch;
import dev.toolocr.server.tasks.TaskResponses.TaskView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@Tag(name = "Tasks", description = "Your OCR tasks: upload, follow, download")
@RestController
@RequestMapping("/api/v2/tasks")
class TaskController {

    private static final String TASK_ID = "{taskId:[0-9a-fA-F-]{1,64}}";

    private final TaskService service;
    private final TaskListing listing;
    private final TaskEventStream stream;
    private final TaskExport export;

    TaskController(TaskService service, TaskListing listing, TaskEventStream stream, TaskExport export) {
        this.service = service;
        this.listing = listing;
        this.stream = stream;
        this.export = export;
    }

    @Operation(summary = "Upload one or more files; one task per file")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Created> upload(
            CurrentUser user,
            @RequestParam(name = "file", required = false) List<MultipartFile> files,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String engine,
            @RequestParam(required = false) String formats,
            @RequestParam(name = "pdf_mode", required = false) String pdfMode,
            @RequestParam(defaultValue = "true") boolean start) {
        TaskOptions options = TaskOptions.from(TaskOptions.DEFAULTS, lang, engine, formats, pdfMode);
        List<TaskService.Upload> uploads = files == null
                ? List.of()
                : files.stream()
                        .map(f -> new TaskService.Upload(f.getOriginalFilename(), f::getInputStream))
                        .toList();
        List<TaskView> created = service.create(user.id(), uploads, options, start).stream()
                .map(TaskView::of)
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(created));
    }

    @Operation(summary = "Your tasks, filtered, sorted and paged (by page, or by the cursor of the previous page)")
    @GetMapping
    TaskList list(CurrentUser user, @QueryParams @ParameterObject TaskQuery.Params params) {
        TaskQuery query = TaskQuery.parse(params);
        TaskListing.Listing result = listing.list(user.id(), query);
        return new TaskList(
                result.tasks().stream().map(t -> TaskView.of(t, null, -1)).toList(),
                result.total(),
                result.totalIsEstimate(),
                query.page(),
                query.pageSize(),
                result.hasMore(),
                result.nextCursor());
    }

    @Operation(summary = "How many of your tasks are in each state")
    @GetMapping("/stats")
    Stats stats(CurrentUser user) {
        return Stats.of(listing.stats(user.id()));
    }

    @Operation(summary = "Live progress of your tasks (server-sent events: task, queue)")
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(CurrentUser user) {
        return stream.open(user.id());
    }

    @Operation(summary = "Export your task history as CSV or JSON")
    @PostMapping("/history/export")
    ResponseEntity<StreamingResponseBody> exportHistory(
            CurrentUser user,
            @RequestParam(required = false) String format,
            @RequestBody(required = false) ExportRequest body) {
        String chosen = format != null ? format : body != null && body.format() != null ? body.format() : "csv";
        TaskExport.Format f = TaskExport.Format.parse(chosen);
        return export.export(user.id(), f);
    }

    @Operation(summary = "One of your tasks, with its files and progress")
    @GetMapping("/" + TASK_ID)
    TaskView get(CurrentUser user, @PathVariable String taskId) {
        return TaskView.of(service.get(user.id(), taskId));
    }

    @Operation(summary = "Rename a task, or change its options while it is pending")
    @PatchMapping("/" + TASK_ID)
    TaskView patch(CurrentUser user, @PathVariable String taskId, @RequestBody TaskPatch patch) {
        TaskOptions options = null;
        if (patch.lang() != null || patch.engine() != null || patch.formats() != null || patch.pdfMode() != null) {
            TaskOptions current =
                    TaskOptions.fromJson(service.get(user.id(), taskId).task().options());
            options = TaskOptions.from(
                    current,
                    patch.lang(),
                    patch.engine(),
                    patch.formats() == null ? null : String.join(",", patch.formats()),
                    patch.pdfMode());
        }
        if (patch.filename() != null && patch.filename().isBlank()) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "filename must not be blank.");
        }
        return TaskView.of(service.update(user.id(), taskId, patch.filename(), options));
    }

    @Operation(summary = "Delete a task and its files")
    @DeleteMapping("/" + TASK_ID)
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable String taskId) {
        service.delete(user.id(), taskId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Queue a pending task")
    @PostMapping("/" + TASK_ID + "/start")
    TaskView start(CurrentUser user, @PathVariable String taskId) {
        return TaskView.of(service.start(user.id(), taskId));
    }

    @Operation(summary = "Cancel a pending, queued or running task")
    @PostMapping("/" + TASK_ID + "/cancel")
    TaskView cancel(CurrentUser user, @PathVariable String taskId) {
        return TaskView.of(service.cancel(user.id(), taskId));
    }

    @Operation(summary = "Queue a failed or cancelled task again")
    @PostMapping("/" + TASK_ID + "/retry")
    TaskView retry(CurrentUser user, @PathVariable String taskId) {
        return TaskView.of(service.retry(user.id(), taskId));
    }

    @Operation(summary = "Download a result: json, markdown, pdf or txt")
    @GetMapping("/" + TASK_ID + "/download/{format}")
    ResponseEntity<Resource> download(CurrentUser user, @PathVariable String taskId, @PathVariable String format) {
        ResultFormat f;
        try {
            f = ResultFormat.parse(format.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemType.NOT_FOUND, "Downloads are json, markdown, pdf and txt.");
        }
        TaskService.Download d = service.download(user.id(), taskId, f);
        return ResponseEntity.ok()
                .contentType(d.format().mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(d.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(d.content()));
    }
}
