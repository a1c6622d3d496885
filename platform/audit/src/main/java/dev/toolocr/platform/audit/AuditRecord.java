package dev.toolocr.platform.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audit event as other modules hand it over. Details are short strings; they must never hold a
 * password, a token or file contents.
 */
public record AuditRecord(
        Instant occurredAt,
        String eventType,
        String outcome,
        String userId,
        String userEmail,
        String ipAddress,
        String userAgent,
        String requestId,
        Map<String, String> details) {

    public AuditRecord {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
