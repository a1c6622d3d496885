package dev.toolocr.server.audit;

import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.server.tasks.TaskActivity;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the task module's activity into audit entries with the request's context. Sign-in and
 * administrator access are audited by the platform's audit module itself.
 */
@Component
class TaskActivityAudit {

    private final AuditLog audit;
    private final UserDirectory directory;

    TaskActivityAudit(AuditLog audit, UserDirectory directory) {
        this.audit = audit;
        this.directory = directory;
    }

    @EventListener
    void onTask(TaskActivity a) {
        Map<String, String> details = new HashMap<>(a.details());
        if (a.taskId() != null) {
            details.put("task_id", a.taskId());
        }
        String email = directory
                .findById(a.userId())
                .map(UserDirectory.UserInfo::email)
                .orElse(null);
        audit.recordNow(a.action(), a.outcome(), a.userId(), email, details);
    }
}
