package dev.toolocr.platform.audit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.audit.AuditLog;
import dev.toolocr.platform.audit.AuditProperties;
import dev.toolocr.platform.audit.AuditQueries;
import dev.toolocr.platform.auth.ClientAddresses;
import dev.toolocr.platform.persistence.MigrationSet;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the audit log into any application on the platform: its table (own migrations under the
 * host's prefix; adopted where Tool_OCR created it before the module existed), the durable writer,
 * sign-in and administrator-access entries, retention, and the admin API.
 */
@AutoConfiguration
@AutoConfigurationPackage
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    @Bean
    MigrationSet auditMigrations() {
        return new MigrationSet(
                "platform-audit", "classpath:db/platform-audit", "audit_schema_history", 0, "audit_logs");
    }

    @Bean
    AuditLog auditLog(
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            EventPublicationRegistry registry,
            AuditProperties properties,
            ObjectProvider<MeterRegistry> meters,
            ClientAddresses clients,
            Clock clock) {
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        Counter lost = Counter.builder(properties.metricPrefix() + "_audit_lost")
                .description("Audit events that could not be recorded")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        return new PersistentAuditLog(events, own, registry, lost, clients, clock);
    }

    @Bean
    AuditWriter auditWriter(
            AuditRepository repository,
            ObjectMapper json,
            AuditProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        Counter written = Counter.builder(properties.metricPrefix() + "_audit_written")
                .description("Audit events written")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        return new AuditWriter(repository, json, written);
    }

    @Bean
    AuditQueries auditQueries(AuditRepository repository, ObjectMapper json, Clock clock) {
        return new JpaAuditQueries(repository, json, clock);
    }

    @Bean
    AuditRetention auditRetention(AuditRepository repository, Clock clock, AuditProperties properties) {
        return new AuditRetention(repository, clock, properties.retentionDays());
    }

    @Bean
    AuthEventAudit authEventAudit(AuditLog audit, ClientAddresses clients) {
        return new AuthEventAudit(audit, clients);
    }

    /** The parts that need a servlet container: the admin API and the auditing of admin requests. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(AuditController.class)
    static class Web {

        @Bean
        AdminAccessAudit adminAccessAudit(AuditLog audit, AuditProperties properties) {
            return new AdminAccessAudit(audit, properties.adminPaths());
        }
    }
}
