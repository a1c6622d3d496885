package dev.toolocr.incident.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.auth.devad.DevAdServer;
import dev.toolocr.platform.persistence.ExternalDatabases;
import dev.toolocr.platform.storage.S3TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two real server processes (the built jar) on one PostgreSQL database, RabbitMQ with its STOMP
 * plugin and an S3 bucket (s3proxy in this process): what one node accepts reaches the sockets of
 * the other, and a node killed with SIGKILL loses nothing that it accepted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> PEOPLE = List.of("owen", "rita", "sam", "tess", "uri", "vera", "wade", "xena");

    /** The nodes' data and logs, kept under target/ to read after a failure. */
    private static Path dir;

    private static ExternalDatabases.Scratch database;
    private static S3TestServer s3;
    private static DevAdServer ad;
    private static IncidentNode a;
    private static IncidentNode b;
    private static CuttableProxy stompToB;
    private static final List<StompPeer> peers = new ArrayList<>();
    private static final Map<String, Person> signedIn = new HashMap<>();

    /** A signed-in person: their token is valid on either node. */
    record Person(String id, String email, String token) {}

    @BeforeAll
    static void startTwoNodes() throws Exception {
        dir = Files.createDirectories(Path.of("target/two-nodes/" + System.currentTimeMillis()));
        requireBroker(5672, "RabbitMQ");
        requireBroker(61613, "RabbitMQ's STOMP plugin");
        database = ExternalDatabases.postgres();
        s3 = S3TestServer.start();
        List<DevAdServer.User> users = new ArrayList<>();
        for (String p : PEOPLE) {
            users.add(new DevAdServer.User(p, password(p), p + "@example.com", p.toUpperCase(), null));
        }
        ad = new DevAdServer(0, users).start();
        ad.tokenLifetimeSeconds(3600);

        SecureRandom random = new SecureRandom();
        byte[] jwt = new byte[32];
        byte[] aes = new byte[32];
        random.nextBytes(jwt);
        random.nextBytes(aes);
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", database.jdbcUrl());
        env.put("RABBITMQ_URL", "amqp://guest:guest@127.0.0.1:5672");
        env.put("RABBITMQ_STOMP_PORT", "61613");
        // Each run its own events exchange: other runs on the same broker stay out of this one.
        env.put("PLATFORM_EVENTS_EXCHANGE", "incident.events.it-" + UUID.randomUUID());
        env.put("STORAGE_S3_ENDPOINT", s3.endpoint().toString());
        env.put("STORAGE_S3_BUCKET", s3.createBucket());
        env.put("STORAGE_S3_ACCESS_KEY", S3TestServer.ACCESS_KEY);
        env.put("STORAGE_S3_SECRET_KEY", S3TestServer.SECRET_KEY);
        env.put("EXTERNAL_AUTH_API_URL", "http://127.0.0.1:" + ad.port());
        // Every node must accept every node's tokens: the keys are shared, as in production.
        env.put("PLATFORM_AUTH_JWT_SECRET", Base64.getEncoder().encodeToString(jwt));
        env.put("PLATFORM_AUTH_TOKEN_KEYS", "it:" + Base64.getEncoder().encodeToString(aes));
        env.put("INCIDENT_REALTIME_TYPING_EXPIRY", "2s");
        // One person writes 50 messages within seconds here; the send limit is not what is tested.
        env.put("INCIDENT_MESSAGES_MAX_PER_WINDOW", "1000");
        // xena keeps the templates; both nodes look for due escalation steps every two seconds.
        env.put("ADMIN_EMAILS", "xena@example.com");
        env.put("INCIDENT_ESCALATION_POLL_INTERVAL", "2s");
        a = IncidentNode.start("a", dir, env);
        // Node B reaches the STOMP plugin through a link the test can cut.
        stompToB = new CuttableProxy(61613);
        Map<String, String> envB = new HashMap<>(env);
        envB.put("RABBITMQ_STOMP_PORT", Integer.toString(stompToB.port()));
        b = IncidentNode.start("b", dir, envB);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        peers.forEach(StompPeer::close);
        for (AutoCloseable c : new AutoCloseable[] {a, b, stompToB, ad, s3, database}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** The room of the escalation armed first and checked after the other tests have let a minute pass. */
    private static String escalatedRoom;

    private static BlockingQueue<JsonNode> wadesNotices;

    @Test
    @Order(0)
    void aRoomCreatedOnNodeAFromATemplateArmsItsEscalation() throws Exception {
        Person xena = signIn(a, "xena");
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", "Press stop " + UUID.randomUUID());
        template.put("category", "machine_down");
        template.put("default_severity", "high");
        template.put("checklist", List.of());
        template.put("escalation", List.of(Map.of("after_minutes", 1, "notify_emails", List.of("wade@example.com"))));
        HttpResponse<String> created = call(b, "POST", "/api/v2/templates", xena, template);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        Person wade = signIn(b, "wade");
        wadesNotices = peer(b, wade).subscribe("/user/queue/notifications");
        Person owen = signIn(a, "owen");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Press 7 stopped");
        body.put("line", "L3");
        body.put("equipment", "press-" + UUID.randomUUID());
        body.put("visibility", "open");
        body.put("template_id", JSON.readTree(created.body()).path("id").asText());
        HttpResponse<String> room = call(a, "POST", "/api/v2/rooms", owen, body);
        assertThat(room.statusCode()).as(room.body()).isEqualTo(201);
        escalatedRoom = JSON.readTree(room.body()).path("id").asText();
    }

    @Test
    @Order(1)
    void aMessageSentOnNodeAReachesASubscriberOnNodeBWithTheNextSeq() throws Exception {
        Person owen = signIn(a, "owen");
        Person rita = signIn(b, "rita");
        String room = room(a, owen, "restricted");
        addMember(a, owen, room, rita, "responder");
        long last = get(b, rita, "/api/v2/rooms/" + room).path("last_seq").asLong();

        BlockingQueue<JsonNode> onB = peer(b, rita).subscribe("/topic/rooms." + room);
        peer(a, owen).send("/app/rooms." + room + ".messages", Map.of("content", "Line 2 stopped", "client_id", "x-1"));

        JsonNode event = poll(onB, "message.created on node B");
        assertThat(event.path("type").asText()).isEqualTo("message.created");
        assertThat(event.path("seq").asLong()).isEqualTo(last + 1);
        assertThat(event.path("message").path("content").asText()).isEqualTo("Line 2 stopped");
    }

    @Test
    @Order(2)
    void typingOnNodeAShowsOnNodeBAndExpires() throws Exception {
        Person owen = signIn(a, "owen");
        Person rita = signIn(b, "rita");
        String room = room(a, owen, "open");
        BlockingQueue<JsonNode> typing = peer(b, rita).subscribe("/topic/rooms." + room + ".typing");
        peer(a, owen).send("/app/rooms." + room + ".typing", Map.of("typing", true));

        JsonNode on = poll(typing, "typing on");
        assertThat(on.path("user_id").asText()).isEqualTo(owen.id());
        assertThat(on.path("typing").asBoolean()).isTrue();
        long shown = System.nanoTime();
        JsonNode off = poll(typing, "typing expired");
        assertThat(off.path("typing").asBoolean()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - shown)).isGreaterThan(Duration.ofMillis(1000));
    }

    @Test
    @Order(3)
    void aNotificationRaisedOnNodeAReachesTheUserQueueOnNodeB() throws Exception {
        Person owen = signIn(a, "owen");
        Person sam = signIn(b, "sam");
        BlockingQueue<JsonNode> notices = peer(b, sam).subscribe("/user/queue/notifications");
        String room = room(a, owen, "restricted");
        addMember(a, owen, room, sam, "viewer");

        JsonNode notice = poll(notices, "notification on node B");
        assertThat(notice.toString()).contains(room);
        assertThat(notices.poll(2, TimeUnit.SECONDS))
                .as("one notification, not one per node")
                .isNull();
    }

    @Test
    @Order(4)
    void presenceOnEitherNodeListsAMemberWhoseSocketIsOnTheOther() throws Exception {
        Person owen = signIn(a, "owen");
        Person tess = signIn(b, "tess");
        String room = room(a, owen, "restricted");
        addMember(a, owen, room, tess, "responder");
        peer(b, tess);
        peer(a, owen);
        // Each node announces its sockets every 10 s.
        await(
                Duration.ofSeconds(30),
                () -> online(a, owen, room).containsAll(Set.of(owen.id(), tess.id()))
                        && online(b, tess, room).containsAll(Set.of(owen.id(), tess.id())));
    }

    @Test
    @Order(5)
    void aMemberRemovedOnNodeAStopsReceivingOnNodeB() throws Exception {
        Person owen = signIn(a, "owen");
        Person uri = signIn(b, "uri");
        String room = room(a, owen, "restricted");
        addMember(a, owen, room, uri, "viewer");
        StompPeer uriSocket = peer(b, uri);
        BlockingQueue<JsonNode> frames = uriSocket.subscribe("/topic/rooms." + room);
        BlockingQueue<JsonNode> notices = uriSocket.subscribe("/user/queue/notifications");
        post(a, owen, room, "before", null);
        assertThat(poll(frames, "message before removal")
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo("before");

        assertThat(call(a, "DELETE", "/api/v2/rooms/" + room + "/members/" + uri.id(), owen, null)
                        .statusCode())
                .isEqualTo(204);
        JsonNode ended = notices.poll(20, TimeUnit.SECONDS);
        while (ended != null && !"room.access_ended".equals(ended.path("type").asText())) {
            ended = notices.poll(20, TimeUnit.SECONDS);
        }
        assertThat(ended).as("room.access_ended on node B").isNotNull();
        frames.clear();
        post(a, owen, room, "after the removal", null);
        post(b, owen, room, "after the removal, through B", null);
        assertThat(frames.poll(3, TimeUnit.SECONDS)).isNull();
    }

    @Test
    @Order(6)
    void signingOutOnNodeAClosesTheSocketOnNodeB() throws Exception {
        Person vera = signIn(a, "vera");
        StompPeer onB = peer(b, vera);
        assertThat(call(a, "POST", "/api/v2/auth/logout", vera, null).statusCode())
                .isEqualTo(204);
        assertThat(onB.inbox.errors.poll(20, TimeUnit.SECONDS)).startsWith("session-ended: logout");
        onB.inbox.lost.get(20, TimeUnit.SECONDS);
    }

    @Test
    @Order(7)
    void theEscalationFiresOnceThoughBothNodesWatchIt() throws Exception {
        Person owen = signIn(a, "owen");
        String feed = "/api/v2/rooms/" + escalatedRoom + "/messages?limit=100";
        await(Duration.ofMinutes(3), () -> escalations(owen, feed) > 0);
        // Both nodes poll every two seconds: give the other one several chances to fire it again.
        Thread.sleep(6_000);
        assertThat(escalations(owen, feed)).isEqualTo(1);

        List<JsonNode> notices = new ArrayList<>();
        wadesNotices.drainTo(notices);
        assertThat(notices.stream()
                        .filter(n -> n.path("type").asText().equals("escalation"))
                        .filter(n -> n.path("room_id").asText().equals(escalatedRoom)))
                .hasSize(1);
    }

    private static long escalations(Person as, String feed) {
        try {
            List<JsonNode> found = new ArrayList<>();
            get(a, as, feed).path("messages").forEach(found::add);
            return found.stream()
                    .filter(m -> m.path("kind").asText().equals("system"))
                    .filter(m -> m.path("content").asText().startsWith("Escalated"))
                    .count();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(8)
    void whileNodeBHasLostTheBrokerRestStoresMessagesReadinessIsDegradedAndItsClientsCatchUpAfterwards()
            throws Exception {
        Person owen = signIn(a, "owen");
        Person rita = signIn(b, "rita");
        String room = room(a, owen, "restricted");
        addMember(a, owen, room, rita, "responder");
        StompPeer ritaOnB = peer(b, rita);
        BlockingQueue<JsonNode> live = ritaOnB.subscribe("/topic/rooms." + room);
        post(a, owen, room, "before the outage", "o-1");
        long lastSeen = poll(live, "frame before the outage").path("seq").asLong();

        stompToB.cut();
        ritaOnB.inbox.lost.get(30, TimeUnit.SECONDS);
        await(Duration.ofSeconds(30), () -> readiness(b).equals("200 DEGRADED"));
        assertThat(post(b, rita, room, "stored while B had no broker", "r-1").statusCode())
                .isEqualTo(201);
        assertThat(post(a, owen, room, "sent on A meanwhile", "o-2").statusCode())
                .isEqualTo(201);

        stompToB.restore();
        await(Duration.ofSeconds(60), () -> readiness(b).equals("200 UP"));
        StompPeer again = peer(b, rita);
        BlockingQueue<JsonNode> resumed = again.subscribe("/topic/rooms." + room);
        List<String> caughtUp = new ArrayList<>();
        for (JsonNode e : get(b, rita, "/api/v2/rooms/" + room + "/events?after_seq=" + lastSeen)
                .path("events")) {
            caughtUp.add(e.path("message").path("content").asText());
        }
        assertThat(caughtUp).containsExactly("stored while B had no broker", "sent on A meanwhile");
        post(a, owen, room, "live again", "o-3");
        assertThat(poll(resumed, "live frame after the outage")
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo("live again");
    }

    @Test
    @Order(9)
    void afterSigkillOfNodeAItsClientReconnectsToNodeBAndCatchesUpWithNothingLostOrDuplicated() throws Exception {
        Person owen = signIn(a, "owen");
        Person rita = signIn(b, "rita");
        String room = room(b, owen, "restricted");
        addMember(b, owen, room, rita, "responder");

        // Owen on node A follows the room live while Rita writes on node B.
        StompPeer onA = peer(a, owen);
        BlockingQueue<JsonNode> live = onA.subscribe("/topic/rooms." + room);
        StompPeer ritaOnB = peer(b, rita);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String text = "before the kill " + i;
            ritaOnB.send("/app/rooms." + room + ".messages", Map.of("content", text, "client_id", "pre-" + i));
            sent.add(text);
        }
        Map<Long, JsonNode> seen = new TreeMap<>();
        while (seen.size() < 20) {
            JsonNode e = poll(live, "live frame on node A");
            assertThat(seen.put(e.path("seq").asLong(), e))
                    .as("a duplicate frame")
                    .isNull();
        }
        long lastSeen = ((TreeMap<Long, JsonNode>) seen).lastKey();

        // Node A accepts one more message, and dies at once.
        HttpResponse<String> accepted = post(a, owen, room, "accepted by A just before it died", "last-words");
        assertThat(accepted.statusCode()).isEqualTo(201);
        sent.add("accepted by A just before it died");
        assertThat(a.kill()).as("exit status of SIGKILL").isEqualTo(128 + 9);

        // Rita goes on writing on node B while Owen is away.
        for (int i = 0; i < 30; i++) {
            String text = "while A was dead " + i;
            assertThat(post(b, rita, room, text, "mid-" + i).statusCode()).isEqualTo(201);
            sent.add(text);
        }

        // Node A's sockets drop out of presence on node B once its registry entry expires.
        await(Duration.ofSeconds(45), () -> !online(b, rita, room).contains(owen.id()));

        // Owen's client reconnects to node B with the same token, subscribes, then asks the feed.
        StompPeer again = peer(b, owen);
        BlockingQueue<JsonNode> resumed = again.subscribe("/topic/rooms." + room);
        long after = lastSeen;
        boolean more = true;
        while (more) {
            JsonNode page = get(b, owen, "/api/v2/rooms/" + room + "/events?after_seq=" + after);
            for (JsonNode e : page.path("events")) {
                assertThat(seen.put(e.path("seq").asLong(), e))
                        .as("the feed repeats a seq")
                        .isNull();
                after = e.path("seq").asLong();
            }
            more = page.path("has_more").asBoolean();
        }
        ritaOnB.send("/app/rooms." + room + ".messages", Map.of("content", "after the catch-up", "client_id", "post"));
        sent.add("after the catch-up");
        JsonNode next = poll(resumed, "live frame after the reconnect");
        while (next.path("seq").asLong() <= after) {
            next = poll(resumed, "live frame after the reconnect");
        }
        assertThat(next.path("seq").asLong()).isEqualTo(after + 1);
        seen.put(next.path("seq").asLong(), next);

        List<Long> seqs = new ArrayList<>(seen.keySet());
        long first = seqs.get(0);
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("gap-free seq").isEqualTo(first + i);
        }
        List<String> contents = seen.values().stream()
                .filter(e -> e.path("type").asText().equals("message.created"))
                .map(e -> e.path("message").path("content").asText())
                .toList();
        assertThat(contents).doesNotHaveDuplicates();
        assertThat(new HashSet<>(contents)).isEqualTo(sent);
        assertThat(b.alive()).isTrue();
    }

    // --- helpers ---

    private static String password(String person) {
        return "Ad-pw-of-" + person + "-4471";
    }

    private static void requireBroker(int port, String what) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        } catch (IOException e) {
            String reason = what + " is not reachable on 127.0.0.1:" + port;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true and " + reason);
            }
            System.err.println("NOTICE: skipping the two-node test: " + reason);
            Assumptions.abort(reason);
        }
    }

    private StompPeer peer(IncidentNode node, Person who) throws Exception {
        StompPeer p = StompPeer.connect(node, who.token());
        peers.add(p);
        return p;
    }

    private static JsonNode poll(BlockingQueue<JsonNode> frames, String what) throws InterruptedException {
        JsonNode f = frames.poll(20, TimeUnit.SECONDS);
        assertThat(f).as(what).isNotNull();
        return f;
    }

    private static void await(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + within);
            }
            Thread.sleep(250);
        }
    }

    /** Each person signs in once (sign-in is throttled per name); the token serves on both nodes. */
    private static Person signIn(IncidentNode node, String who) throws Exception {
        Person known = signedIn.get(who);
        if (known == null) {
            known = signInNow(node, who);
            signedIn.put(who, known);
        }
        return known;
    }

    private static Person signInNow(IncidentNode node, String who) throws Exception {
        HttpResponse<String> r =
                call(node, "POST", "/api/v2/auth/login", null, Map.of("username", who, "password", password(who)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String token = JSON.readTree(r.body()).path("access_token").asText();
        JsonNode me = JSON.readTree(call(node, "GET", "/api/v2/auth/me", new Person(null, null, token), null)
                .body());
        return new Person(me.path("id").asText(), me.path("email").asText(), token);
    }

    private static String room(IncidentNode node, Person owner, String visibility) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Press 4 hydraulic leak");
        body.put("line", "L2");
        body.put("equipment", "press-" + UUID.randomUUID());
        body.put("category", "machine_down");
        body.put("severity", "high");
        body.put("visibility", visibility);
        HttpResponse<String> r = call(node, "POST", "/api/v2/rooms", owner, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asText();
    }

    private static void addMember(IncidentNode node, Person owner, String room, Person who, String role)
            throws Exception {
        HttpResponse<String> r = call(
                node, "POST", "/api/v2/rooms/" + room + "/members", owner, Map.of("email", who.email(), "role", role));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static HttpResponse<String> post(IncidentNode node, Person as, String room, String content, String clientId)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", content);
        if (clientId != null) {
            body.put("client_id", clientId);
        }
        return call(node, "POST", "/api/v2/rooms/" + room + "/messages", as, body);
    }

    /** Status code and readiness status, e.g. {@code 200 DEGRADED}. */
    private static String readiness(IncidentNode node) {
        try {
            HttpResponse<String> r = call(node, "GET", "/actuator/health/readiness", null, null);
            return r.statusCode() + " " + JSON.readTree(r.body()).path("status").asText();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static Set<String> online(IncidentNode node, Person as, String room) {
        try {
            Set<String> ids = new HashSet<>();
            get(node, as, "/api/v2/rooms/" + room + "/presence")
                    .path("online")
                    .forEach(m -> ids.add(m.path("user_id").asText()));
            return ids;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode get(IncidentNode node, Person as, String path) throws Exception {
        HttpResponse<String> r = call(node, "GET", path, as, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> call(IncidentNode node, String method, String path, Person as, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(30));
        String text = body == null ? null : JSON.writeValueAsString(body);
        request.method(
                method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (text != null) {
            request.header("Content-Type", "application/json");
        }
        if (as != null) {
            request.header("Authorization", "Bearer " + as.token());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
