package dev.toolocr.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"platform.database.embedded-url=jdbc:h2:mem:audit-log", "tool-ocr.audit.queue-capacity=10"})
class AuditLogTest {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditRepository repository;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void clean() {
        auditLog.flush();
        repository.deleteAll();
    }

    @Test
    void writesEventWithItsContextAndDetails() {
        auditLog.record(event("login_success", Map.of("provider", "local")));
        auditLog.flush();

        assertThat(repository.findAll()).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("login_success");
            assertThat(e.ipAddress()).isEqualTo("203.0.113.9");
            assertThat(e.userAgent()).isEqualTo("curl/8");
            assertThat(e.requestId()).isEqualTo("req-1");
            assertThat(e.details()).isEqualTo("{\"provider\":\"local\"}");
        });
    }

    @Test
    void eventOfARolledBackTransactionIsNeverWritten() {
        tx.executeWithoutResult(status -> {
            auditLog.record(event("task_delete", Map.of()));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> auditLog.record(event("task_create", Map.of())));
        auditLog.flush();

        assertThat(repository.findAll()).extracting(AuditEntry::eventType).containsExactly("task_create");
    }

    @Test
    void overflowIsCountedNotSilent() throws Exception {
        // Stop the writer so the queue fills deterministically.
        auditLog.stop();
        try {
            double before = meters.counter("tool_ocr_audit_overflow").count();
            for (int i = 0; i < 15; i++) {
                auditLog.record(event("task_download", Map.of()));
            }
            assertThat(meters.counter("tool_ocr_audit_overflow").count() - before)
                    .isEqualTo(5.0);
            auditLog.flush();
            assertThat(repository.count()).isEqualTo(10);
        } finally {
            auditLog.start();
        }
    }

    @Test
    void retentionPurgesOnlyEntriesOlderThanTheConfiguredDays() {
        auditLog.record(event("login_success", Map.of()));
        auditLog.record(new AuditRecord(
                Instant.now().minus(java.time.Duration.ofDays(400)),
                "login_success",
                "success",
                null,
                "old@example.com",
                null,
                null,
                null,
                Map.of()));
        auditLog.record(new AuditRecord(
                Instant.now().minus(java.time.Duration.ofDays(10)),
                "logout",
                "success",
                null,
                null,
                null,
                null,
                null,
                Map.of()));
        auditLog.flush();

        auditLog.purgeExpired();

        assertThat(repository.findAll()).extracting(AuditEntry::userEmail).doesNotContain("old@example.com");
        assertThat(repository.findAll()).extracting(AuditEntry::eventType).contains("logout");
    }

    private static AuditRecord event(String type, Map<String, String> details) {
        return new AuditRecord(
                Instant.parse("2026-11-22T10:00:00Z"),
                type,
                "success",
                "7f1c3c1e-3b6f-4a39-9d2a-2a4cbb1f9b11",
                "alice@example.com",
                "203.0.113.9",
                "curl/8",
                "req-1",
                details);
    }
}
