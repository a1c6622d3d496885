package dev.toolocr.incident.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.incident.rooms.RoomEvents;
import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.auth.CurrentUser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Audits what the spec lists of a room's durable events: changes of the room (its fields and its
 * status), of its members, and deleted messages. It listens inside the writing transaction, so the
 * entry is kept exactly when the change is. The actor is the signed-in caller; a change with no
 * caller (an escalation, a scheduled step) is recorded without one.
 */
@Component
class RoomActivityAudit {

    private final AuditLog audit;
    private final ObjectMapper json;

    RoomActivityAudit(AuditLog audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @EventListener
    void on(RoomEvents.Recorded event) {
        String action = switch (event.type()) {
            case "room.updated" -> "room_update";
            case "member.changed" -> "member_change";
            case "message.deleted" -> "message_delete";
            default -> null;
        };
        if (action == null) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("room_id", event.roomId());
        details.put("seq", Long.toString(event.seq()));
        JsonNode frame = parse(event.json());
        switch (event.type()) {
            case "room.updated" -> put(details, "status", frame.at("/room/status"));
            case "member.changed" -> {
                put(details, "change", frame.at("/change"));
                put(details, "member_email", frame.at("/member/email"));
                put(details, "role", frame.at("/member/role"));
            }
            case "message.deleted" -> put(details, "message_id", frame.at("/message_id"));
            default -> {}
        }
        CurrentUser actor = CurrentUser.signedIn().orElse(null);
        audit.recordNow(
                action, "success", actor == null ? null : actor.id(), actor == null ? null : actor.email(), details);
    }

    private JsonNode parse(String frame) {
        try {
            return json.readTree(frame);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static void put(Map<String, String> details, String key, JsonNode value) {
        if (value != null && !value.isMissingNode() && !value.isNull()) {
            details.put(key, value.asText());
        }
    }
}
