package dev.toolocr.incident.export;

import java.time.Instant;

/** Someone exported a room's record (the audit log listens). */
public record RoomExported(String roomId, String userId, String userEmail, String format, Instant at) {}
