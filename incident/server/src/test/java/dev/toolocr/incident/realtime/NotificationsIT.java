package dev.toolocr.incident.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import dev.toolocr.incident.StompClients;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /user/queue/notifications} over a real WebSocket: mentions and being added to a room. */
class NotificationsIT extends LiveServer {

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
    void someoneAddedToARoomIsToldOnTheirQueue() throws Exception {
        Person owner = person("Ng Owner");
        Person added = person("Pat Added");
        BlockingQueue<JsonNode> toAdded = stomp.notifications(added.token());
        String room = room(owner, "restricted");
        addMember(owner, room, added, "viewer");

        JsonNode n = toAdded.poll(10, TimeUnit.SECONDS);
        assertThat(n.path("type").asText()).isEqualTo("room.added");
        assertThat(n.path("room_id").asText()).isEqualTo(room);
        assertThat(n.path("role").asText()).isEqualTo("viewer");
    }

    @Test
    void aMentionTellsTheMentionedMemberAndNobodyElse() throws Exception {
        Person author = person("Quin Author");
        Person named = person("Rui Named");
        Person other = person("Sol Other");
        String room = room(author, "open");
        addMember(author, room, named, "responder");
        addMember(author, room, other, "responder");
        BlockingQueue<JsonNode> toNamed = stomp.notifications(named.token());
        BlockingQueue<JsonNode> toOther = stomp.notifications(other.token());

        JsonNode sent = post(author, room, "@" + named.email() + " please check the valve", null)
                .json();
        JsonNode n = toNamed.poll(10, TimeUnit.SECONDS);
        assertThat(n.path("type").asText()).isEqualTo("mention");
        assertThat(n.path("room_id").asText()).isEqualTo(room);
        assertThat(n.path("message_id").asText()).isEqualTo(sent.path("id").asText());
        assertThat(n.path("seq").asLong()).isEqualTo(sent.path("seq").asLong());
        assertThat(toOther.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void anEditTellsOnlyThePeopleItNewlyNames() throws Exception {
        Person author = person("Tam Author");
        Person first = person("Uma First");
        Person later = person("Vic Later");
        String room = room(author, "open");
        addMember(author, room, first, "responder");
        addMember(author, room, later, "responder");
        BlockingQueue<JsonNode> toFirst = stomp.notifications(first.token());
        BlockingQueue<JsonNode> toLater = stomp.notifications(later.token());
        String id = post(author, room, "@" + first.email() + " look", null)
                .json()
                .path("id")
                .asText();
        assertThat(toFirst.poll(10, TimeUnit.SECONDS).path("type").asText()).isEqualTo("mention");

        assertThat(call(
                                "PATCH",
                                "/api/v2/rooms/" + room + "/messages/" + id,
                                author,
                                Map.of("content", "@" + first.email() + " and @" + later.name() + " look"))
                        .status())
                .isEqualTo(200);
        JsonNode n = toLater.poll(10, TimeUnit.SECONDS);
        assertThat(n.path("type").asText()).isEqualTo("mention");
        assertThat(n.path("message_id").asText()).isEqualTo(id);
        assertThat(toFirst.poll(1, TimeUnit.SECONDS)).isNull();
    }
}
