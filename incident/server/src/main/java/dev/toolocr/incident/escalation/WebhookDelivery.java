package dev.toolocr.incident.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The webhook call of one fired step; its state moves only through the repository's conditional updates. */
@Entity
@Table(name = "escalation_webhooks")
class WebhookDelivery {

    @Id
    private String id;

    private String stepId;
    private String payload;
    private String state;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant createdAt;
    private Instant settledAt;

    protected WebhookDelivery() {}

    WebhookDelivery(String id, String stepId, String payload, Instant now) {
        this.id = id;
        this.stepId = stepId;
        this.payload = payload;
        this.state = "pending";
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    String id() {
        return id;
    }

    String payload() {
        return payload;
    }

    String state() {
        return state;
    }

    int attempts() {
        return attempts;
    }

    String lastError() {
        return lastError;
    }
}
