package dev.toolocr.incident.notifications;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One notice in a person's inbox; it is read once, and never changes otherwise. */
@Entity
@Table(name = "notifications")
class Notification {

    static final int MAX_TYPE_LENGTH = 32;

    @Id
    private String id;

    private String userId;
    private String type;
    private String roomId;
    private String payload;
    private Instant createdAt;
    private Instant readAt;

    protected Notification() {}

    Notification(String userId, String type, String roomId, String payload, Instant now) {
        if (type.length() > MAX_TYPE_LENGTH) {
            throw new IllegalArgumentException("notification type too long: " + type.length());
        }
        this.id = UUID.randomUUID().toString();
        this.userId = Objects.requireNonNull(userId);
        this.type = type;
        this.roomId = Objects.requireNonNull(roomId);
        this.payload = Objects.requireNonNull(payload);
        this.createdAt = Objects.requireNonNull(now);
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String roomId() {
        return roomId;
    }

    String payload() {
        return payload;
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean read() {
        return readAt != null;
    }
}
