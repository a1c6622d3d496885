package dev.toolocr.platform.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.audit.AuditRecord;
import io.micrometer.core.instrument.Counter;
import java.util.TreeMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes accepted audit events into the table, after their transaction committed. A failure leaves
 * the publication incomplete, and the platform hands it over again later; an event already written
 * (same id) is not written twice.
 */
class AuditWriter {

    /** Stable, so that publications stored by an older build still find their listener. */
    static final String LISTENER_ID = "platform-audit.writer";

    private final AuditRepository repository;
    private final ObjectMapper json;
    private final Counter written;

    AuditWriter(AuditRepository repository, ObjectMapper json, Counter written) {
        this.repository = repository;
        this.json = json;
        this.written = written;
    }

    /**
     * An application module listener but for its transaction: each repository call commits on its
     * own, so that losing a race with another process writing the same event (a duplicate id) can
     * be recognised and counted as done instead of failing the publication.
     */
    @Async
    @TransactionalEventListener(id = LISTENER_ID)
    void on(AuditRecorded event) {
        if (repository.existsById(event.id())) {
            return;
        }
        try {
            repository.saveAndFlush(new AuditEntry(event.id(), event.record(), detailsJson(event.record())));
            written.increment();
        } catch (DataIntegrityViolationException e) {
            if (!repository.existsById(event.id())) {
                throw e;
            }
        }
    }

    private String detailsJson(AuditRecord r) {
        if (r.details().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(new TreeMap<>(r.details()));
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
