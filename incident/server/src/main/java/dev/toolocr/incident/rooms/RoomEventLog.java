package dev.toolocr.incident.rooms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives each durable event the room's next seq and stores it, in the caller's transaction. The seq
 * comes from one conditional update of the room's row: that update locks the row until commit, so
 * concurrent writers to one room queue there, and a rolled-back writer gives its number back —
 * seqs are gap-free on every database without sequences or identity columns.
 */
@Component
class RoomEventLog {

    private final RoomRepository rooms;
    private final RoomEventRepository events;
    private final ObjectMapper json;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    RoomEventLog(
            RoomRepository rooms,
            RoomEventRepository events,
            ObjectMapper json,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.rooms = rooms;
        this.events = events;
        this.json = json;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long nextSeq(String roomId) {
        if (rooms.incrementSeq(roomId) != 1) {
            throw new IllegalStateException("no room " + roomId);
        }
        return rooms.currentSeq(roomId);
    }

    /**
     * Gives back the seq {@link #nextSeq} just handed out, for a send refused after it (this
     * transaction still holds the room's row, so nobody took a later one): the transaction can go
     * on and commit other work without leaving a gap.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void giveBack(String roomId, long seq) {
        if (rooms.decrementSeq(roomId, seq) != 1) {
            throw new IllegalStateException("seq " + seq + " of room " + roomId + " is not the last one");
        }
    }

    /** Stores an event whose seq was already taken (a message carries its own creation seq). */
    @Transactional(propagation = Propagation.MANDATORY)
    void record(String roomId, long seq, String type, String messageId, Map<String, Object> body) {
        String frame = frame(roomId, seq, type, body);
        events.save(new RoomEvent(roomId, seq, type, messageId, frame, clock.instant()));
        publisher.publishEvent(new RoomEvents.Recorded(roomId, seq, type, frame));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long append(String roomId, String type, String messageId, Map<String, Object> body) {
        long seq = nextSeq(roomId);
        record(roomId, seq, type, messageId, body);
        return seq;
    }

    /** Rewrites a message's stored events with its current (deleted) form. */
    @Transactional(propagation = Propagation.MANDATORY)
    void redact(String roomId, String messageId, Map<String, Object> body) {
        for (RoomEvent e : events.findByMessageId(messageId)) {
            if (e.type().equals("message.created") || e.type().equals("message.updated")) {
                e.redact(frame(roomId, e.seq(), e.type(), body));
            }
        }
    }

    private String frame(String roomId, long seq, String type, Map<String, Object> body) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("seq", seq);
        frame.put("type", type);
        frame.put("room_id", roomId);
        frame.putAll(body);
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event not serialisable", e);
        }
    }
}
