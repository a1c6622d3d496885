package dev.toolocr.incident.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Messages and the events feed over real HTTP. */
class MessageApiIT extends LiveServer {

    @Test
    void concurrentSendersGetGapFreeSeqsAndTheFeedReplaysThemInOrder() throws Exception {
        Person owner = person("Ivy Shen");
        String id = room(owner, "open");
        List<Person> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Person p = person("Sender " + i);
            call("POST", "/api/v2/rooms/" + id + "/join", p, null);
            senders.add(p);
        }
        long before = call("GET", "/api/v2/rooms/" + id, owner, null)
                .json()
                .path("last_seq")
                .asLong();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (Person p : senders) {
            for (int n = 0; n < 25; n++) {
                String text = p.name() + " #" + n;
                statuses.add(pool.submit(() -> post(p, id, text, null).status()));
            }
        }
        for (Future<Integer> f : statuses) {
            assertThat(f.get()).isEqualTo(201);
        }
        pool.shutdown();

        List<Long> seqs = new ArrayList<>();
        long after = before;
        boolean more = true;
        while (more) {
            JsonNode page = call("GET", "/api/v2/rooms/" + id + "/events?after_seq=" + after + "&limit=30", owner, null)
                    .json();
            for (JsonNode e : page.path("events")) {
                assertThat(e.path("type").asText()).isEqualTo("message.created");
                assertThat(e.path("message").path("seq").asLong())
                        .isEqualTo(e.path("seq").asLong());
                seqs.add(e.path("seq").asLong());
                after = e.path("seq").asLong();
            }
            more = page.path("has_more").asBoolean();
        }
        assertThat(seqs).hasSize(100);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(before + 1 + i);
        }
    }

    @Test
    void aResendWithTheSameClientIdReturnsTheFirstMessageAndAForeignReuseIsRefused() throws Exception {
        Person me = person("Jon Hsu");
        String id = room(me, "open");
        String other = room(me, "open");

        Answer first = post(me, id, "Line stopped", "c-123");
        Answer again = post(me, id, "Line stopped", "c-123");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asText())
                .isEqualTo(first.json().path("id").asText());
        assertThat(again.json().path("seq").asLong())
                .isEqualTo(first.json().path("seq").asLong());

        Answer reuse = post(me, other, "Something else", "c-123");
        assertThat(reuse.status()).isEqualTo(409);
        assertThat(reuse.json().path("type").asText()).isEqualTo("urn:irs:problem:client-id-reused");

        long texts = 0;
        for (JsonNode m : call("GET", "/api/v2/rooms/" + id + "/messages", me, null)
                .json()
                .path("messages")) {
            texts += m.path("kind").asText().equals("text") ? 1 : 0;
        }
        assertThat(texts).isEqualTo(1);
        assertThat(post(me, id, "x", "c".repeat(65)).status()).isEqualTo(400);
    }

    @Test
    void badContentIsRefusedAndChangesNothing() throws Exception {
        Person me = person("Kai Fu");
        String id = room(me, "open");
        String other = room(me, "open");
        String foreign = post(me, other, "elsewhere", null).json().path("id").asText();
        long seq = call("GET", "/api/v2/rooms/" + id, me, null)
                .json()
                .path("last_seq")
                .asLong();

        assertThat(post(me, id, "   ", null).json().path("type").asText()).isEqualTo("urn:irs:problem:empty-message");
        assertThat(post(me, id, "字".repeat(4001), null).json().path("type").asText())
                .isEqualTo("urn:irs:problem:content-too-long");
        assertThat(post(me, id, "字".repeat(4000), null).status()).isEqualTo(201);
        Answer reply =
                call("POST", "/api/v2/rooms/" + id + "/messages", me, Map.of("content", "re", "reply_to", foreign));
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:irs:problem:invalid-reply");
        Answer attachment = call(
                "POST",
                "/api/v2/rooms/" + id + "/messages",
                me,
                Map.of("content", "see", "attachment_ids", List.of("f1")));
        assertThat(attachment.status()).isEqualTo(400);
        Answer emoji = call("PUT", "/api/v2/rooms/" + other + "/messages/" + foreign + "/reactions/🦄", me, null);
        assertThat(emoji.json().path("type").asText()).isEqualTo("urn:irs:problem:unknown-emoji");

        assertThat(call("GET", "/api/v2/rooms/" + id, me, null)
                        .json()
                        .path("last_seq")
                        .asLong())
                .isEqualTo(seq + 1);
    }

    @Test
    void markupComesBackAsTheTextThatWasSent() throws Exception {
        Person me = person("Lin <b>Bold</b>");
        String id = room(me, "open");
        String text = "<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>";
        JsonNode sent = post(me, id, text, null).json();
        assertThat(sent.path("content").asText()).isEqualTo(text);
        JsonNode listed = call("GET", "/api/v2/rooms/" + id + "/messages", me, null)
                .json()
                .path("messages");
        assertThat(listed.get(listed.size() - 1).path("content").asText()).isEqualTo(text);
        assertThat(listed.get(listed.size() - 1)
                        .path("author")
                        .path("display_name")
                        .asText())
                .isEqualTo("Lin <b>Bold</b>");
    }

    @Test
    void editsDeletesReactionsAndPinsAreEventsAndADeletedMessageKeepsNoContent() throws Exception {
        Person author = person("Mia Lai");
        Person viewer = person("Ned Kao");
        String id = room(author, "open");
        addMember(author, id, viewer, "viewer");
        String base = "/api/v2/rooms/" + id + "/messages/";
        JsonNode sent = post(author, id, "Oil on the floor near @" + viewer.email(), null)
                .json();
        String mid = sent.path("id").asText();
        assertThat(sent.path("mentions").get(0).asText()).isEqualTo(viewer.id());

        assertThat(call("PATCH", base + mid, viewer, Map.of("content", "hijack"))
                        .status())
                .isEqualTo(403);
        assertThat(call("PATCH", base + mid, author, Map.of("content", "Oil cleaned"))
                        .json()
                        .path("edited_at")
                        .isTextual())
                .isTrue();
        assertThat(call("PUT", base + mid + "/reactions/👍", viewer, null).status())
                .isEqualTo(204);
        assertThat(call("PUT", base + mid + "/reactions/👍", viewer, null).status())
                .isEqualTo(204);
        assertThat(call("POST", base + mid + "/pin", viewer, null).status()).isEqualTo(403);
        assertThat(call("POST", base + mid + "/pin", author, null).status()).isEqualTo(204);

        JsonNode mine = call("GET", "/api/v2/rooms/" + id + "/messages?limit=1", viewer, null)
                .json()
                .path("messages")
                .get(0);
        assertThat(mine.path("reactions").get(0).path("count").asInt()).isEqualTo(1);
        assertThat(mine.path("reactions").get(0).path("mine").asBoolean()).isTrue();
        assertThat(mine.path("pinned").asBoolean()).isTrue();

        assertThat(call("DELETE", base + mid, viewer, null).status()).isEqualTo(403);
        assertThat(call("DELETE", base + mid, author, null).status()).isEqualTo(204);
        JsonNode events = call(
                        "GET",
                        "/api/v2/rooms/" + id + "/events?after_seq="
                                + (sent.path("seq").asLong() - 1),
                        author,
                        null)
                .json()
                .path("events");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        assertThat(types)
                .containsExactly(
                        "message.created", "message.updated", "reaction.changed", "pin.changed", "message.deleted");
        assertThat(events.toString()).doesNotContain("Oil");
        JsonNode gone = call("GET", "/api/v2/rooms/" + id + "/messages?limit=1", author, null)
                .json()
                .path("messages")
                .get(0);
        assertThat(gone.path("deleted").asBoolean()).isTrue();
        assertThat(gone.path("content").isNull()).isTrue();
    }

    @Test
    void thirtyOneMessagesWithinTenSecondsAreTooMany() throws Exception {
        Person me = person("Ola Wu");
        String id = room(me, "open");
        Set<Integer> statuses = new HashSet<>();
        Answer limited;
        // All 31 within one instant, however slowly a loaded machine sends them.
        try (AutoCloseable held = clock.hold()) {
            for (int i = 0; i < 30; i++) {
                statuses.add(post(me, id, "m" + i, null).status());
            }
            limited = post(me, id, "one more", null);
        }
        assertThat(statuses).containsExactly(201);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
    }

    /** Sends of one room are committed in groups: a refused one must leave no gap and no trace. */
    @Test
    void aFloodOverTheLimitIsRefusedWithoutGapsWhileTheOthersSendsCommit() throws Exception {
        Person flooder = person("Flo Lin");
        String id = room(flooder, "open");
        Person other = person("Oz Kao");
        call("POST", "/api/v2/rooms/" + id + "/join", other, null);
        long before = call("GET", "/api/v2/rooms/" + id, flooder, null)
                .json()
                .path("last_seq")
                .asLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> flood = new ArrayList<>();
        List<Future<Integer>> others = new ArrayList<>();
        List<Integer> floodStatuses = new ArrayList<>();
        List<Integer> otherStatuses = new ArrayList<>();
        try (AutoCloseable held = clock.hold()) {
            for (int n = 0; n < 40; n++) {
                String text = "flood " + n;
                flood.add(pool.submit(() -> post(flooder, id, text, null).status()));
                if (n % 4 == 0) {
                    String mine = "other " + n;
                    others.add(pool.submit(() -> post(other, id, mine, null).status()));
                }
            }
            for (Future<Integer> f : flood) {
                floodStatuses.add(f.get());
            }
            for (Future<Integer> f : others) {
                otherStatuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(floodStatuses.stream().filter(s -> s == 201)).hasSize(30);
        assertThat(floodStatuses.stream().filter(s -> s == 429)).hasSize(10);
        assertThat(otherStatuses).hasSize(10).containsOnly(201);

        JsonNode feed = call("GET", "/api/v2/rooms/" + id + "/events?after_seq=" + before + "&limit=100", flooder, null)
                .json();
        List<Long> seqs = new ArrayList<>();
        for (JsonNode e : feed.path("events")) {
            seqs.add(e.path("seq").asLong());
        }
        List<Long> expected = new ArrayList<>();
        for (long s = before + 1; s <= before + 40; s++) {
            expected.add(s);
        }
        assertThat(seqs).isEqualTo(expected);
        assertThat(call("GET", "/api/v2/rooms/" + id, flooder, null)
                        .json()
                        .path("last_seq")
                        .asLong())
                .isEqualTo(before + 40);
    }

    @Test
    void concurrentResendsOfOneClientIdCreateOneMessage() throws Exception {
        Person me = person("Ren Tsai");
        String id = room(me, "open");
        long before = call("GET", "/api/v2/rooms/" + id, me, null)
                .json()
                .path("last_seq")
                .asLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Answer>> sends = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        try {
            for (int n = 0; n < 10; n++) {
                sends.add(pool.submit(() -> post(me, id, "Conveyor jam", "c-resend")));
            }
            for (Future<Answer> f : sends) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(9);
        assertThat(answers.stream().map(a -> a.json().path("id").asText()).distinct())
                .hasSize(1);
        JsonNode feed = call("GET", "/api/v2/rooms/" + id + "/events?after_seq=" + before, me, null)
                .json();
        assertThat(feed.path("events")).hasSize(1);
    }
}
