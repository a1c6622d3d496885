package dev.toolocr.platform.audit.internal;

import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.audit.AuditRecord;
import dev.toolocr.platform.auth.ClientAddresses;
import dev.toolocr.platform.auth.ClientInfo;
import dev.toolocr.platform.web.RequestIdFilter;
import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records an event by publishing it: the event publication registry stores it in the caller's
 * transaction, and {@link AuditWriter} writes it after the commit, on another thread, so the request
 * neither waits for nor fails on the audit table. With no writable transaction to join (sign-in
 * events, read-only requests) the event is stored in a short transaction of its own.
 */
final class PersistentAuditLog implements AuditLog {

    private static final Logger log = LoggerFactory.getLogger(PersistentAuditLog.class);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final EventPublicationRegistry registry;
    private final Counter lost;
    private final ClientAddresses clients;
    private final Clock clock;

    PersistentAuditLog(
            ApplicationEventPublisher events,
            TransactionTemplate ownTransaction,
            EventPublicationRegistry registry,
            Counter lost,
            ClientAddresses clients,
            Clock clock) {
        this.events = events;
        this.ownTransaction = ownTransaction;
        this.registry = registry;
        this.lost = lost;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public void recordNow(
            String eventType, String outcome, String userId, String userEmail, Map<String, String> details) {
        ClientInfo client = currentClient(clients);
        record(new AuditRecord(
                clock.instant(),
                eventType,
                outcome,
                userId,
                userEmail,
                client.ipAddress(),
                client.userAgent(),
                MDC.get(RequestIdFilter.MDC_KEY),
                details));
    }

    /** The caller of the current HTTP request, or nothing when the event comes from another thread. */
    static ClientInfo currentClient(ClientAddresses clients) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return clients.resolve(attributes.getRequest());
        }
        return new ClientInfo(null, null);
    }

    @Override
    public void record(AuditRecord event) {
        AuditRecorded recorded = new AuditRecorded(UUID.randomUUID().toString(), event);
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            events.publishEvent(recorded);
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> events.publishEvent(recorded));
        } catch (RuntimeException e) {
            // The action it describes has already happened; say loudly that its trace is missing.
            lost.increment();
            log.error(
                    "Could not record audit event {} outcome {} for user {}: {}",
                    event.eventType(),
                    event.outcome(),
                    event.userId(),
                    e.getMessage());
        }
    }

    @Override
    public void flush() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && hasUnwritten()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean hasUnwritten() {
        return registry.findIncompletePublications().stream()
                .anyMatch(p ->
                        AuditWriter.LISTENER_ID.equals(p.getTargetIdentifier().getValue()));
    }
}
