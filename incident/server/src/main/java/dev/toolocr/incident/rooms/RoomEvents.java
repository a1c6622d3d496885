package dev.toolocr.incident.rooms;

import java.time.Instant;
import java.util.Map;

/** What the rooms feature tells the rest of the app, published inside the writing transaction. */
public final class RoomEvents {

    private RoomEvents() {}

    /**
     * A room was reported, published inside the creating transaction once its members and first
     * messages exist: a listener that writes (the escalation arming a template's steps) commits or
     * rolls back with the room.
     */
    public record Created(String roomId, String templateId, String createdBy, Instant reportedAt) {}

    /** A durable event with its seq; {@code json} is the exact frame the events feed returns. */
    public record Recorded(String roomId, long seq, String type, String json) {}

    /** Something for one person's notification queue (a mention, being added to a room). */
    public record UserNotified(String userId, Map<String, Object> notification) {}

    /** A person lost read access to a room; their live subscriptions to it must end. */
    public record AccessRevoked(String roomId, String email) {}
}
