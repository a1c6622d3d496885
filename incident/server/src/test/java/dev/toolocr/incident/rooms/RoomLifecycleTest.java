package dev.toolocr.incident.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.incident.rooms.Codes.Category;
import dev.toolocr.incident.rooms.Codes.Severity;
import dev.toolocr.incident.rooms.Codes.Status;
import dev.toolocr.incident.rooms.Codes.Visibility;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoomLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private static Room newRoom() {
        return new Room(
                new Room.RoomContext(
                        " Jam at sealer ", null, "L1", null, "sealer-2", null, Category.MACHINE_DOWN, Severity.HIGH),
                Visibility.OPEN,
                null,
                "u1",
                T0);
    }

    @Test
    void walksTheLifecycleAndMeasuresTimeToAcknowledgeAndResolve() {
        Room room = newRoom();
        room.acknowledge(T0.plus(Duration.ofSeconds(90)));
        room.start(T0.plus(Duration.ofMinutes(5)));
        room.resolve("Replaced the belt", T0.plus(Duration.ofMinutes(42)));
        room.close(T0.plus(Duration.ofHours(2)));

        assertThat(room.status()).isEqualTo(Status.CLOSED);
        assertThat(room.title()).isEqualTo("Jam at sealer");
        assertThat(room.timeToAcknowledgeSeconds()).isEqualTo(90);
        assertThat(room.timeToResolveSeconds()).isEqualTo(42 * 60);
        assertThat(room.resolution()).isEqualTo("Replaced the belt");
    }

    @Test
    void refusesSkippingAStepAndNamesTheCurrentStatus() {
        Room room = newRoom();
        assertThatThrownBy(() -> room.resolve("x", T0))
                .isInstanceOf(InvalidTransitionException.class)
                .satisfies(e -> assertThat(((InvalidTransitionException) e).properties())
                        .containsEntry("status", "open"));
        assertThat(room.status()).isEqualTo(Status.OPEN);
    }

    @Test
    void cancelsOnlyBeforeResolution() {
        Room active = newRoom();
        active.acknowledge(T0);
        active.cancel(T0.plusSeconds(5));
        assertThat(active.status()).isEqualTo(Status.CANCELLED);
        assertThat(active.cancelledAt()).isEqualTo(T0.plusSeconds(5));

        Room resolved = newRoom();
        resolved.acknowledge(T0);
        resolved.start(T0);
        resolved.resolve("done", T0);
        assertThatThrownBy(() -> resolved.cancel(T0)).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void reopeningAClosedRoomClearsItsResolutionTimes() {
        Room room = newRoom();
        room.acknowledge(T0);
        room.start(T0);
        room.resolve("done", T0.plusSeconds(60));
        room.close(T0.plusSeconds(120));
        room.reopen(T0.plusSeconds(180));

        assertThat(room.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(room.resolvedAt()).isNull();
        assertThat(room.closedAt()).isNull();
        assertThat(room.timeToResolveSeconds()).isNull();
        assertThat(room.timeToAcknowledgeSeconds()).isZero();
    }

    @Test
    void aReadMarkerOnlyMovesForwardAndNeverPastTheLastEvent() {
        RoomMember m = new RoomMember("r", " Ann@Example.COM ", "u", "Ann", Codes.Role.VIEWER, T0);
        assertThat(m.email()).isEqualTo("ann@example.com");
        m.markRead(10, 7);
        assertThat(m.readSeq()).isEqualTo(7);
        m.markRead(3, 7);
        assertThat(m.readSeq()).isEqualTo(7);
    }
}
