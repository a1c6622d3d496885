package dev.toolocr.incident.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rooms, members and roles over real HTTP. */
class RoomApiIT extends LiveServer {

    @Test
    void creatorOwnsTheRoomAndItsLifecycleWritesTimesAndSystemMessages() throws Exception {
        Person lead = person("Lea Wang");
        String id = room(lead, "open");

        JsonNode room = call("GET", "/api/v2/rooms/" + id, lead, null).json();
        assertThat(room.path("status").asText()).isEqualTo("open");
        assertThat(room.path("my_role").asText()).isEqualTo("owner");
        assertThat(room.path("member_count").asInt()).isEqualTo(1);

        assertThat(call("POST", "/api/v2/rooms/" + id + "/acknowledge", lead, Map.of())
                        .status())
                .isEqualTo(200);
        Answer early = call("POST", "/api/v2/rooms/" + id + "/close", lead, Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("type").asText()).isEqualTo("urn:irs:problem:invalid-transition");
        assertThat(early.json().path("status").asText()).isEqualTo("acknowledged");

        call("POST", "/api/v2/rooms/" + id + "/start", lead, Map.of("note", "on site"));
        Answer noResolution = call("POST", "/api/v2/rooms/" + id + "/resolve", lead, Map.of());
        assertThat(noResolution.status()).isEqualTo(400);
        JsonNode resolved = call(
                        "POST", "/api/v2/rooms/" + id + "/resolve", lead, Map.of("resolution", "Seal replaced"))
                .json();
        assertThat(resolved.path("status").asText()).isEqualTo("resolved");
        assertThat(resolved.path("time_to_acknowledge_s").isNumber()).isTrue();
        assertThat(resolved.path("time_to_resolve_s").isNumber()).isTrue();

        List<String> texts = new ArrayList<>();
        call("GET", "/api/v2/rooms/" + id + "/messages", lead, null)
                .json()
                .path("messages")
                .forEach(m -> texts.add(
                        m.path("kind").asText() + ":" + m.path("content").asText()));
        assertThat(texts).hasSize(4).allMatch(t -> t.startsWith("system:"));
        assertThat(texts.get(2)).contains("started work: on site");
        // Every change is a room.updated event and a system message, each with the next seq.
        JsonNode events = call("GET", "/api/v2/rooms/" + id + "/events?after_seq=0", lead, null)
                .json()
                .path("events");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("seq").asLong()).isEqualTo(i + 1);
        }
        assertThat(events.get(events.size() - 1).path("seq").asLong())
                .isEqualTo(resolved.path("last_seq").asLong());
    }

    @Test
    void aRestrictedRoomIsNotFoundForOutsidersAndRolesLimitWhatMembersDo() throws Exception {
        Person owner = person("Olivia Ho");
        Person responder = person("Ray Tsai");
        Person viewer = person("Vic Lu");
        Person outsider = person("Oscar Lin");
        String id = room(owner, "restricted");
        addMember(owner, id, responder, "responder");
        addMember(owner, id, viewer, "viewer");
        String message = post(owner, id, "first", null).json().path("id").asText();
        String base = "/api/v2/rooms/" + id;

        record Case(String method, String path, Object body) {}
        List<Case> endpoints = List.of(
                new Case("GET", base, null),
                new Case("PATCH", base, Map.of("title", "x")),
                new Case("POST", base + "/acknowledge", Map.of()),
                new Case("GET", base + "/members", null),
                new Case("POST", base + "/members", Map.of("email", "z@example.com", "role", "viewer")),
                new Case("PATCH", base + "/members/" + viewer.id(), Map.of("role", "responder")),
                new Case("DELETE", base + "/members/" + viewer.id(), null),
                new Case("POST", base + "/join", null),
                new Case("GET", base + "/messages", null),
                new Case("POST", base + "/messages", Map.of("content", "hi")),
                new Case("PATCH", base + "/messages/" + message, Map.of("content", "x")),
                new Case("DELETE", base + "/messages/" + message, null),
                new Case("PUT", base + "/messages/" + message + "/reactions/👍", null),
                new Case("POST", base + "/messages/" + message + "/pin", null),
                new Case("GET", base + "/events", null),
                new Case("POST", base + "/read", Map.of("seq", 1)),
                new Case("GET", base + "/presence", null));
        for (Case c : endpoints) {
            Answer hidden = call(c.method(), c.path(), outsider, c.body());
            assertThat(hidden.status()).as(c.method() + " " + c.path()).isEqualTo(404);
            assertThat(hidden.json().path("type").asText()).isEqualTo("urn:irs:problem:not-found");
            assertThat(call(c.method(), c.path(), null, c.body()).status())
                    .as("anonymous " + c.path())
                    .isEqualTo(401);
        }
        String unknownId = UUID.randomUUID().toString();
        Answer unknown = call("GET", "/api/v2/rooms/" + unknownId, outsider, null);
        assertThat(unknown.body().replace(unknownId, id))
                .isEqualTo(call("GET", base, outsider, null).body());

        assertThat(post(viewer, id, "can I?", null).status()).isEqualTo(403);
        assertThat(call("POST", base + "/acknowledge", viewer, Map.of()).status())
                .isEqualTo(403);
        assertThat(call("PUT", base + "/messages/" + message + "/reactions/👍", viewer, null)
                        .status())
                .isEqualTo(204);
        assertThat(call("POST", base + "/members", responder, Map.of("email", "q@example.com"))
                        .status())
                .isEqualTo(403);
        assertThat(call("PATCH", base, responder, Map.of("title", "no")).status())
                .isEqualTo(403);
        assertThat(call("POST", base + "/acknowledge", responder, Map.of()).status())
                .isEqualTo(200);
        assertThat(call("GET", base, admin(), null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/v2/rooms?page_size=100", outsider, null).body())
                .doesNotContain(id);
    }

    @Test
    void theLastOwnerCannotLeaveOrBeDemotedUntilAnotherOwnerExists() throws Exception {
        Person owner = person("Amy Kuo");
        Person other = person("Ben Chu");
        String id = room(owner, "open");
        String base = "/api/v2/rooms/" + id;

        Answer leave = call("POST", base + "/leave", owner, null);
        assertThat(leave.status()).isEqualTo(409);
        assertThat(leave.json().path("type").asText()).isEqualTo("urn:irs:problem:last-owner");
        assertThat(call("PATCH", base + "/members/" + owner.id(), owner, Map.of("role", "viewer"))
                        .status())
                .isEqualTo(409);

        assertThat(call("POST", base + "/join", other, null).json().path("role").asText())
                .isEqualTo("responder");
        call("PATCH", base + "/members/" + other.id(), owner, Map.of("role", "owner"));
        assertThat(call("POST", base + "/leave", owner, null).status()).isEqualTo(204);
        assertThat(call("GET", base, owner, null).json().path("my_role").isNull())
                .isTrue();
    }

    @Test
    void aPendingMemberAddedByEmailSeesTheRestrictedRoomAtFirstSignIn() throws Exception {
        Person owner = person("Cleo Yu");
        String id = room(owner, "restricted");
        String email = "later." + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        Answer added = call("POST", "/api/v2/rooms/" + id + "/members", owner, Map.of("email", email.toUpperCase()));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("pending").asBoolean()).isTrue();
        assertThat(added.json().path("email").asText()).isEqualTo(email);

        String admin = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        String userId = directory
                .createLocalUser(email, "Later Person", "Later-password-1", admin)
                .id();
        Answer login =
                call("POST", "/api/v2/auth/login", null, Map.of("username", email, "password", "Later-password-1"));
        Person later = new Person(
                userId, email, "Later Person", login.json().path("access_token").asText());

        JsonNode room = call("GET", "/api/v2/rooms/" + id, later, null).json();
        assertThat(room.path("my_role").asText()).isEqualTo("responder");
        JsonNode member = call("GET", "/api/v2/rooms/" + id + "/members", owner, null)
                .json()
                .path("members")
                .get(1);
        assertThat(member.path("user_id").asText()).isEqualTo(userId);
        assertThat(member.path("pending").asBoolean()).isFalse();
    }

    @Test
    void aSecondActiveIncidentOnTheSameEquipmentIsFlaggedAsAPossibleDuplicate() throws Exception {
        Person first = person("Dan Su");
        Person second = person("Eve Pan");
        String equipment = "oven-" + UUID.randomUUID();
        Map<String, Object> body = Map.of(
                "title",
                "Oven temperature drift",
                "line",
                "L7",
                "equipment",
                equipment,
                "category",
                "quality",
                "severity",
                "medium");
        String existing =
                call("POST", "/api/v2/rooms", first, body).json().path("id").asText();

        Answer dup = call("POST", "/api/v2/rooms", second, body);
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("type").asText()).isEqualTo("urn:irs:problem:possible-duplicate");
        assertThat(dup.json().path("room_id").asText()).isEqualTo(existing);

        Map<String, Object> anyway = new java.util.HashMap<>(body);
        anyway.put("allow_duplicate", true);
        assertThat(call("POST", "/api/v2/rooms", second, anyway).status()).isEqualTo(201);

        Map<String, Object> otherCategory = new java.util.HashMap<>(body);
        otherCategory.put("category", "safety");
        assertThat(call("POST", "/api/v2/rooms", second, otherCategory).status())
                .isEqualTo(201);
    }

    @Test
    void theListFiltersSearchesSortsAndPagesWithUnreadCounts() throws Exception {
        Person me = person("Fay Lo");
        Person colleague = person("Gus Ng");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (String severity : List.of("low", "critical", "medium")) {
            ids.add(call(
                            "POST",
                            "/api/v2/rooms",
                            me,
                            Map.of(
                                    "title", "Label printer " + tag + " " + severity,
                                    "line", "Line-" + tag,
                                    "equipment", "printer-" + severity,
                                    "category", "material",
                                    "severity", severity))
                    .json()
                    .path("id")
                    .asText());
        }
        call("POST", "/api/v2/rooms/" + ids.get(1) + "/join", colleague, null);
        post(colleague, ids.get(1), "I am on it", null);
        post(colleague, ids.get(1), "Spare roll found", null);

        JsonNode bySeverity = call(
                        "GET", "/api/v2/rooms?q=" + tag.toUpperCase() + "&sort=severity&order_desc=false", me, null)
                .json();
        assertThat(bySeverity.path("total").asInt()).isEqualTo(3);
        List<String> order = new ArrayList<>();
        bySeverity.path("rooms").forEach(r -> order.add(r.path("severity").asText()));
        assertThat(order).containsExactly("critical", "medium", "low");
        JsonNode critical = bySeverity.path("rooms").get(0);
        assertThat(critical.path("unread_count").asInt()).isEqualTo(2);
        assertThat(critical.path("member_count").asInt()).isEqualTo(2);
        assertThat(critical.path("my_role").asText()).isEqualTo("owner");

        call(
                "POST",
                "/api/v2/rooms/" + ids.get(1) + "/read",
                me,
                Map.of("seq", critical.path("last_seq").asLong()));
        JsonNode afterRead =
                call("GET", "/api/v2/rooms/" + ids.get(1), me, null).json();
        assertThat(afterRead.path("unread_count").asInt()).isZero();

        JsonNode page = call("GET", "/api/v2/rooms?line=line-" + tag + "&page=2&page_size=2", me, null)
                .json();
        assertThat(page.path("rooms").size()).isEqualTo(1);
        assertThat(page.path("has_more").asBoolean()).isFalse();
        assertThat(call("GET", "/api/v2/rooms?line=Line-" + tag + "&severity=critical", me, null)
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(call("GET", "/api/v2/rooms?q=" + tag + "&mine=true", colleague, null)
                        .json()
                        .path("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(call("GET", "/api/v2/rooms?q=" + tag + "&status=resolved,closed", me, null)
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
        assertThat(call("GET", "/api/v2/rooms?sort=colour", me, null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/v2/rooms?severity=huge", me, null).status())
                .isEqualTo(400);
        assertThat(call("GET", "/api/v2/rooms?page_size=101", me, null).status())
                .isEqualTo(400);
    }

    @Test
    void theApiIsDescribedAtDocsWithoutSigningIn() throws Exception {
        Answer spec = call("GET", "/docs/openapi.json", null, null);
        assertThat(spec.status()).isEqualTo(200);
        JsonNode paths = spec.json().path("paths");
        assertThat(paths.has("/api/v2/rooms")).isTrue();
        assertThat(paths.has("/api/v2/rooms/{id}/events")).isTrue();
        assertThat(paths.has("/api/v2/auth/login")).isTrue();
    }

    @Test
    void aRoomUpdatedEventCarriesItsOwnSeqAndNothingPersonal() throws Exception {
        Person owner = person("Ula Tan");
        String id = room(owner, "open");
        call("PATCH", "/api/v2/rooms/" + id, owner, Map.of("severity", "critical", "title", "<b>Leak</b> worse"));
        JsonNode events = call("GET", "/api/v2/rooms/" + id + "/events", owner, null)
                .json()
                .path("events");
        JsonNode updated = null;
        for (JsonNode e : events) {
            if (e.path("type").asText().equals("room.updated")) {
                updated = e;
            }
        }
        assertThat(updated).isNotNull();
        assertThat(updated.path("room").path("last_seq").asLong())
                .isEqualTo(updated.path("seq").asLong());
        assertThat(updated.path("room").path("title").asText()).isEqualTo("<b>Leak</b> worse");
        assertThat(updated.path("room").path("severity").asText()).isEqualTo("critical");
        assertThat(updated.path("room").path("my_role").isNull()).isTrue();
    }

    @Test
    void invalidRoomsAreRefusedWithTheFieldsNamed() throws Exception {
        Person me = person("Hal Ma");
        Answer bad = call(
                "POST",
                "/api/v2/rooms",
                me,
                Map.of("title", "", "line", "L1", "category", "quality", "severity", "low"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("type").asText()).isEqualTo("urn:irs:problem:validation-failed");
        Answer unknownCategory = call(
                "POST",
                "/api/v2/rooms",
                me,
                Map.of("title", "t", "line", "L1", "category", "weather", "severity", "low"));
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.body()).doesNotContain("dev.toolocr");
    }
}
