package dev.toolocr.incident.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.IncidentApplication;
import dev.toolocr.incident.rooms.Codes.Category;
import dev.toolocr.incident.rooms.Codes.Severity;
import dev.toolocr.incident.rooms.Codes.Visibility;
import dev.toolocr.incident.rooms.MemberService;
import dev.toolocr.incident.rooms.MessageService;
import dev.toolocr.incident.rooms.RoomDtos.CreateRoom;
import dev.toolocr.incident.rooms.RoomService;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.persistence.ExternalDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The per-room seq on the production databases: concurrent senders, each message's event with the
 * next number, none skipped, none twice, and a resend of a client_id racing its original.
 */
class SeqAcrossDatabasesIT {

    @Test
    void concurrentSendersGetGapFreeSeqsOnPostgresql() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.postgres()) {
            sendConcurrently(db.jdbcUrl());
        }
    }

    @Test
    void concurrentSendersGetGapFreeSeqsOnMariadb() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.mariadb()) {
            sendConcurrently(db.jdbcUrl());
        }
    }

    private static void sendConcurrently(String jdbcUrl) throws Exception {
        // Arguments, not default properties: application.yml's own values would win over those.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IncidentApplication.class)
                .run(
                        "--platform.database.url=" + jdbcUrl,
                        "--server.port=0",
                        "--incident.data-dir=target/seq-it",
                        "--platform.auth.local.bootstrap-admin-password=Bootstrap-admin-pw-1")) {
            assertThat(app.getEnvironment().getProperty("platform.database.url"))
                    .isEqualTo(jdbcUrl);
            RoomService rooms = app.getBean(RoomService.class);
            MemberService members = app.getBean(MemberService.class);
            MessageService messages = app.getBean(MessageService.class);
            CurrentUser owner = user("owner");
            String room = rooms.create(
                            owner,
                            new CreateRoom(
                                    "Robot cell fault",
                                    null,
                                    "L3",
                                    null,
                                    "robot-1",
                                    null,
                                    Category.MACHINE_DOWN,
                                    Severity.CRITICAL,
                                    Visibility.OPEN,
                                    null,
                                    null,
                                    null))
                    .id();
            List<CurrentUser> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CurrentUser u = user("sender" + i);
                members.join(u, room);
                senders.add(u);
            }

            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> work = new ArrayList<>();
            for (CurrentUser u : senders) {
                for (int n = 0; n < 20; n++) {
                    String text = u.displayName() + " " + n;
                    work.add(pool.submit(
                            () -> messages.send(u, room, new MessageService.SendMessage(text, null, null, null))));
                }
            }
            // The same client_id twice at once: one message, the other call answers with it.
            CurrentUser racer = senders.get(0);
            MessageService.SendMessage twice = new MessageService.SendMessage("twice", "race-1", null, null);
            Future<MessageService.Sent> a = pool.submit(() -> messages.send(racer, room, twice));
            Future<MessageService.Sent> b = pool.submit(() -> messages.send(racer, room, twice));
            for (Future<?> f : work) {
                f.get();
            }
            assertThat(a.get().message().id()).isEqualTo(b.get().message().id());
            pool.shutdown();

            List<Long> seqs = new ArrayList<>();
            int texts = 0;
            long after = 0;
            boolean more = true;
            while (more) {
                MessageService.EventPage page = messages.events(owner, room, after, 100);
                for (JsonNode e : page.events()) {
                    seqs.add(e.path("seq").asLong());
                    after = e.path("seq").asLong();
                    if (e.path("message").path("kind").asText().equals("text")) {
                        texts++;
                    }
                }
                more = page.hasMore();
            }
            assertThat(texts).isEqualTo(81);
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).isEqualTo(i + 1L);
            }
        }
    }

    private static CurrentUser user(String name) {
        String id = UUID.randomUUID().toString();
        return new CurrentUser(id, name + "-" + id.substring(0, 6) + "@example.com", name, false, "session-" + id);
    }
}
