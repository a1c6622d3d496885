package dev.toolocr.incident.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Templates over real HTTP: admins keep them, and a room created from one starts prepared. */
class TemplateApiIT extends LiveServer {

    private static Map<String, Object> template(String name, String helper) {
        return Map.of(
                "name",
                name,
                "category",
                "safety",
                "default_severity",
                "critical",
                "title_prefix",
                "[SAFETY]",
                "description",
                "Stop the line and secure the area.",
                "default_member_emails",
                List.of(helper),
                "checklist",
                List.of("Stop the line", "Secure the area", "Call the EHS officer"),
                "escalation",
                List.of(Map.of("after_minutes", 10, "notify_emails", List.of("ehs@example.com"))));
    }

    @Test
    void onlyAdminsKeepTemplatesAndEveryoneReadsThem() throws Exception {
        Person admin = admin();
        Person worker = person("Val Worker");
        String name = "Safety " + UUID.randomUUID();
        assertThat(call("POST", "/api/v2/templates", worker, template(name, "x@example.com"))
                        .status())
                .isEqualTo(403);
        JsonNode created = call("POST", "/api/v2/templates", admin, template(name, "x@example.com"))
                .json();
        assertThat(created.path("escalation").get(0).path("after_minutes").asInt())
                .isEqualTo(10);

        JsonNode listed = call("GET", "/api/v2/templates", worker, null).json().path("templates");
        assertThat(listed.findValuesAsText("name")).contains(name);
        String id = created.path("id").asText();
        assertThat(call("PATCH", "/api/v2/templates/" + id, worker, template(name, "y@example.com"))
                        .status())
                .isEqualTo(403);
        assertThat(call("PATCH", "/api/v2/templates/" + id, admin, template(name + " v2", "y@example.com"))
                        .json()
                        .path("default_member_emails")
                        .get(0)
                        .asText())
                .isEqualTo("y@example.com");
        assertThat(call("DELETE", "/api/v2/templates/" + id, worker, null).status())
                .isEqualTo(403);
        assertThat(call("DELETE", "/api/v2/templates/" + id, admin, null).status())
                .isEqualTo(204);
        assertThat(call("DELETE", "/api/v2/templates/" + id, admin, null).status())
                .isEqualTo(404);

        Map<String, Object> bad = new java.util.HashMap<>(template(name, "x@example.com"));
        bad.put("escalation", List.of(Map.of("after_minutes", 0, "notify_emails", List.of("not-an-email"))));
        assertThat(call("POST", "/api/v2/templates", admin, bad).status()).isEqualTo(400);
    }

    @Test
    void aRoomFromATemplateTakesItsDefaultsMembersAndChecklist() throws Exception {
        Person admin = admin();
        Person reporter = person("Wes Reporter");
        String helper = "helper." + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        String templateId = call("POST", "/api/v2/templates", admin, template("Spill " + UUID.randomUUID(), helper))
                .json()
                .path("id")
                .asText();

        Answer created = call(
                "POST",
                "/api/v2/rooms",
                reporter,
                Map.of(
                        "title",
                        "Oil spill at press 2",
                        "line",
                        "L9",
                        "equipment",
                        "press-" + UUID.randomUUID(),
                        "template_id",
                        templateId));
        assertThat(created.status()).isEqualTo(201);
        JsonNode room = created.json();
        assertThat(room.path("title").asText()).isEqualTo("[SAFETY] Oil spill at press 2");
        assertThat(room.path("category").asText()).isEqualTo("safety");
        assertThat(room.path("severity").asText()).isEqualTo("critical");
        assertThat(room.path("description").asText()).isEqualTo("Stop the line and secure the area.");
        assertThat(room.path("template_id").asText()).isEqualTo(templateId);

        String id = room.path("id").asText();
        JsonNode members = call("GET", "/api/v2/rooms/" + id + "/members", reporter, null)
                .json()
                .path("members");
        assertThat(members.findValuesAsText("email")).contains(helper);
        JsonNode first = call("GET", "/api/v2/rooms/" + id + "/messages?after_seq=0&limit=1", reporter, null)
                .json()
                .path("messages")
                .get(0);
        assertThat(first.path("kind").asText()).isEqualTo("system");
        assertThat(first.path("content").asText())
                .isEqualTo("Checklist:\n- [ ] Stop the line\n- [ ] Secure the area\n- [ ] Call the EHS officer");

        Answer unknown = call(
                "POST",
                "/api/v2/rooms",
                reporter,
                Map.of(
                        "title",
                        "t",
                        "line",
                        "L9",
                        "template_id",
                        UUID.randomUUID().toString()));
        assertThat(unknown.json().path("type").asText()).isEqualTo("urn:irs:problem:unknown-template");
        Answer neither = call("POST", "/api/v2/rooms", reporter, Map.of("title", "t", "line", "L9"));
        assertThat(neither.status()).isEqualTo(400);
    }
}
