package dev.toolocr.incident.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.incident.rooms.RoomEvents;
import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.audit.AuditRecord;
import dev.toolocr.platform.auth.ClientAddresses;
import dev.toolocr.platform.auth.ClientInfo;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.RequestIdFilter;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Audits what the spec lists of a room's durable events: changes of the room (its fields and its
 * status), of its members, and deleted messages. It listens inside the writing transaction, so the
 * entry is kept exactly when the change is. The actor is the signed-in caller; a change with no
 * caller (an escalation, a scheduled step) is recorded without one.
 */
@Component
class RoomActivityAudit {

    private final AuditLog audit;
    private final ClientAddresses clients;
    private final ObjectMapper json;
    private final Clock clock;

    RoomActivityAudit(AuditLog audit, ClientAddresses clients, ObjectMapper json, Clock clock) {
        this.audit = audit;
        this.clients = clients;
        this.json = json;
        this.clock = clock;
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
        CurrentUser actor = currentUser();
        ClientInfo client = currentClient();
        audit.record(new AuditRecord(
                clock.instant(),
                action,
                "success",
                actor == null ? null : actor.id(),
                actor == null ? null : actor.email(),
                client.ipAddress(),
                client.userAgent(),
                MDC.get(RequestIdFilter.MDC_KEY),
                details));
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

    private static CurrentUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
    }

    private ClientInfo currentClient() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return clients.resolve(attributes.getRequest());
        }
        return new ClientInfo(null, null);
    }
}
