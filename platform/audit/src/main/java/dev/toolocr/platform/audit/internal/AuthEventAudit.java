package dev.toolocr.platform.audit.internal;

import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.audit.AuditRecord;
import dev.toolocr.platform.auth.AuthEvent;
import dev.toolocr.platform.auth.ClientAddresses;
import dev.toolocr.platform.auth.ClientInfo;
import dev.toolocr.platform.web.RequestIdFilter;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;

/** Every sign-in event of the auth module becomes an audit entry with the caller's address. */
class AuthEventAudit {

    private final AuditLog audit;
    private final ClientAddresses clients;

    AuthEventAudit(AuditLog audit, ClientAddresses clients) {
        this.audit = audit;
        this.clients = clients;
    }

    @EventListener
    void onAuth(AuthEvent e) {
        ClientInfo client = e.ipAddress() != null
                ? new ClientInfo(e.ipAddress(), e.userAgent())
                : PersistentAuditLog.currentClient(clients);
        audit.record(new AuditRecord(
                e.occurredAt(),
                e.type(),
                e.outcome(),
                e.userId(),
                e.email(),
                client.ipAddress(),
                client.userAgent(),
                MDC.get(RequestIdFilter.MDC_KEY),
                e.details()));
    }
}
