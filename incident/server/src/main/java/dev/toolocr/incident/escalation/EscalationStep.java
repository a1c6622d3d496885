package dev.toolocr.incident.escalation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One armed step of a room's escalation. It leaves {@code armed} exactly once, through the repository's
 * conditional claim; {@link #drop} then records that the room no longer needed it.
 */
@Entity
@Table(name = "escalation_steps")
class EscalationStep {

    static final String ARMED = "armed";
    static final String FIRED = "fired";
    static final String DROPPED = "dropped";

    @Id
    private String id;

    private String roomId;
    private int stepNo;
    private int stepCount;
    private int afterMinutes;
    private String notifyEmails;
    private Instant dueAt;
    private String state;
    private Instant settledAt;

    protected EscalationStep() {}

    EscalationStep(String roomId, int stepNo, int stepCount, int afterMinutes, String notifyEmails, Instant dueAt) {
        this.id = UUID.randomUUID().toString();
        this.roomId = roomId;
        this.stepNo = stepNo;
        this.stepCount = stepCount;
        this.afterMinutes = afterMinutes;
        this.notifyEmails = notifyEmails;
        this.dueAt = dueAt;
        this.state = ARMED;
    }

    /** The claimed step found its room acknowledged (or gone): it is settled without firing. */
    void drop() {
        if (!FIRED.equals(state)) {
            throw new IllegalStateException("only a claimed step can be dropped, not a " + state + " one");
        }
        state = DROPPED;
    }

    String id() {
        return id;
    }

    String roomId() {
        return roomId;
    }

    int stepNo() {
        return stepNo;
    }

    int stepCount() {
        return stepCount;
    }

    int afterMinutes() {
        return afterMinutes;
    }

    String notifyEmails() {
        return notifyEmails;
    }

    Instant dueAt() {
        return dueAt;
    }

    String state() {
        return state;
    }
}
