package dev.toolocr.incident.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import dev.toolocr.platform.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** INCIDENT-SPEC 8: the audit trail of this app, in its own table, read through the platform's admin API. */
class AuditApiIT extends LiveServer {

    @Autowired
    AuditLog auditLog;

    @Test
    void roomStatusMemberAndDeleteChangesAreAuditedWithTheirActor() throws Exception {
        Person lead = person("Audit Lead");
        Person helper = person("Audit Helper");
        String room = room(lead, "restricted");
        call("POST", "/api/v2/rooms/" + room + "/acknowledge", lead, Map.of());
        addMember(lead, room, helper, "responder");
        String messageId =
                post(lead, room, "wrong room, sorry", null).json().path("id").asText();
        assertThat(call("DELETE", "/api/v2/rooms/" + room + "/messages/" + messageId, lead, null)
                        .status())
                .isEqualTo(204);
        auditLog.flush();

        Person admin = admin();
        JsonNode page = call("GET", "/api/v2/admin/audit-logs?user_id=" + lead.id() + "&page_size=100", admin, null)
                .json();
        List<String> seen = new ArrayList<>();
        page.path("items").forEach(e -> {
            if (room.equals(e.at("/details/room_id").asText())) {
                seen.add(e.path("event_type").asText() + ":"
                        + e.at("/details/status").asText("")
                        + e.at("/details/change").asText(""));
            }
        });
        assertThat(seen)
                .contains("room_update:acknowledged", "member_change:added", "message_delete:")
                .allSatisfy(s -> assertThat(s).doesNotStartWith("message_create"));
        assertThat(page.path("items").findValuesAsText("user_email")).contains(lead.email());
        assertThat(page.path("items").findValuesAsText("event_type")).contains("login_success");
    }

    @Test
    void theAuditLogIsForAdministratorsOnly() throws Exception {
        Person someone = person("Curious Operator");
        Answer refused = call("GET", "/api/v2/admin/audit-logs", someone, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(call("GET", "/api/v2/admin/audit-logs", null, null).status()).isEqualTo(401);

        // The admin's own look at the log is itself an entry.
        Person admin = admin();
        assertThat(call("GET", "/api/v2/admin/audit-logs", admin, null).status())
                .isEqualTo(200);
        auditLog.flush();
        JsonNode access = call("GET", "/api/v2/admin/audit-logs?event_type=admin_access&page_size=5", admin, null)
                .json();
        assertThat(access.path("total").asLong()).isPositive();
    }
}
