package dev.toolocr.platform.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.audit.AuditQueries;
import dev.toolocr.platform.audit.AuditRecord;
import dev.toolocr.platform.persistence.ExternalDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit table and the event publication registry on PostgreSQL and MariaDB, created by the
 * modules' own migrations under a fresh prefix: events recorded in and out of transactions are
 * written, and an accepted event left behind by a dead process is written once when handed over.
 */
class AuditAcrossDatabasesIT {

    @TempDir
    Path keys;

    @Test
    void recordsAndRecoversOnPostgres() {
        try (ExternalDatabases.Scratch db = ExternalDatabases.postgres()) {
            recordsAndRecovers(db.jdbcUrl());
        }
    }

    @Test
    void recordsAndRecoversOnMariaDb() {
        try (ExternalDatabases.Scratch db = ExternalDatabases.mariadb()) {
            recordsAndRecovers(db.jdbcUrl());
        }
    }

    private void recordsAndRecovers(String url) {
        String prefix = "au" + UUID.randomUUID().toString().substring(0, 6) + "_";
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(AuditLogTest.AuditHost.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--platform.database.url=" + url,
                        "--platform.database.embedded-url=jdbc:h2:mem:unused",
                        "--platform.database.table-prefix=" + prefix,
                        "--platform.auth.key-dir=" + keys,
                        "--platform.auth.local.bootstrap-admin-password=Audit-admin-pw-1")) {
            AuditLog audit = app.getBean(AuditLog.class);
            AuditQueries queries = app.getBean(AuditQueries.class);
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);

            tx.executeWithoutResult(status -> audit.record(event("task_create")));
            tx.executeWithoutResult(status -> {
                audit.record(event("task_delete"));
                status.setRollbackOnly();
            });
            audit.record(event("login_failure"));

            AuditRecorded orphan = new AuditRecorded(UUID.randomUUID().toString(), event("task_download"));
            tx.executeWithoutResult(status -> app.getBean(EventPublicationRegistry.class)
                    .store(orphan, Stream.of(PublicationTargetIdentifier.of(AuditWriter.LISTENER_ID))));
            app.getBean(IncompleteEventPublications.class).resubmitIncompletePublicationsOlderThan(Duration.ZERO);
            audit.flush();

            assertThat(queries.search(new AuditQueries.Filter(null, null, null, null, null, null), 0, 10)
                            .getContent())
                    .extracting(AuditQueries.Entry::eventType)
                    .containsExactlyInAnyOrder("task_create", "login_failure", "task_download");
            assertThat(app.getBean(JdbcTemplate.class)
                            .queryForObject("select count(*) from " + prefix + "event_publication", Integer.class))
                    .isZero();
        }
    }

    private static AuditRecord event(String type) {
        return new AuditRecord(Instant.now(), type, "success", null, "alice@example.com", null, null, null, Map.of());
    }
}
