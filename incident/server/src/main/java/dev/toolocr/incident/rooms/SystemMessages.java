package dev.toolocr.incident.rooms;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Every change of a room is told in the room itself, as a system message after its own event. */
@Component
class SystemMessages {

    private final MessageRepository messages;
    private final RoomEventLog log;
    private final MessageViews views;
    private final org.springframework.context.ApplicationEventPublisher publisher;
    private final Clock clock;

    SystemMessages(
            MessageRepository messages,
            RoomEventLog log,
            MessageViews views,
            org.springframework.context.ApplicationEventPublisher publisher,
            Clock clock) {
        this.messages = messages;
        this.log = log;
        this.views = views;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long post(String roomId, String text) {
        long seq = log.nextSeq(roomId);
        Message m = messages.save(Message.system(roomId, seq, text, clock.instant()));
        log.record(roomId, seq, "message.created", m.id(), Map.of("message", views.broadcast(m)));
        return seq;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void roomUpdated(Room room, String text) {
        // Broadcast to every reader: nothing personal (my_role, unread_count) goes into the event.
        long seq = log.nextSeq(room.id());
        log.record(room.id(), seq, "room.updated", null, Map.of("room", RoomDtos.RoomView.of(room, seq, null, 0, 0)));
        post(room.id(), text);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void memberChanged(String roomId, RoomMember member, String change, String text) {
        log.append(roomId, "member.changed", null, Map.of("member", RoomDtos.MemberView.of(member), "change", change));
        post(roomId, text);
    }

    /** A room turned restricted: everyone who is not a member loses their live view of it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void restricted(String roomId) {
        publisher.publishEvent(new RoomEvents.AccessRevoked(roomId, null));
    }
}
