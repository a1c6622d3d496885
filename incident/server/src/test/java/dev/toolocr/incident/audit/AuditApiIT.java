package dev.toolocr.incident.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import dev.toolocr.platform.audit.AuditLog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
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
                .contains("room_create:", "room_update:acknowledged", "member_change:added", "message_delete:")
                .allSatisfy(s -> assertThat(s).doesNotStartWith("message_create"));
        assertThat(page.path("items").findValuesAsText("user_email")).contains(lead.email());
        assertThat(page.path("items").findValuesAsText("event_type")).contains("login_success");
    }

    @Test
    void downloadsOfOriginalsUploadsAndExportsAreAudited() throws Exception {
        Person lead = person("Audit Photographer");
        String room = room(lead, "open");
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        HttpResponse<byte[]> up = upload(lead, room, "leak.png", "image/png", png.toByteArray());
        assertThat(up.statusCode()).isEqualTo(201);
        String fileId = JSON.readTree(up.body()).path("id").asText();
        assertThat(call("GET", "/api/v2/files/" + fileId, lead, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/v2/files/" + fileId + "/thumbnail", lead, null)
                        .status())
                .isEqualTo(200);
        assertThat(call("GET", "/api/v2/rooms/" + room + "/export?format=markdown", lead, null)
                        .status())
                .isEqualTo(200);
        auditLog.flush();

        JsonNode page = call("GET", "/api/v2/admin/audit-logs?user_id=" + lead.id() + "&page_size=100", admin(), null)
                .json();
        List<String> seen = new ArrayList<>();
        page.path("items").forEach(e -> seen.add(e.path("event_type").asText()));
        assertThat(seen).contains("file_upload", "room_export");
        // The thumbnail is what the room shows to every reader: only the original counts as a download.
        assertThat(seen.stream().filter("file_download"::equals)).hasSize(1);
    }

    @Test
    void templateChangesAreAuditedWithTheAdministrator() throws Exception {
        Person admin = admin();
        Answer created = call(
                "POST",
                "/api/v2/templates",
                admin,
                Map.of(
                        "name",
                        "Audit template " + System.nanoTime(),
                        "category",
                        "quality",
                        "default_severity",
                        "medium",
                        "checklist",
                        List.of()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(call("DELETE", "/api/v2/templates/" + id, admin, null).status())
                .isEqualTo(204);
        auditLog.flush();

        JsonNode page = call("GET", "/api/v2/admin/audit-logs?user_id=" + admin.id() + "&page_size=100", admin, null)
                .json();
        List<String> seen = new ArrayList<>();
        page.path("items").forEach(e -> {
            if (id.equals(e.at("/details/template_id").asText())) {
                seen.add(e.path("event_type").asText());
            }
        });
        assertThat(seen).containsExactlyInAnyOrder("template_created", "template_deleted");
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
