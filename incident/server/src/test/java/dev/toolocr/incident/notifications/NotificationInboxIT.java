package dev.toolocr.incident.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import dev.toolocr.incident.StompClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox over HTTP on the real server: what the live queue delivers is kept, exactly as it was
 * delivered; each person sees and marks only their own; a notice of a room the person may no longer
 * read is neither shown nor counted.
 */
class NotificationInboxIT extends LiveServer {

    private StompClients stomp;

    @BeforeEach
    void openClients() {
        stomp = new StompClients(port);
    }

    @AfterEach
    void closeClients() {
        stomp.close();
    }

    @Test
    void aMentionIsKeptAsTheLiveQueueDeliveredItAndStaysUntilRead() throws Exception {
        Person author = person("Ana Author");
        Person named = person("Ben Named");
        String room = room(author, "open");
        addMember(author, room, named, "responder");
        BlockingQueue<JsonNode> live = stomp.notifications(named.token());

        String message = post(author, room, "@" + named.email() + " please check the valve", null)
                .json()
                .path("id")
                .asText();
        JsonNode frame = live.poll(10, TimeUnit.SECONDS);
        assertThat(frame).isNotNull();

        JsonNode inbox = inbox(named, "");
        assertThat(inbox.path("unread").asLong()).isEqualTo(2);
        JsonNode newest = inbox.path("notifications").get(0);
        assertThat(newest.path("notification")).isEqualTo(frame);
        assertThat(newest.path("notification").path("message_id").asText()).isEqualTo(message);
        assertThat(newest.path("read").asBoolean()).isFalse();
        assertThat(newest.path("room").path("id").asText()).isEqualTo(room);
        assertThat(newest.path("room").path("title").asText()).isEqualTo("Press 4 hydraulic leak");
        assertThat(newest.path("room").path("line").asText()).isEqualTo("L2");
        assertThat(newest.path("created_at").asText()).isNotEmpty();
        JsonNode older = inbox.path("notifications").get(1);
        assertThat(older.path("notification").path("type").asText()).isEqualTo("room.added");
        assertThat(inbox.path("notifications")).hasSize(2);

        JsonNode marked = read(named, Map.of("ids", List.of(newest.path("id").asText())));
        assertThat(marked.path("marked").asInt()).isEqualTo(1);
        assertThat(marked.path("unread").asLong()).isEqualTo(1);
        JsonNode after = inbox(named, "");
        assertThat(after.path("notifications").get(0).path("read").asBoolean()).isTrue();
        assertThat(after.path("unread").asLong()).isEqualTo(1);
        assertThat(inbox(named, "?unread_only=true").path("notifications"))
                .extracting(n -> n.path("notification").path("type").asText())
                .containsExactly("room.added");

        assertThat(read(named, Map.of("ids", List.of(newest.path("id").asText())))
                        .path("marked")
                        .asInt())
                .as("a notice is marked read once")
                .isZero();
    }

    @Test
    void anotherPersonsNotificationsAreNeverVisibleNorMarkable() throws Exception {
        Person owner = person("Cy Owner");
        Person alice = person("Alice Inbox");
        Person bob = person("Bob Prober");
        String room = room(owner, "open");
        addMember(owner, room, alice, "responder");
        addMember(owner, room, bob, "responder");
        post(owner, room, "@" + alice.email() + " your shift", null);
        List<String> alicesIds = ids(inbox(alice, ""));
        assertThat(alicesIds).hasSize(2);

        assertThat(ids(inbox(bob, ""))).doesNotContainAnyElementsOf(alicesIds).hasSize(1);
        JsonNode byIds = read(bob, Map.of("ids", alicesIds));
        assertThat(byIds.path("marked").asInt()).isZero();
        JsonNode all = read(bob, Map.of());
        assertThat(all.path("marked").asInt()).as("bob's own room.added").isEqualTo(1);
        assertThat(call("POST", "/api/v2/notifications/read", bob, null).status())
                .isEqualTo(200);

        JsonNode alicesNow = inbox(alice, "");
        assertThat(alicesNow.path("unread").asLong()).isEqualTo(2);
        assertThat(alicesNow.path("notifications"))
                .allSatisfy(n -> assertThat(n.path("read").asBoolean()).isFalse());
        assertThat(call("GET", "/api/v2/notifications", null, null).status()).isEqualTo(401);
        assertThat(call("POST", "/api/v2/notifications/read", null, Map.of()).status())
                .isEqualTo(401);
    }

    @Test
    void aNoticeOfARoomNoLongerReadableIsLeftOutAndNotCounted() throws Exception {
        Person owner = person("Di Owner");
        Person dropped = person("Ed Dropped");
        String restricted = room(owner, "restricted");
        String open = room(owner, "open");
        addMember(owner, restricted, dropped, "viewer");
        addMember(owner, open, dropped, "viewer");
        assertThat(inbox(dropped, "").path("unread").asLong()).isEqualTo(2);

        assertThat(call("DELETE", "/api/v2/rooms/" + restricted + "/members/" + dropped.id(), owner, null)
                        .status())
                .isEqualTo(204);
        JsonNode inbox = inbox(dropped, "");
        assertThat(inbox.path("notifications"))
                .extracting(n -> n.path("room").path("id").asText())
                .containsExactly(open);
        assertThat(inbox.toString()).doesNotContain(restricted);
        assertThat(inbox.path("unread").asLong()).isEqualTo(1);
        assertThat(inbox(dropped, "?unread_only=true").path("notifications")).hasSize(1);
        assertThat(read(dropped, Map.of()).path("unread").asLong()).isZero();
    }

    @Test
    void pagesAreNewestFirstAndBounded() throws Exception {
        Person owner = person("Flo Owner");
        Person many = person("Gil Many");
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String room = room(owner, "open");
            addMember(owner, room, many, "responder");
            rooms.add(room);
        }
        JsonNode two = inbox(many, "?limit=2");
        assertThat(two.path("notifications"))
                .extracting(n -> n.path("room").path("id").asText())
                .containsExactly(rooms.get(2), rooms.get(1));
        assertThat(two.path("unread").asLong())
                .as("the count is not the page's")
                .isEqualTo(3);

        assertThat(call("GET", "/api/v2/notifications?limit=0", many, null).status())
                .isEqualTo(400);
        assertThat(call("GET", "/api/v2/notifications?limit=101", many, null).status())
                .isEqualTo(400);
        assertThat(call("POST", "/api/v2/notifications/read", many, Map.of("ids", List.of("x".repeat(37))))
                        .status())
                .isEqualTo(400);
        Answer bad = call("GET", "/api/v2/notifications?unread_only=perhaps", many, null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void theEndpointsAreDescribedInTheApiDocument() throws Exception {
        JsonNode paths = call("GET", "/docs/openapi.json", null, null).json().path("paths");
        assertThat(paths.path("/api/v2/notifications").has("get")).isTrue();
        assertThat(paths.path("/api/v2/notifications/read").has("post")).isTrue();
    }

    private JsonNode inbox(Person as, String query) throws Exception {
        Answer a = call("GET", "/api/v2/notifications" + query, as, null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private JsonNode read(Person as, Object body) throws Exception {
        Answer a = call("POST", "/api/v2/notifications/read", as, body);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private static List<String> ids(JsonNode inbox) {
        List<String> ids = new ArrayList<>();
        inbox.path("notifications").forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }
}
