package dev.toolocr.incident.rooms;

import dev.toolocr.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A durable room event as it was broadcast: the catch-up feed replays these rows in seq order. */
@Entity
@Table(name = "room_events")
class RoomEvent extends AssignedIdEntity {

    @Id
    private String id;

    private String roomId;
    private long seq;
    private String type;
    private String messageId;
    private String payload;
    private Instant createdAt;

    protected RoomEvent() {}

    RoomEvent(String roomId, long seq, String type, String messageId, String payload, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roomId = roomId;
        this.seq = seq;
        this.type = type;
        this.messageId = messageId;
        this.payload = payload;
        this.createdAt = now;
    }

    @Override
    public String getId() {
        return id;
    }

    /** A deleted message's earlier events must not keep what it said. */
    void redact(String newPayload) {
        this.payload = newPayload;
    }

    long seq() {
        return seq;
    }

    String type() {
        return type;
    }

    String payload() {
        return payload;
    }
}
