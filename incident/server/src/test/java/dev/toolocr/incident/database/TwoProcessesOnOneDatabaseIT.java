package dev.toolocr.incident.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.toolocr.incident.ServerProcess;
import dev.toolocr.incident.TestClock;
import dev.toolocr.incident.rooms.Codes.Visibility;
import dev.toolocr.incident.rooms.MemberService;
import dev.toolocr.incident.rooms.MessageService;
import dev.toolocr.incident.rooms.RoomDtos.CreateRoom;
import dev.toolocr.incident.rooms.RoomService;
import dev.toolocr.incident.stats.IncidentStats;
import dev.toolocr.incident.stats.StatsSeed;
import dev.toolocr.incident.templates.TemplateService;
import dev.toolocr.incident.templates.TemplateView;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.persistence.ExternalDatabases;
import dev.toolocr.platform.web.ApiException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two server processes on one PostgreSQL or MariaDB database, each with its own escalation scheduler
 * polling every 100 ms: every step of every room fires exactly once (one system message, one webhook
 * call), the send limit counts the sends made through both, and the statistics query gives the
 * known figures on the production databases.
 */
class TwoProcessesOnOneDatabaseIT {

    private static final int ROOMS = 8;

    private final TestClock clock = TestClock.frozenAt(Instant.parse("2026-11-23T08:00:00Z"));
    private final List<JsonNode> webhookCalls = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            webhookCalls.add(json.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void twoProcessesShareEscalationsSendLimitAndStatsOnPostgresql() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.postgres()) {
            bothProcesses(db.jdbcUrl());
        }
    }

    @Test
    void twoProcessesShareEscalationsSendLimitAndStatsOnMariadb() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.mariadb()) {
            bothProcesses(db.jdbcUrl());
        }
    }

    private void bothProcesses(String jdbcUrl) throws Exception {
        String dataDir = "target/two-processes-" + UUID.randomUUID();
        String[] settings = {
            "incident.escalation.poll-interval=100ms",
            "incident.escalation.webhook.url=http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook"
        };
        try (ConfigurableApplicationContext a = ServerProcess.start(jdbcUrl, dataDir, clock, settings);
                ConfigurableApplicationContext b = ServerProcess.start(jdbcUrl, dataDir, clock, settings)) {
            escalationStepsFireOnce(a);
            sendLimitCountsBothProcesses(a, b);
            statsHaveTheKnownFigures(a);
        }
    }

    private void escalationStepsFireOnce(ConfigurableApplicationContext app) throws Exception {
        CurrentUser admin = user("admin", true);
        CurrentUser reporter = user("reporter", false);
        String template = app.getBean(TemplateService.class)
                .create(
                        admin,
                        new TemplateView.Body(
                                "Line stop " + UUID.randomUUID(),
                                "machine_down",
                                "critical",
                                null,
                                null,
                                List.of(),
                                List.of(),
                                List.of(
                                        new TemplateView.EscalationStep(1, List.of("shift.lead@example.com")),
                                        new TemplateView.EscalationStep(2, List.of("plant.manager@example.com")))))
                .id();
        RoomService rooms = app.getBean(RoomService.class);
        MessageService messages = app.getBean(MessageService.class);
        Map<String, Long> seqAtStart = new HashMap<>();
        for (int i = 0; i < ROOMS; i++) {
            String id = rooms.create(
                            reporter,
                            new CreateRoom(
                                    "Conveyor " + i,
                                    null,
                                    "L1",
                                    null,
                                    "conveyor-" + i,
                                    null,
                                    null,
                                    null,
                                    Visibility.OPEN,
                                    template,
                                    null,
                                    null))
                    .id();
            seqAtStart.put(id, rooms.get(reporter, id).lastSeq());
        }

        clock.advance(Duration.ofSeconds(61));
        awaitWebhookCalls(ROOMS);
        clock.advance(Duration.ofMinutes(1));
        awaitWebhookCalls(2 * ROOMS);
        // Several more looks by both processes: a step fired twice would show up now.
        clock.advance(Duration.ofMinutes(10));
        Thread.sleep(1500);

        assertThat(webhookCalls).hasSize(2 * ROOMS);
        assertThat(webhookCalls.stream()
                        .map(c -> c.path("delivery_id").asText())
                        .distinct())
                .hasSize(2 * ROOMS);
        assertThat(webhookCalls.stream()
                        .map(c -> c.path("room").path("id").asText() + "/"
                                + c.path("step").path("number"))
                        .distinct())
                .hasSize(2 * ROOMS);
        for (Map.Entry<String, Long> room : seqAtStart.entrySet()) {
            List<JsonNode> events = messages.events(reporter, room.getKey(), room.getValue(), 100)
                    .events();
            assertThat(events)
                    .extracting(e -> e.path("seq").asLong())
                    .containsExactly(room.getValue() + 1, room.getValue() + 2);
            assertThat(events)
                    .extracting(e -> e.path("message").path("content").asText())
                    .allMatch(text -> text.startsWith("Escalated (step "));
        }
    }

    /** 40 sends by one person to one room at once, half through each process: exactly 30 go through. */
    private void sendLimitCountsBothProcesses(ConfigurableApplicationContext a, ConfigurableApplicationContext b)
            throws Exception {
        CurrentUser owner = user("owner", false);
        CurrentUser sender = user("sender", false);
        String room = a.getBean(RoomService.class)
                .create(
                        owner,
                        new CreateRoom(
                                "Glue robot",
                                null,
                                "L2",
                                null,
                                "robot-" + UUID.randomUUID(),
                                null,
                                dev.toolocr.incident.rooms.Codes.Category.MACHINE_DOWN,
                                dev.toolocr.incident.rooms.Codes.Severity.HIGH,
                                Visibility.OPEN,
                                null,
                                null,
                                null))
                .id();
        a.getBean(MemberService.class).join(sender, room);
        List<MessageService> processes = List.of(a.getBean(MessageService.class), b.getBean(MessageService.class));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                MessageService through = processes.get(i % 2);
                String text = "reading " + i;
                sends.add(pool.submit(() -> {
                    try {
                        through.send(sender, room, new MessageService.SendMessage(text, null, null, null));
                        return 201;
                    } catch (ApiException e) {
                        return e.status().value();
                    }
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : sends) {
                statuses.add(f.get());
            }
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(30);
            assertThat(statuses.stream().filter(s -> s == 429)).hasSize(10);
        } finally {
            pool.shutdown();
        }
        // The window slides: once the first sends are 10 s old, the person may send again.
        clock.advance(Duration.ofSeconds(11));
        processes.get(1).send(sender, room, new MessageService.SendMessage("later", null, null, null));
    }

    private void statsHaveTheKnownFigures(ConfigurableApplicationContext app) throws Exception {
        StatsSeed seed = StatsSeed.write(app.getBean(JdbcTemplate.class), "irs_");
        IncidentStats stats = app.getBean(IncidentStats.class);
        ObjectMapper appJson = app.getBean(ObjectMapper.class);
        Instant from = seed.day.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant before = from.plus(Duration.ofDays(1));
        seed.assertReadableFigures(appJson.valueToTree(stats.incidents(user("worker", false), from, before, null)));
        seed.assertAllFigures(appJson.valueToTree(stats.incidents(user("boss", true), from, before, null)));
    }

    private void awaitWebhookCalls(int count) throws InterruptedException {
        for (int i = 0; i < 300 && webhookCalls.size() < count; i++) {
            Thread.sleep(100);
        }
        assertThat(webhookCalls).hasSizeGreaterThanOrEqualTo(count);
    }

    private static CurrentUser user(String name, boolean admin) {
        String id = UUID.randomUUID().toString();
        return new CurrentUser(id, name + "-" + id.substring(0, 6) + "@example.com", name, admin, "session-" + id);
    }
}
