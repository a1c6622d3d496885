package dev.toolocr.server.tasks;

import java.util.Locale;

/** The life of a task: pending → queued → processing → completed | failed | cancelled. */
public enum TaskStatus {
    PENDING,
    QUEUED,
    PROCESSING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaskStatus fromWire(String value) {
        for (TaskStatus status : values()) {
            if (status.wire().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown task status");
    }

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
