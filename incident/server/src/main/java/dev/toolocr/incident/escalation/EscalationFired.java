package dev.toolocr.incident.escalation;

import java.time.Instant;
import java.util.List;

/**
 * A step of a room's escalation fired (published in the firing transaction, for the audit log).
 *
 * @param notifiedUserIds the people told on their notification queue: those named who have signed in
 *     once and may read the room
 */
public record EscalationFired(
        String roomId,
        int step,
        int steps,
        int afterMinutes,
        List<String> notifyEmails,
        List<String> notifiedUserIds,
        long seq,
        Instant firedAt) {}
