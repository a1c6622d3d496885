package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.Codes.Status;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features say in a room on their own (an escalation), as a system message with the room's
 * next seq. The room's row is locked before its status is read, so a notice and an acknowledgement
 * racing each other are ordered: either the notice is posted while the room is still open, or the
 * acknowledgement came first and nothing is posted.
 */
@Component
public class RoomNotices {

    /** The room a notice was posted in, as it was at that moment. */
    public record NoticedRoom(
            String id,
            String title,
            String line,
            String station,
            String equipment,
            String category,
            String severity,
            String visibility,
            Instant reportedAt,
            long seq) {}

    private final RoomRepository rooms;
    private final SystemMessages system;

    RoomNotices(RoomRepository rooms, SystemMessages system) {
        this.rooms = rooms;
        this.system = system;
    }

    /** Posts {@code text} if the room exists and is still {@code open} (not acknowledged); else nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<NoticedRoom> postWhileOpen(String roomId, String text) {
        Optional<Room> locked = rooms.findForUpdate(roomId);
        if (locked.isEmpty() || locked.get().status() != Status.OPEN) {
            return Optional.empty();
        }
        Room r = locked.get();
        long seq = system.post(r.id(), text);
        return Optional.of(new NoticedRoom(
                r.id(),
                r.title(),
                r.line(),
                r.station(),
                r.equipment(),
                r.category().code(),
                r.severity().code(),
                r.visibility().code(),
                r.reportedAt(),
                seq));
    }
}
