package dev.toolocr.incident.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.incident.IncidentApplication;
import dev.toolocr.incident.TestClock;
import dev.toolocr.incident.rooms.Codes.Category;
import dev.toolocr.incident.rooms.Codes.Severity;
import dev.toolocr.incident.rooms.Codes.Visibility;
import dev.toolocr.incident.rooms.MemberService;
import dev.toolocr.incident.rooms.MessageService;
import dev.toolocr.incident.rooms.RoomDtos.CreateRoom;
import dev.toolocr.incident.rooms.RoomService;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.persistence.ExternalDatabases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The inbox on the production databases: its migration, its queries, and both bounds of the table
 * (the newest keep-per-user notices per person, nothing older than max-age).
 */
class InboxRetentionIT {

    @Test
    void theInboxIsBoundedOnPostgresql() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.postgres()) {
            keepsTheNewestAndDropsTheOld(db.jdbcUrl());
        }
    }

    @Test
    void theInboxIsBoundedOnMariadb() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.mariadb()) {
            keepsTheNewestAndDropsTheOld(db.jdbcUrl());
        }
    }

    private static void keepsTheNewestAndDropsTheOld(String jdbcUrl) throws Exception {
        // Arguments, not default properties: application.yml's own values would win over those.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(
                        IncidentApplication.class, TestClock.Config.class)
                .run(
                        "--platform.database.url=" + jdbcUrl,
                        "--server.port=0",
                        "--incident.data-dir=target/inbox-it",
                        "--incident.notifications.keep-per-user=10",
                        "--incident.notifications.max-age=30d",
                        "--platform.auth.local.bootstrap-admin-password=Bootstrap-admin-pw-1")) {
            RoomService rooms = app.getBean(RoomService.class);
            MemberService members = app.getBean(MemberService.class);
            MessageService messages = app.getBean(MessageService.class);
            NotificationInbox inbox = app.getBean(NotificationInbox.class);
            InboxRetention retention = app.getBean(InboxRetention.class);
            TestClock clock = app.getBean(TestClock.class);

            CurrentUser author = user("author");
            CurrentUser named = user("named");
            CurrentUser other = user("other");
            String room = rooms.create(author, room()).id();
            members.join(named, room);
            members.join(other, room);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                sent.add(messages.send(
                                author,
                                room,
                                new MessageService.SendMessage("@" + named.email() + " reading " + i, null, null, null))
                        .message()
                        .id());
                // Distinct instants, so that "newest" is not a tie the database may break either way.
                clock.advance(Duration.ofSeconds(1));
            }
            messages.send(author, room, new MessageService.SendMessage("@" + other.email() + " hi", null, null, null));
            assertThat(inbox.list(named, false, 100).notifications()).hasSize(12);

            assertThat(retention.purge()).isEqualTo(2);
            NotificationViews.Inbox kept = inbox.list(named, false, 100);
            List<String> newestTen = new ArrayList<>(sent.subList(2, 12));
            Collections.reverse(newestTen);
            assertThat(kept.notifications())
                    .extracting(n -> n.notification().get("message_id"))
                    .containsExactlyElementsOf(newestTen);
            assertThat(kept.unread()).isEqualTo(10);
            assertThat(inbox.list(other, false, 100).notifications()).hasSize(1);

            NotificationViews.Marked marked =
                    inbox.markRead(named, List.of(kept.notifications().get(0).id()));
            assertThat(marked.marked()).isEqualTo(1);
            assertThat(marked.unread()).isEqualTo(9);
            assertThat(inbox.markRead(other, List.of(kept.notifications().get(1).id()))
                            .marked())
                    .isZero();

            clock.advance(Duration.ofDays(31));
            assertThat(retention.purge()).isEqualTo(11);
            assertThat(inbox.list(named, false, 100).notifications()).isEmpty();
            assertThat(inbox.list(other, false, 100).unread()).isZero();
        }
    }

    private static CreateRoom room() {
        return new CreateRoom(
                "Conveyor jam",
                null,
                "L4",
                null,
                "conveyor-" + UUID.randomUUID(),
                null,
                Category.MACHINE_DOWN,
                Severity.HIGH,
                Visibility.OPEN,
                null,
                null,
                null);
    }

    private static CurrentUser user(String name) {
        String id = UUID.randomUUID().toString();
        return new CurrentUser(id, name + "-" + id.substring(0, 6) + "@example.com", name, false, "session-" + id);
    }
}
