package dev.toolocr.platform.audit.internal;

import dev.toolocr.platform.audit.AuditRecord;
import dev.toolocr.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A stored audit event. Append-only: no method changes an entry once written. Always new when
 * saved (its id comes with the event), so saving inserts without first reading the row back.
 */
@Entity
@Table(name = "audit_logs")
class AuditEntry extends AssignedIdEntity {

    static final int MAX_USER_AGENT = 512;

    @Id
    private String id;

    private Instant occurredAt;
    private String userId;
    private String userEmail;
    private String eventType;
    private String outcome;
    private String ipAddress;
    private String userAgent;
    private String requestId;
    private String details;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(String id, AuditRecord r, String detailsJson) {
        this.id = id;
        this.occurredAt = r.occurredAt();
        this.userId = r.userId();
        this.userEmail = truncate(r.userEmail(), 320);
        this.eventType = truncate(r.eventType(), 64);
        this.outcome = truncate(r.outcome(), 16);
        this.ipAddress = truncate(r.ipAddress(), 45);
        this.userAgent = truncate(r.userAgent(), MAX_USER_AGENT);
        this.requestId = truncate(r.requestId(), 64);
        this.details = detailsJson;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    String id() {
        return id;
    }

    @Override
    public String getId() {
        return id;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String userId() {
        return userId;
    }

    String userEmail() {
        return userEmail;
    }

    String eventType() {
        return eventType;
    }

    String outcome() {
        return outcome;
    }

    String ipAddress() {
        return ipAddress;
    }

    String userAgent() {
        return userAgent;
    }

    String requestId() {
        return requestId;
    }

    String details() {
        return details;
    }
}
