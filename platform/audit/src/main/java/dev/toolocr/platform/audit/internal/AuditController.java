package dev.toolocr.platform.audit.internal;

import dev.toolocr.platform.audit.AuditQueries;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.CsvWriter;
import dev.toolocr.platform.web.DateParam;
import dev.toolocr.platform.web.ProblemType;
import dev.toolocr.platform.web.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit log for administrators, the same in every application. The host's security chain
 * already keeps {@code /api/v2/admin} to administrators; the check here holds even if a host forgets.
 */
@Tag(name = "Audit", description = "The audit log: pages, per-user summaries, CSV export")
@RestController
@RequestMapping("/api/v2/admin/audit-logs")
class AuditController {

    record Paged<T>(List<T> items, long total, int page, int pageSize, boolean hasMore) {
        static <T> Paged<T> of(Page<T> page, int number, int size) {
            return new Paged<>(page.getContent(), page.getTotalElements(), number, size, page.hasNext());
        }
    }

    /** The audit filters, as the list and the export take them; blank means "any". */
    record FilterParams(
            @BindParam("user_id") String userId,
            String email,
            @BindParam("event_type") String eventType,
            String outcome,
            @BindParam("date_from") String dateFrom,
            @BindParam("date_to") String dateTo) {

        AuditQueries.Filter toFilter() {
            return new AuditQueries.Filter(
                    blankToNull(userId),
                    blankToNull(email),
                    blankToNull(eventType),
                    blankToNull(outcome),
                    DateParam.parse(dateFrom, false, "date_from"),
                    DateParam.parse(dateTo, true, "date_to"));
        }
    }

    /** A page of the audit log: 1-based; 50 entries unless asked, at most 100. */
    record PageParams(Integer page, @BindParam("page_size") Integer pageSize) {

        PageParams {
            page = page == null ? 1 : page;
            pageSize = pageSize == null ? 50 : pageSize;
        }
    }

    private static final List<String> COLUMNS = List.of(
            "occurred_at",
            "user_id",
            "user_email",
            "event_type",
            "outcome",
            "ip_address",
            "user_agent",
            "request_id",
            "details");

    private final AuditQueries audit;
    private final Clock clock;

    AuditController(AuditQueries audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Audit log, newest first")
    @GetMapping
    Paged<AuditQueries.Entry> auditLogs(
            CurrentUser caller,
            @QueryParams @ParameterObject FilterParams filter,
            @QueryParams @ParameterObject PageParams paging) {
        requireAdmin(caller);
        if (paging.page() < 1 || paging.pageSize() < 1 || paging.pageSize() > 100) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "page starts at 1 and page_size is 1-100.");
        }
        return Paged.of(
                audit.search(filter.toFilter(), paging.page() - 1, paging.pageSize()),
                paging.page(),
                paging.pageSize());
    }

    @Operation(summary = "One user's audit summary")
    @GetMapping("/user/{userId}/summary")
    AuditQueries.Summary auditSummary(CurrentUser caller, @PathVariable String userId) {
        requireAdmin(caller);
        return audit.summary(userId);
    }

    @Operation(summary = "Audit log as CSV (streamed)")
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> exportAudit(
            CurrentUser caller, @QueryParams @ParameterObject FilterParams params) {
        requireAdmin(caller);
        AuditQueries.Filter filter = params.toFilter();
        StreamingResponseBody body = out -> {
            CsvWriter csv = new CsvWriter(out).header(COLUMNS);
            audit.forEach(
                    filter,
                    e -> csv.row(Arrays.asList(
                            String.valueOf(e.occurredAt()),
                            e.userId(),
                            e.userEmail(),
                            e.eventType(),
                            e.outcome(),
                            e.ipAddress(),
                            e.userAgent(),
                            e.requestId(),
                            e.details().toString())));
            csv.flush();
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"audit-log-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".csv\"")
                .body(body);
    }

    private static void requireAdmin(CurrentUser caller) {
        if (caller == null || !caller.admin()) {
            throw ApiException.forbidden("Administrators only.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
