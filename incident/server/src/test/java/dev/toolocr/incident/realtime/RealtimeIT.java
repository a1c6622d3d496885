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
import java.util.UUID;
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

    /** Frames and ERRORs one connection received, and whether its socket went away. */
    static final class Inbox extends StompSessionHandlerAdapter {
        final BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        final CompletableFuture<Throwable> lost = new CompletableFuture<>();

        @Override
        public void handleFrame(StompHeaders headers, Object payload) {
            errors.add(String.valueOf(headers.getFirst("message")));
        }

        @Override
        public void handleTransportError(StompSession session, Throwable exception) {
            lost.complete(exception);
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

    /** A person with a known password, so that a test can sign them in more than once. */
    private record Account(String id, String email, String password) {}

    private Account account(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "."
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String password = "Password-" + UUID.randomUUID();
        String admin = directory
                .list("admin@localhost", 0, 1, "email", false)
                .getContent()
                .get(0)
                .id();
        return new Account(
                directory.createLocalUser(email, name, password, admin).id(), email, password);
    }

    private Person signIn(Account a, String name) throws Exception {
        Answer r = call("POST", "/api/v2/auth/login", null, Map.of("username", a.email(), "password", a.password()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Person(a.id(), a.email(), name, r.json().path("access_token").asText());
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

    @Test
    void signingOutClosesTheSocketsOfThatSessionOnlyAndTheyHearWhy() throws Exception {
        Account a = account("Lu Twice");
        Person laptop = signIn(a, "Lu Twice");
        Person phone = signIn(a, "Lu Twice");
        Inbox laptopInbox = new Inbox();
        Inbox phoneInbox = new Inbox();
        StompSession laptopSocket = connect(laptop, laptopInbox);
        StompSession phoneSocket = connect(phone, phoneInbox);
        subscribe(laptopSocket, "/user/queue/notifications");
        subscribe(phoneSocket, "/user/queue/notifications");

        assertThat(call("POST", "/api/v2/auth/logout", laptop, null).status()).isEqualTo(204);

        assertThat(laptopInbox.errors.poll(10, TimeUnit.SECONDS)).startsWith("session-ended: logout");
        laptopInbox.lost.get(10, TimeUnit.SECONDS);
        assertThat(laptopSocket.isConnected()).isFalse();
        assertThat(phoneInbox.errors.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(phoneSocket.isConnected()).isTrue();
    }

    @Test
    void deactivatingAUserClosesEveryOneOfTheirSockets() throws Exception {
        Account a = account("Mo Leaving");
        List<Inbox> inboxes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Inbox inbox = new Inbox();
            connect(signIn(a, "Mo Leaving"), inbox);
            inboxes.add(inbox);
        }
        directory.deactivate(a.id(), admin().id());
        for (Inbox inbox : inboxes) {
            assertThat(inbox.errors.poll(10, TimeUnit.SECONDS)).startsWith("session-ended: user_deactivated");
            inbox.lost.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTokenOfAnotherSignInSessionDoesNotRenewTheSocket() throws Exception {
        Account a = account("Nia Renew");
        Person first = signIn(a, "Nia Renew");
        Person second = signIn(a, "Nia Renew");
        StompSession s = connect(first, new Inbox());
        BlockingQueue<JsonNode> errors = subscribe(s, "/user/queue/errors");

        send(s, "/app/session.token", Map.of("access_token", first.token()));
        send(s, "/app/session.token", Map.of("access_token", second.token()));
        send(s, "/app/session.token", Map.of("access_token", "garbage"));

        assertThat(errors.poll(10, TimeUnit.SECONDS).path("type").asText())
                .isEqualTo("urn:irs:problem:unauthenticated");
        assertThat(errors.poll(10, TimeUnit.SECONDS).path("type").asText())
                .isEqualTo("urn:irs:problem:unauthenticated");
        assertThat(errors.poll(1, TimeUnit.SECONDS)).isNull();
        assertThat(s.isConnected()).isTrue();
    }

    @Test
    void wildcardForeignAndUnknownDestinationsAreRefusedWithAnError() throws Exception {
        Person owner = person("Oz Owner");
        Person other = person("Pia Other");
        String room = room(owner, "open");
        StompSession otherSocket = connect(other, new Inbox());
        String otherSession = otherSocket.getSessionId();
        List<String> refused = List.of(
                "/topic/rooms.*",
                "/topic/rooms.#",
                "/topic/#",
                "/topic/rooms.>",
                "/topic/>",
                "/topic/rooms." + room + ".*",
                "/topic/rooms." + room + ".#",
                "/topic/rooms." + room.toUpperCase() + "x",
                "/topic/rooms." + room + "/../x",
                "/queue/notifications-user" + otherSession,
                "/topic/notifications-user" + otherSession,
                "/user/" + other.id() + "/queue/notifications",
                "/user/queue/../queue/errors",
                "/user/queue/*",
                "/topic/incident.user-registry",
                "/app/rooms." + room + ".messages",
                "/exchange/amq.topic/rooms." + room,
                "/amq/queue/x",
                "/temp-queue/x",
                "/topic/echo.1");
        for (String destination : refused) {
            Inbox inbox = new Inbox();
            StompSession s = connect(owner, inbox);
            s.subscribe(destination, new StompSessionHandlerAdapter() {});
            assertRefused(inbox, destination);
        }
    }

    /**
     * An ERROR frame naming the refusal, then the socket closes. Spring closes right after queueing
     * the ERROR; when the socket is still busy sending an earlier frame the ERROR can be dropped, so
     * a close without it counts as the same refusal.
     */
    private static void assertRefused(Inbox inbox, String what) throws Exception {
        inbox.lost.get(20, TimeUnit.SECONDS);
        String error = inbox.errors.poll(1, TimeUnit.SECONDS);
        if (error != null) {
            assertThat(error).as(what).contains("not-found");
        }
    }

    @Test
    void aSendStraightToARoomTopicIsRefusedAndReachesNobody() throws Exception {
        Person owner = person("Quin Owner");
        String room = room(owner, "open");
        BlockingQueue<JsonNode> frames = subscribe(connect(owner, new Inbox()), "/topic/rooms." + room);
        for (String destination :
                List.of("/topic/rooms." + room, "/topic/rooms." + room + ".typing", "/queue/x", "/user/queue/errors")) {
            Inbox inbox = new Inbox();
            StompSession s = connect(owner, inbox);
            s.send(destination, Map.of("type", "message.created", "seq", 999_999));
            assertRefused(inbox, destination);
        }
        assertThat(frames.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aMalformedFrameGetsAnErrorFrameAndTheSocketIsClosed() throws Exception {
        for (String garbage : List.of(
                "HELLO\n\n\0",
                "CONNECT\nbad header line\n\n\0",
                "SEND\ndestination:/app/x\ncontent-length:abc\n\nhi\0")) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            org.springframework.web.socket.WebSocketSession raw = new StandardWebSocketClient()
                    .execute(
                            new org.springframework.web.socket.handler.TextWebSocketHandler() {
                                @Override
                                protected void handleTextMessage(
                                        org.springframework.web.socket.WebSocketSession session,
                                        org.springframework.web.socket.TextMessage message) {
                                    received.add(message.getPayload());
                                }

                                @Override
                                public void afterConnectionClosed(
                                        org.springframework.web.socket.WebSocketSession session,
                                        org.springframework.web.socket.CloseStatus status) {
                                    closed.complete(status.getCode());
                                }
                            },
                            "ws://localhost:" + port + "/ws")
                    .get(10, TimeUnit.SECONDS);
            raw.sendMessage(new org.springframework.web.socket.TextMessage(garbage));
            String answer = received.poll(10, TimeUnit.SECONDS);
            assertThat(answer).as(garbage).startsWith("ERROR");
            assertThat(closed.get(10, TimeUnit.SECONDS)).as(garbage).isNotEqualTo(1000);
        }
    }

    @Test
    void aBodyThatIsNotJsonGetsABadRequestOnTheErrorQueueAndStoresNothing() throws Exception {
        Person owner = person("Ray Owner");
        String room = room(owner, "open");
        long before = call("GET", "/api/v2/rooms/" + room, owner, null)
                .json()
                .path("last_seq")
                .asLong();
        StompSession s = connect(owner, new Inbox());
        BlockingQueue<JsonNode> errors = subscribe(s, "/user/queue/errors");
        StompHeaders headers = new StompHeaders();
        headers.setDestination("/app/rooms." + room + ".messages");
        headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        s.send(headers, "{not json");
        assertThat(errors.poll(10, TimeUnit.SECONDS).path("type").asText()).isEqualTo("urn:irs:problem:bad-request");
        assertThat(call("GET", "/api/v2/rooms/" + room, owner, null)
                        .json()
                        .path("last_seq")
                        .asLong())
                .isEqualTo(before);
    }

    @Test
    void presenceListsTheMembersWithALiveSocket() throws Exception {
        Person owner = person("Sam Owner");
        Person away = person("Tia Away");
        String room = room(owner, "restricted");
        addMember(owner, room, away, "responder");
        StompSession online = connect(owner, new Inbox());
        StompSession leaving = connect(away, new Inbox());
        assertThat(presence(owner, room)).containsExactlyInAnyOrder(owner.id(), away.id());
        leaving.disconnect();
        long deadline = System.currentTimeMillis() + 10_000;
        while (presence(owner, room).contains(away.id()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(presence(owner, room)).containsExactly(owner.id());
        assertThat(online.isConnected()).isTrue();
        assertThat(call("GET", "/api/v2/rooms/" + room + "/presence", person("Uma Outsider"), null)
                        .status())
                .isEqualTo(404);
    }

    private List<String> presence(Person who, String room) throws Exception {
        List<String> ids = new ArrayList<>();
        call("GET", "/api/v2/rooms/" + room + "/presence", who, null)
                .json()
                .path("online")
                .forEach(m -> ids.add(m.path("user_id").asText()));
        return ids;
    }
}
