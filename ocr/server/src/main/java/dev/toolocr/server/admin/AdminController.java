package dev.toolocr.server.admin;

import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.CsvWriter;
import dev.toolocr.platform.web.DateParam;
import dev.toolocr.platform.web.ProblemType;
import dev.toolocr.server.audit.AuditQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Administrators only (enforced by the security chain for every /api/v2/admin path). */
@Tag(name = "Admin", description = "Statistics, users, leaderboard and audit log")
@RestController
@RequestMapping("/api/v2/admin")
class AdminController {

    record Paged<T>(List<T> items, long total, int page, int pageSize, boolean hasMore) {
        static <T> Paged<T> of(Page<T> page, int number, int size) {
            return new Paged<>(page.getContent(), page.getTotalElements(), number, size, page.hasNext());
        }
    }

    record NewUser(String email, String displayName, String password) {
        @Override
        public String toString() {
            return "NewUser[email=" + email + ", password=***]";
        }
    }

    private final AdminService admin;
    private final AuditQueries audit;

    AdminController(AdminService admin, AuditQueries audit) {
        this.admin = admin;
        this.audit = audit;
    }

    @Operation(summary = "System statistics with a 30-day series")
    @GetMapping("/stats")
    AdminService.Stats stats() {
        return admin.stats();
    }

    @Operation(summary = "Users with their task counts, pages, last login and active sessions")
    @GetMapping("/users")
    Paged<AdminService.UserRow> users(
            @RequestParam(required = false) String search,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "20") int pageSize,
            @RequestParam(name = "sort_by", defaultValue = "created_at") String sortBy,
            @RequestParam(name = "order_desc", defaultValue = "true") boolean orderDesc) {
        checkPage(page, pageSize);
        return Paged.of(admin.users(search, page, pageSize, sortBy, orderDesc), page, pageSize);
    }

    @Operation(summary = "Create a local account")
    @PostMapping("/users")
    ResponseEntity<UserDirectory.UserInfo> createUser(CurrentUser caller, @RequestBody NewUser body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(admin.createUser(body.email(), body.displayName(), body.password(), caller.id()));
    }

    @Operation(summary = "Leaderboard by completed pages or created tasks")
    @GetMapping("/users/top")
    List<AdminService.Ranked> top(
            @RequestParam(defaultValue = "tasks") String by,
            @RequestParam(defaultValue = "30") int days,
            @RequestParam(defaultValue = "10") int limit) {
        if (!by.equals("tasks") && !by.equals("pages")) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "by must be tasks or pages.");
        }
        if (days < 1 || days > 3650 || limit < 1 || limit > 100) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "days must be 1-3650 and limit 1-100.");
        }
        return admin.top(by.equals("pages"), days, limit);
    }

    @Operation(summary = "Deactivate a user; their sessions end at once")
    @PostMapping("/users/{userId}/deactivate")
    ResponseEntity<Void> deactivate(CurrentUser caller, @PathVariable String userId) {
        admin.setActive(userId, false, caller.id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Reactivate a user")
    @PostMapping("/users/{userId}/reactivate")
    ResponseEntity<Void> reactivate(CurrentUser caller, @PathVariable String userId) {
        admin.setActive(userId, true, caller.id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Revoke any session")
    @DeleteMapping("/sessions/{sessionId}")
    ResponseEntity<Void> revokeSession(CurrentUser caller, @PathVariable String sessionId) {
        admin.revokeSession(sessionId, caller.id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Audit log, newest first")
    @GetMapping("/audit-logs")
    Paged<AuditQueries.Entry> auditLogs(@ParameterObject AuditFilterParams filter, @ParameterObject PageParams paging) {
        checkPage(paging.page(), paging.pageSize());
        return Paged.of(
                audit.search(filter.toFilter(), paging.page() - 1, paging.pageSize()),
                paging.page(),
                paging.pageSize());
    }

    @Operation(summary = "One user's audit summary")
    @GetMapping("/audit-logs/user/{userId}/summary")
    AuditQueries.Summary auditSummary(@PathVariable String userId) {
        return audit.summary(userId);
    }

    @Operation(summary = "Audit log as CSV (streamed)")
    @GetMapping("/audit-logs/export")
    ResponseEntity<StreamingResponseBody> exportAudit(@ParameterObject AuditFilterParams params) {
        AuditQueries.Filter filter = params.toFilter();
        StreamingResponseBody body = out -> {
            CsvWriter csv = new CsvWriter(out).header(AUDIT_COLUMNS);
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
                        "attachment; filename=\"audit-log-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"")
                .body(body);
    }

    private static final List<String> AUDIT_COLUMNS = List.of(
            "occurred_at",
            "user_id",
            "user_email",
            "event_type",
            "outcome",
            "ip_address",
            "user_agent",
            "request_id",
            "details");

    /** The audit filters, as the list and the export take them; blank means "any". */
    record AuditFilterParams(
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

    /** A page of the audit log: 1-based; 50 entries unless asked (checked by {@link #checkPage}). */
    record PageParams(Integer page, @BindParam("page_size") Integer pageSize) {

        PageParams {
            page = page == null ? 1 : page;
            pageSize = pageSize == null ? 50 : pageSize;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void checkPage(int page, int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > 100) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "page starts at 1 and page_size is 1-100.");
        }
    }
}
