package dev.toolocr.server.tasks;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.CsvWriter;
import dev.toolocr.platform.web.ProblemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Streams a user's task history as CSV or JSON without loading it all into memory. */
@Component
class TaskExport {

    enum Format {
        CSV,
        JSON;

        static Format parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException(ProblemType.VALIDATION_FAILED, "format must be csv or json.");
            }
        }
    }

    private static final List<String> COLUMNS = List.of(
            "task_id",
            "filename",
            "status",
            "file_type",
            "pages_total",
            "attempts",
            "processing_time_ms",
            "error_code",
            "created_at",
            "completed_at",
            "file_deleted");

    private final TaskService service;
    private final ObjectMapper json;

    TaskExport(TaskService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    ResponseEntity<StreamingResponseBody> export(String userId, Format format) {
        // Fail before streaming starts (history disabled → problem+json, not a broken download).
        service.requireHistory();
        StreamingResponseBody body = format == Format.CSV
                ? out -> {
                    CsvWriter csv = new CsvWriter(out).header(COLUMNS);
                    service.forEachTask(userId, t -> csv.row(csvRow(t)));
                    csv.flush();
                }
                : out -> {
                    JsonGenerator g = json.getFactory().createGenerator(out);
                    g.writeStartObject();
                    g.writeArrayFieldStart("tasks");
                    service.forEachTask(userId, t -> {
                        try {
                            g.writeStartObject();
                            g.writeStringField("task_id", t.id());
                            g.writeStringField("filename", t.filename());
                            g.writeStringField("status", t.status().wire());
                            g.writeStringField("file_type", t.fileType());
                            writeNumber(g, "pages_total", t.pagesTotal());
                            g.writeNumberField("attempts", t.attempts());
                            writeNumber(g, "processing_time_ms", t.processingTimeMs());
                            g.writeStringField("error_code", t.errorCode());
                            g.writeStringField("created_at", text(t.createdAt()));
                            g.writeStringField("completed_at", text(t.completedAt()));
                            g.writeBooleanField("file_deleted", t.fileDeleted());
                            g.writeEndObject();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    g.writeEndArray();
                    g.writeEndObject();
                    g.flush();
                };
        String name = "tool-ocr-history-" + LocalDate.now(ZoneOffset.UTC) + (format == Format.CSV ? ".csv" : ".json");
        return ResponseEntity.ok()
                .contentType(
                        format == Format.CSV
                                ? MediaType.parseMediaType("text/csv;charset=UTF-8")
                                : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(name))
                .body(body);
    }

    private static void writeNumber(JsonGenerator g, String field, Number value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, value.longValue());
        }
    }

    static List<String> csvRow(Task t) {
        return Arrays.asList(
                t.id(),
                t.filename(),
                t.status().wire(),
                t.fileType(),
                str(t.pagesTotal()),
                String.valueOf(t.attempts()),
                str(t.processingTimeMs()),
                t.errorCode(),
                text(t.createdAt()),
                text(t.completedAt()),
                String.valueOf(t.fileDeleted()));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
