package dev.toolocr.server.audit;

import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.audit.AuditRecord;
import dev.toolocr.platform.auth.ClientAddresses;
import dev.toolocr.platform.auth.ClientInfo;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.platform.web.RequestIdFilter;
import dev.toolocr.server.tasks.TaskActivity;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns the task module's activity into audit entries with the request's context. Sign-in and
 * administrator access are audited by the platform's audit module itself.
 */
@Component
class TaskActivityAudit {

    private final AuditLog audit;
    private final ClientAddresses clients;
    private final UserDirectory directory;
    private final Clock clock;

    TaskActivityAudit(AuditLog audit, ClientAddresses clients, UserDirectory directory, Clock clock) {
        this.audit = audit;
        this.clients = clients;
        this.directory = directory;
        this.clock = clock;
    }

    @EventListener
    void onTask(TaskActivity a) {
        Map<String, String> details = new HashMap<>(a.details());
        if (a.taskId() != null) {
            details.put("task_id", a.taskId());
        }
        ClientInfo client = currentClient();
        audit.record(new AuditRecord(
                clock.instant(),
                a.action(),
                a.outcome(),
                a.userId(),
                directory
                        .findById(a.userId())
                        .map(UserDirectory.UserInfo::email)
                        .orElse(null),
                client.ipAddress(),
                client.userAgent(),
                MDC.get(RequestIdFilter.MDC_KEY),
                details));
    }

    /** The caller of the current HTTP request, or nothing when the event comes from a worker thread. */
    private ClientInfo currentClient() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return clients.resolve(attributes.getRequest());
        }
        return new ClientInfo(null, null);
    }
}
