package dev.toolocr.incident.rooms;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One person's emoji on one message (at most one of each emoji per person). */
@Entity
@Table(name = "reactions")
class Reaction {

    @Id
    private String id;

    private String messageId;
    private String userId;
    private String emoji;
    private Instant createdAt;

    protected Reaction() {}

    Reaction(String messageId, String userId, String emoji, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.messageId = messageId;
        this.userId = userId;
        this.emoji = emoji;
        this.createdAt = now;
    }

    String messageId() {
        return messageId;
    }

    String userId() {
        return userId;
    }

    String emoji() {
        return emoji;
    }

    Instant createdAt() {
        return createdAt;
    }
}
