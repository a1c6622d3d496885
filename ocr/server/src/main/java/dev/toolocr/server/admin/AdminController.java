package dev.toolocr.server.admin;

import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Administrators only (enforced by the security chain for every /api/v2/admin path). */
@Tag(
        name = "Admin",
        description =
                "Statistics, users and leaderboard (the audit log is the platform's, under /api/v2/admin/audit-logs)")
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

    AdminController(AdminService admin) {
        this.admin = admin;
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

    private static void checkPage(int page, int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > 100) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, "page starts at 1 and page_size is 1-100.");
        }
    }
}
