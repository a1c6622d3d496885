package dev.toolocr.platform.audit;

import java.util.Map;

/**
 * Records audit events. An event recorded inside a transaction is kept if and only if that
 * transaction commits; outside one it is kept at once. A kept event is written even when the
 * process dies before writing it: it waits in the event publication registry until any process
 * hands it to the writer again.
 */
public interface AuditLog {

    void record(AuditRecord event);

    /**
     * Records an event that happens now, in the current request if there is one: the caller's
     * address and user agent (as the auth module resolves them) and the request id are added.
     */
    void recordNow(String eventType, String outcome, String userId, String userEmail, Map<String, String> details);

    /** Waits (a few seconds at most) until every committed event has been written; for shutdown and tests. */
    void flush();
}
