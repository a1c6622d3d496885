package dev.toolocr.incident.audit;

import dev.toolocr.incident.escalation.EscalationFired;
import dev.toolocr.incident.rooms.RoomEvents;
import dev.toolocr.incident.templates.TemplateChanged;
import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.auth.UserDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Room creation, escalations and template changes, each kept with the transaction that made it. */
@Component
class IncidentLifecycleAudit {

    private final AuditLog audit;
    private final UserDirectory directory;

    IncidentLifecycleAudit(AuditLog audit, UserDirectory directory) {
        this.audit = audit;
        this.directory = directory;
    }

    @EventListener
    void on(RoomEvents.Created e) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("room_id", e.roomId());
        if (e.templateId() != null) {
            details.put("template_id", e.templateId());
        }
        String email = e.createdBy() == null
                ? null
                : directory
                        .findById(e.createdBy())
                        .map(UserDirectory.UserInfo::email)
                        .orElse(null);
        audit.recordNow("room_create", "success", e.createdBy(), email, details);
    }

    @EventListener
    void on(EscalationFired e) {
        audit.recordNow(
                "room_escalation",
                "success",
                null,
                null,
                Map.of(
                        "room_id", e.roomId(),
                        "step", e.step() + "/" + e.steps(),
                        "after_minutes", Integer.toString(e.afterMinutes()),
                        "notified", Integer.toString(e.notifiedUserIds().size())));
    }

    @EventListener
    void on(TemplateChanged e) {
        audit.recordNow(
                "template_" + e.change(),
                "success",
                e.userId(),
                e.userEmail(),
                Map.of("template_id", e.templateId(), "name", e.name() == null ? "" : e.name()));
    }
}
