package dev.toolocr.server.admin;

import dev.toolocr.platform.audit.AuditQueries;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import dev.toolocr.server.tasks.TaskStatistics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/** System-wide figures and user administration; every figure comes from an aggregate query. */
@Service
class AdminService {

    private static final int SERIES_DAYS = 30;

    record DayPoint(LocalDate day, long tasks, long logins) {}

    record Stats(
            Map<String, Long> users,
            Map<String, Long> tasks,
            long pagesProcessed,
            long activeSessions,
            long storageBytes,
            Double processingTimeMeanMs,
            Long processingTimeP95Ms,
            long queueDepth,
            List<DayPoint> daily) {}

    record UserRow(UserDirectory.UserInfo user, Map<String, Long> tasks, long pages, long activeSessions) {}

    record Ranked(int rank, String userId, String email, String displayName, long value) {}

    private final UserDirectory directory;
    private final TaskStatistics tasks;
    private final AuditQueries audit;
    private final Clock clock;

    AdminService(UserDirectory directory, TaskStatistics tasks, AuditQueries audit, Clock clock) {
        this.directory = directory;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    Stats stats() {
        Instant now = clock.instant();
        Map<String, Long> users = Map.of(
                "total", directory.countUsers(),
                "active_1d", directory.countActiveSince(now.minus(Duration.ofDays(1))),
                "active_7d", directory.countActiveSince(now.minus(Duration.ofDays(7))),
                "active_30d", directory.countActiveSince(now.minus(Duration.ofDays(30))));
        TaskStatistics.Overview overview = tasks.overview();
        List<TaskStatistics.DayCount> created = tasks.createdPerDay(SERIES_DAYS);
        List<Long> logins = audit.countPerDay("login_success", SERIES_DAYS);
        List<DayPoint> daily = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            daily.add(new DayPoint(created.get(i).day(), created.get(i).count(), logins.get(i)));
        }
        return new Stats(
                users,
                overview.byStatus(),
                overview.pagesProcessed(),
                directory.countActiveSessions(),
                tasks.storedBytes(),
                overview.meanProcessingMs(),
                overview.p95ProcessingMs(),
                overview.queueDepth(),
                daily);
    }

    Page<UserRow> users(String search, int page, int pageSize, String sortBy, boolean descending) {
        Page<UserDirectory.UserInfo> users;
        try {
            users = directory.list(search, page - 1, pageSize, sortBy, descending);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, e.getMessage() + ".");
        }
        List<String> ids =
                users.getContent().stream().map(UserDirectory.UserInfo::id).toList();
        Map<String, TaskStatistics.UserTaskCounts> counts = tasks.countsFor(ids);
        Map<String, Long> sessions = directory.activeSessionsByUser(ids);
        return users.map(u -> new UserRow(
                u, counts.get(u.id()).byStatus(), counts.get(u.id()).pages(), sessions.getOrDefault(u.id(), 0L)));
    }

    List<Ranked> top(boolean byPages, int days, int limit) {
        List<TaskStatistics.Ranked> ranked = tasks.top(byPages, clock.instant().minus(Duration.ofDays(days)), limit);
        List<Ranked> result = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            TaskStatistics.Ranked r = ranked.get(i);
            UserDirectory.UserInfo u = directory.findById(r.userId()).orElse(null);
            result.add(new Ranked(
                    i + 1, r.userId(), u == null ? null : u.email(), u == null ? null : u.displayName(), r.value()));
        }
        return result;
    }

    UserDirectory.UserInfo createUser(String email, String displayName, String password, String adminId) {
        try {
            return directory.createLocalUser(email, displayName, password, adminId);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ProblemType.VALIDATION_FAILED, e.getMessage() + ".");
        }
    }

    void setActive(String userId, boolean active, String adminId) {
        if (userId.equals(adminId) && !active) {
            throw new ApiException(ProblemType.CONFLICT, "You cannot deactivate your own account.");
        }
        try {
            if (active) {
                directory.reactivate(userId, adminId);
            } else {
                directory.deactivate(userId, adminId);
            }
        } catch (NoSuchElementException e) {
            throw new ApiException(ProblemType.NOT_FOUND, "No user with this id.");
        }
    }

    void revokeSession(String sessionId, String adminId) {
        try {
            directory.revokeSession(sessionId, adminId);
        } catch (NoSuchElementException e) {
            throw new ApiException(ProblemType.NOT_FOUND, "No session with this id.");
        }
    }
}
