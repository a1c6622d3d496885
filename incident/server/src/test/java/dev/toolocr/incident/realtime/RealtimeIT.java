package dev.toolocr.incident.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** STOMP over a real WebSocket: delivery, zero loss with the events feed, and who may listen. */
class RealtimeIT extends LiveServer {

    private final ThreadPoolTaskScheduler receipts = new ThreadPoolTaskScheduler();
    private final WebSocketStompClient client = new WebSocketStompClient(new StandardWebSocketClient());
    private final List<StompSession> open = new ArrayList<>();

    RealtimeIT() {
        receipts.initialize();
        client.setMessageConverter(new CompositeMessageConverter(
                List.of(new StringMessageConverter(), new MappingJackson2MessageConverter())));
        client.setTaskScheduler(receipts);
    }

    @AfterEach
    void closeSessions() {
        open.stream().filter(StompSession::isConnected).forEach(StompSession::disconnect);
        receipts.shutdown();
    }

    /** Frames and ERRORs one connection received. */
    static final class Inbox extends StompSessionHandlerAdapter {
        final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errors.add(String.valueOf(headers.getFirst("message")));
        }

        @Override
        public Type getPayloadType(StompHeaders headers) {
            return String.class;
        }
    }

    private CompletableFuture<StompSession> connect(String token, Inbox inbox) {
        StompHeaders connect = new StompHeaders();
        if (token != null) {
            connect.add("Authorization", "Bearer " + token);
        }
        return client.connectAsync("ws://localhost:" + port + "/ws", new WebSocketHttpHeaders(), connect, inbox);
    }

    private StompSession connect(Person who, Inbox inbox) throws Exception {
        StompSession s = connect(who.token(), inbox).get(10, TimeUnit.SECONDS);
        open.add(s);
        return s;
    }

    /** Subscribes and waits for the server's receipt, so nothing sent afterwards can be missed. */
    private BlockingQueue<JsonNode> subscribe(StompSession session, String destination) throws Exception {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        session.setAutoReceipt(true);
        CompletableFuture<Void> receipt = new CompletableFuture<>();
        StompSession.Subscription sub = session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                frames.add((JsonNode) payload);
            }
        });
        sub.addReceiptTask(() -> receipt.complete(null));
        receipt.get(10, TimeUnit.SECONDS);
        return frames;
    }

    private static void send(StompSession session, String destination, Map<String, Object> body) {
        session.send(destination, body);
    }

    @Test
    void aMessageSentOverStompReachesTheOtherMemberAsMessageCreatedWithTheNextSeq() throws Exception {
        Person ann = person("Ann Lee");
        Person bo = person("Bo Chen");
        String room = room(ann, "restricted");
        addMember(ann, room, bo, "responder");
        long last = call("GET", "/api/v2/rooms/" + room, bo, null)
                .json()
                .path("last_seq")
                .asLong();

        BlockingQueue<JsonNode> toBo = subscribe(connect(bo, new Inbox()), "/topic/rooms." + room);
        send(
                connect(ann, new Inbox()),
                "/app/rooms." + room + ".messages",
                Map.of("content", "Conveyor 3 stopped", "client_id", "a-1"));

        JsonNode event = toBo.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.path("type").asText()).isEqualTo("message.created");
        assertThat(event.path("seq").asLong()).isEqualTo(last + 1);
        assertThat(event.path("message").path("content").asText()).isEqualTo("Conveyor 3 stopped");
        assertThat(event.path("message").path("author").path("id").asText()).isEqualTo(ann.id());
    }

    @Test
    void aClientThatWasAwayCatchesUpFromTheFeedWithNothingLostOrDuplicated() throws Exception {
        Person watcher = person("Cy Watcher");
        String room = room(watcher, "open");
        List<Person> senders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Person p = person("Busy " + i);
            call("POST", "/api/v2/rooms/" + room + "/join", p, null);
            senders.add(p);
        }
        StompSession first = connect(watcher, new Inbox());
        BlockingQueue<JsonNode> live = subscribe(first, "/topic/rooms." + room);
        post(senders.get(0), room, "before the drop", null);
        long lastSeen = live.poll(10, TimeUnit.SECONDS).path("seq").asLong();
        first.disconnect();

        Set<String> sent = new HashSet<>();
        for (int n = 0; n < 25; n++) {
            for (Person p : senders) {
                String text = p.name() + " message " + n;
                assertThat(post(p, room, text, null).status()).isEqualTo(201);
                sent.add(text);
            }
        }

        StompSession again = connect(watcher, new Inbox());
        BlockingQueue<JsonNode> resumed = subscribe(again, "/topic/rooms." + room);
        List<JsonNode> caughtUp = new ArrayList<>();
        long after = lastSeen;
        boolean more = true;
        while (more) {
            JsonNode page = call("GET", "/api/v2/rooms/" + room + "/events?after_seq=" + after, watcher, null)
                    .json();
            page.path("events").forEach(caughtUp::add);
            after = caughtUp.get(caughtUp.size() - 1).path("seq").asLong();
            more = page.path("has_more").asBoolean();
        }
        assertThat(caughtUp).hasSize(200);
        Set<String> received = new HashSet<>();
        for (int i = 0; i < caughtUp.size(); i++) {
            assertThat(caughtUp.get(i).path("seq").asLong()).isEqualTo(lastSeen + 1 + i);
            received.add(caughtUp.get(i).path("message").path("content").asText());
        }
        assertThat(received).isEqualTo(sent);

        post(senders.get(1), room, "after the catch-up", null);
        assertThat(resumed.poll(10, TimeUnit.SECONDS).path("seq").asLong()).isEqualTo(after + 1);
    }

    @Test
    void aResendWithTheSameClientIdAfterALostAcknowledgementCreatesNoSecondMessage() throws Exception {
        Person dee = person("Dee Resend");
        String room = room(dee, "open");
        StompSession s = connect(dee, new Inbox());
        BlockingQueue<JsonNode> frames = subscribe(s, "/topic/rooms." + room);
        send(s, "/app/rooms." + room + ".messages", Map.of("content", "Need a forklift", "client_id", "k-9"));
        JsonNode created = frames.poll(10, TimeUnit.SECONDS);
        send(s, "/app/rooms." + room + ".messages", Map.of("content", "Need a forklift", "client_id", "k-9"));
        assertThat(post(dee, room, "Need a forklift", "k-9").json().path("id").asText())
                .isEqualTo(created.path("message").path("id").asText());

        assertThat(frames.poll(1, TimeUnit.SECONDS)).isNull();
        long texts = 0;
        for (JsonNode m : call("GET", "/api/v2/rooms/" + room + "/messages", dee, null)
                .json()
                .path("messages")) {
            texts += "Need a forklift".equals(m.path("content").asText()) ? 1 : 0;
        }
        assertThat(texts).isEqualTo(1);
    }

    @Test
    void aConnectWithoutAValidTokenIsRefused() throws Exception {
        for (String token : new String[] {null, "not-a-token"}) {
            Inbox inbox = new Inbox();
            CompletableFuture<StompSession> attempt = connect(token, inbox);
            assertThatThrownBy(() -> attempt.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            assertThat(inbox.errors.poll(5, TimeUnit.SECONDS)).contains("unauthenticated");
        }
    }

    @Test
    void outsidersCannotSubscribeToARestrictedRoomAndARemovedMemberStopsReceiving() throws Exception {
        Person owner = person("Eli Owner");
        Person outsider = person("Fox Outsider");
        Person member = person("Gil Member");
        String room = room(owner, "restricted");
        addMember(owner, room, member, "viewer");

        Inbox refused = new Inbox();
        StompSession outsiderSession = connect(outsider, refused);
        outsiderSession.subscribe("/topic/rooms." + room, new StompSessionHandlerAdapter() {});
        assertThat(refused.errors.poll(10, TimeUnit.SECONDS)).contains("not-found");

        Inbox nothing = new Inbox();
        StompSession probe = connect(outsider, nothing);
        probe.subscribe("/topic/rooms." + java.util.UUID.randomUUID(), new StompSessionHandlerAdapter() {});
        assertThat(nothing.errors.poll(10, TimeUnit.SECONDS)).contains("not-found");

        StompSession memberSession = connect(member, new Inbox());
        BlockingQueue<JsonNode> toMember = subscribe(memberSession, "/topic/rooms." + room);
        BlockingQueue<JsonNode> notices = subscribe(memberSession, "/user/queue/notifications");
        post(owner, room, "still here?", null);
        assertThat(toMember.poll(10, TimeUnit.SECONDS)
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo("still here?");

        assertThat(call("DELETE", "/api/v2/rooms/" + room + "/members/" + member.id(), owner, null)
                        .status())
                .isEqualTo(204);
        assertThat(notices.poll(10, TimeUnit.SECONDS).path("type").asText()).isEqualTo("room.access_ended");
        toMember.clear();
        post(owner, room, "secret plan", null);
        assertThat(toMember.poll(2, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aViewerSendingGetsTheRefusalOnTheErrorQueueWithItsClientId() throws Exception {
        Person owner = person("Hu Owner");
        Person viewer = person("Ida Viewer");
        String room = room(owner, "open");
        addMember(owner, room, viewer, "viewer");
        StompSession s = connect(viewer, new Inbox());
        BlockingQueue<JsonNode> errors = subscribe(s, "/user/queue/errors");
        send(s, "/app/rooms." + room + ".messages", Map.of("content", "hello", "client_id", "v-1"));
        JsonNode error = errors.poll(10, TimeUnit.SECONDS);
        assertThat(error.path("type").asText()).isEqualTo("urn:irs:problem:forbidden");
        assertThat(error.path("client_id").asText()).isEqualTo("v-1");
    }

    @Test
    void typingIsShownToOthersAndExpiresWithoutRenewal() throws Exception {
        Person typist = person("Jo Typist");
        Person reader = person("Ken Reader");
        String room = room(typist, "open");
        BlockingQueue<JsonNode> typing = subscribe(connect(reader, new Inbox()), "/topic/rooms." + room + ".typing");
        send(connect(typist, new Inbox()), "/app/rooms." + room + ".typing", Map.of("typing", true));

        JsonNode on = typing.poll(10, TimeUnit.SECONDS);
        assertThat(on.path("user_id").asText()).isEqualTo(typist.id());
        assertThat(on.path("typing").asBoolean()).isTrue();
        JsonNode off = typing.poll(10, TimeUnit.SECONDS);
        assertThat(off.path("typing").asBoolean()).isFalse();
        assertThat(off.path("display_name").asText()).isEqualTo("Jo Typist");
    }
}
