package dev.toolocr.incident.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import dev.toolocr.incident.StompClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Escalation end to end on the real server: a template's steps armed with a room, the movable clock
 * passing their minutes, the system message in the room's seq order and the notification on each
 * named person's STOMP queue — once per step, and never for an acknowledged room.
 */
class EscalationIT extends LiveServer {

    /** Longer than several looks of the 200 ms poll: what has not come by then is not coming. */
    private static final long QUIET_MS = 1500;

    private StompClients stomp;

    @AfterEach
    void closeClients() {
        if (stomp != null) {
            stomp.close();
        }
    }

    @Test
    void eachStepOfAnUnacknowledgedRoomFiresOnceWhenItsMinutesPass() throws Exception {
        Person reporter = person("Rae Reporter");
        Person lead = person("Lou Lead");
        Person manager = person("Max Manager");
        String template =
                template(List.of(step(1, lead.email()), step(3, manager.email().toUpperCase(java.util.Locale.ROOT))));
        stomp = new StompClients(port);
        BlockingQueue<JsonNode> toLead = stomp.notifications(lead.token());
        BlockingQueue<JsonNode> toManager = stomp.notifications(manager.token());
        String room = roomFrom(reporter, template, "open", List.of());
        long seq = lastSeq(reporter, room);

        clock.advance(Duration.ofSeconds(30));
        assertThat(toLead.poll(QUIET_MS, TimeUnit.MILLISECONDS)).isNull();
        assertThat(events(reporter, room, seq)).isEmpty();

        clock.advance(Duration.ofSeconds(31));
        JsonNode first = toLead.poll(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.path("type").asText()).isEqualTo("escalation");
        assertThat(first.path("room_id").asText()).isEqualTo(room);
        assertThat(first.path("step").asInt()).isEqualTo(1);
        assertThat(first.path("steps").asInt()).isEqualTo(2);
        assertThat(first.path("after_minutes").asInt()).isEqualTo(1);
        assertThat(first.path("seq").asLong()).isEqualTo(seq + 1);
        List<JsonNode> afterFirst = events(reporter, room, seq);
        assertThat(afterFirst).hasSize(1);
        JsonNode message = afterFirst.get(0);
        assertThat(message.path("seq").asLong()).isEqualTo(seq + 1);
        assertThat(message.path("type").asText()).isEqualTo("message.created");
        assertThat(message.path("message").path("kind").asText()).isEqualTo("system");
        assertThat(message.path("message").path("content").asText())
                .startsWith("Escalated (step 1 of 2): not acknowledged 1 minute after it was reported.")
                .contains(lead.email());
        assertThat(toManager.poll(QUIET_MS, TimeUnit.MILLISECONDS)).isNull();

        clock.advance(Duration.ofMinutes(2));
        JsonNode second = toManager.poll(10, TimeUnit.SECONDS);
        assertThat(second.path("step").asInt()).isEqualTo(2);
        assertThat(second.path("seq").asLong()).isEqualTo(seq + 2);

        clock.advance(Duration.ofMinutes(10));
        assertThat(toLead.poll(QUIET_MS, TimeUnit.MILLISECONDS)).isNull();
        assertThat(toManager.poll(10, TimeUnit.MILLISECONDS)).isNull();
        List<JsonNode> all = events(reporter, room, seq);
        assertThat(all).extracting(e -> e.path("seq").asLong()).containsExactly(seq + 1, seq + 2);
    }

    @Test
    void anAcknowledgedRoomDoesNotEscalate() throws Exception {
        Person reporter = person("Ada Reporter");
        Person lead = person("Ian Lead");
        String template = template(List.of(step(1, lead.email())));
        stomp = new StompClients(port);
        BlockingQueue<JsonNode> toLead = stomp.notifications(lead.token());
        String room = roomFrom(reporter, template, "open", List.of());
        assertThat(call("POST", "/api/v2/rooms/" + room + "/acknowledge", reporter, Map.of())
                        .status())
                .isEqualTo(200);
        long seq = lastSeq(reporter, room);

        clock.advance(Duration.ofMinutes(5));
        assertThat(toLead.poll(QUIET_MS, TimeUnit.MILLISECONDS)).isNull();
        assertThat(events(reporter, room, seq)).isEmpty();
    }

    @Test
    void someoneWhoMayNotReadARestrictedRoomIsNotToldOfIt() throws Exception {
        Person reporter = person("Eli Reporter");
        Person member = person("Mo Member");
        Person outsider = person("Oz Outsider");
        Person admin = admin();
        String template = template(List.of(step(1, member.email(), outsider.email(), admin.email())));
        stomp = new StompClients(port);
        BlockingQueue<JsonNode> toMember = stomp.notifications(member.token());
        BlockingQueue<JsonNode> toOutsider = stomp.notifications(outsider.token());
        BlockingQueue<JsonNode> toAdmin = stomp.notifications(admin.token());
        String room = roomFrom(reporter, template, "restricted", List.of(member.email()));
        // Being added to the room is a notification of its own; the escalation is the next one.
        assertThat(toMember.poll(10, TimeUnit.SECONDS).path("type").asText()).isEqualTo("room.added");

        clock.advance(Duration.ofSeconds(61));
        assertThat(toMember.poll(10, TimeUnit.SECONDS).path("type").asText()).isEqualTo("escalation");
        assertThat(toAdmin.poll(10, TimeUnit.SECONDS).path("room_id").asText()).isEqualTo(room);
        assertThat(toOutsider.poll(QUIET_MS, TimeUnit.MILLISECONDS)).isNull();
    }

    private String template(List<Map<String, Object>> steps) throws Exception {
        Answer a = call(
                "POST",
                "/api/v2/templates",
                admin(),
                Map.of(
                        "name",
                        "Escalating " + UUID.randomUUID(),
                        "category",
                        "machine_down",
                        "default_severity",
                        "high",
                        "escalation",
                        steps));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("id").asText();
    }

    private static Map<String, Object> step(int minutes, String... emails) {
        return Map.of("after_minutes", minutes, "notify_emails", List.of(emails));
    }

    private String roomFrom(Person reporter, String template, String visibility, List<String> members)
            throws Exception {
        Answer a = call(
                "POST",
                "/api/v2/rooms",
                reporter,
                Map.of(
                        "title",
                        "Spindle stopped",
                        "line",
                        "L5",
                        "equipment",
                        "cnc-" + UUID.randomUUID(),
                        "visibility",
                        visibility,
                        "template_id",
                        template,
                        "member_emails",
                        members));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().path("id").asText();
    }

    private long lastSeq(Person who, String room) throws Exception {
        return call("GET", "/api/v2/rooms/" + room, who, null)
                .json()
                .path("last_seq")
                .asLong();
    }

    private List<JsonNode> events(Person who, String room, long afterSeq) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        call("GET", "/api/v2/rooms/" + room + "/events?after_seq=" + afterSeq + "&limit=100", who, null)
                .json()
                .path("events")
                .forEach(found::add);
        return found;
    }
}
