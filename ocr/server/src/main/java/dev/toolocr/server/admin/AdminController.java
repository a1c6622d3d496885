package dev.toolocr.server.admin;

import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.server.audit.AuditQueries;
import dev.toolocr.server.web.ApiException;
import dev.toolocr.server.web.Csv;
import dev.toolocr.server.web.DateParam;
import dev.toolocr.server.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    Paged<AuditQueries.Entry> auditLogs(
            @RequestParam(name = "user_id", required = false) String userId,
            @RequestParam(required = false) String email,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(required = false) String outcome,
            @RequestParam(name = "date_from", required = false) String dateFrom,
            @RequestParam(name = "date_to", required = false) String dateTo,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "50") int pageSize) {
        checkPage(page, pageSize);
        AuditQueries.Filter filter = filter(userId, email, eventType, outcome, dateFrom, dateTo);
        return Paged.of(audit.search(filter, page - 1, pageSize), page, pageSize);
    }

    @Operation(summary = "One user's audit summary")
    @GetMapping("/audit-logs/user/{userId}/summary")
    AuditQueries.Summary auditSummary(@PathVariable String userId) {
        return audit.summary(userId);
    }

    @Operation(summary = "Audit log as CSV (streamed)")
    @GetMapping("/audit-logs/export")
    ResponseEntity<StreamingResponseBody> exportAudit(
            @RequestParam(name = "user_id", required = false) String userId,
            @RequestParam(required = false) String email,
            @RequestParam(name = "event_type", required = false) String eventType,
            @RequestParam(required = false) String outcome,
            @RequestParam(name = "date_from", required = false) String dateFrom,
            @RequestParam(name = "date_to", required = false) String dateTo) {
        AuditQueries.Filter filter = filter(userId, email, eventType, outcome, dateFrom, dateTo);
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("occurred_at,user_id,user_email,event_type,outcome,ip_address,user_agent,request_id,details\r\n");
            audit.forEach(filter, e -> {
                try {
                    w.write(String.join(
                                    ",",
                                    List.of(
                                            Csv.cell(String.valueOf(e.occurredAt())),
                                            Csv.cell(e.userId()),
                                            Csv.cell(e.userEmail()),
                                            Csv.cell(e.eventType()),
                                            Csv.cell(e.outcome()),
                                            Csv.cell(e.ipAddress()),
                                            Csv.cell(e.userAgent()),
                                            Csv.cell(e.requestId()),
                                            Csv.cell(e.details().toString())))
                            + "\r\n");
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
            w.flush();
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"audit-log-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"")
                .body(body);
    }

    private static AuditQueries.Filter filter(
            String userId, String email, String eventType, String outcome, String dateFrom, String dateTo) {
        return new AuditQueries.Filter(
                blankToNull(userId),
                blankToNull(email),
                blankToNull(eventType),
                blankToNull(outcome),
                DateParam.parse(dateFrom, false, "date_from"),
                DateParam.parse(dateTo, true, "date_to"));
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
