package dev.toolocr.platform.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.audit.AuditRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "platform.database.embedded-url=jdbc:h2:mem:audit-log;DB_CLOSE_DELAY=-1",
            "platform.database.table-prefix=demo_",
            "platform.auth.local.bootstrap-admin-password=Audit-admin-pw-1"
        })
class AuditLogTest {

    @SpringBootApplication
    static class AuditHost {}

    @TempDir
    static Path keys;

    @DynamicPropertySource
    static void keyDir(DynamicPropertyRegistry registry) {
        registry.add("platform.auth.key-dir", () -> keys.toString());
    }

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditRepository repository;

    @Autowired
    AuditRetention retention;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    EventPublicationRegistry registry;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    JdbcTemplate jdbc;

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
        assertThat(unhandledPublications()).isZero();
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
    void eventsOutsideATransactionAndInsideAReadOnlyOneAreWritten() {
        auditLog.record(event("login_failure", Map.of()));
        TransactionTemplate readOnly = new TransactionTemplate(tx.getTransactionManager());
        readOnly.setReadOnly(true);
        readOnly.executeWithoutResult(status -> auditLog.record(event("task_download", Map.of())));
        auditLog.flush();

        assertThat(repository.findAll())
                .extracting(AuditEntry::eventType)
                .containsExactlyInAnyOrder("login_failure", "task_download");
    }

    @Test
    void anAcceptedEventWhoseProcessDiedIsWrittenOnceWhenHandedOverAgain() {
        // What a process that died between the commit and the write leaves behind: the
        // publication, stored in the committed transaction, and no entry.
        AuditRecorded accepted = new AuditRecorded(UUID.randomUUID().toString(), event("task_delete", Map.of()));
        TransactionTemplate committed = new TransactionTemplate(tx.getTransactionManager());
        committed.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        for (int copy = 0; copy < 2; copy++) {
            committed.executeWithoutResult(status ->
                    registry.store(accepted, Stream.of(PublicationTargetIdentifier.of(AuditWriter.LISTENER_ID))));
        }
        assertThat(repository.count()).isZero();
        assertThat(unhandledPublications()).isEqualTo(2);

        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        auditLog.flush();

        assertThat(repository.findAll()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(accepted.id());
            assertThat(e.eventType()).isEqualTo("task_delete");
        });
        assertThat(unhandledPublications()).isZero();
    }

    @Test
    void retentionPurgesOnlyEntriesOlderThanTheConfiguredDays() {
        auditLog.record(event("login_success", Map.of()));
        auditLog.record(new AuditRecord(
                Instant.now().minus(Duration.ofDays(400)),
                "login_success",
                "success",
                null,
                "old@example.com",
                null,
                null,
                null,
                Map.of()));
        auditLog.record(new AuditRecord(
                Instant.now().minus(Duration.ofDays(10)), "logout", "success", null, null, null, null, null, Map.of()));
        auditLog.flush();

        retention.purgeExpired();

        assertThat(repository.findAll()).extracting(AuditEntry::userEmail).doesNotContain("old@example.com");
        assertThat(repository.findAll()).extracting(AuditEntry::eventType).contains("logout");
    }

    private int unhandledPublications() {
        return jdbc.queryForObject(
                "select count(*) from demo_event_publication where completion_date is null", Integer.class);
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
