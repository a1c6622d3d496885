package dev.toolocr.platform.events.internal;

import dev.toolocr.platform.events.EventsProperties;
import dev.toolocr.platform.persistence.MigrationSet;
import java.time.Duration;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.type.SqlTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The durable side of in-process events: Spring Modulith's event publication registry, so that an
 * event published in a committed transaction reaches its {@code @ApplicationModuleListener} even
 * when the process dies first.
 *
 * <p>The JPA registry rather than the JDBC one: the JDBC registry's table name is fixed, while the
 * JPA entity is named by the platform's naming strategy and so takes the table prefix like every
 * other table (several applications share one database). Its identifiers are stored as text so
 * that one migration fits H2, PostgreSQL and MariaDB.
 */
@AutoConfiguration(before = EventsAutoConfiguration.class)
public class PublicationRegistryAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PublicationRegistryAutoConfiguration.class);

    @Bean
    MigrationSet eventPublicationMigrations() {
        return new MigrationSet("platform-events", "classpath:db/platform-events", "events_schema_history", 0, null);
    }

    @Bean
    HibernatePropertiesCustomizer uuidAsText() {
        return properties -> properties.putIfAbsent(AvailableSettings.PREFERRED_UUID_JDBC_TYPE, SqlTypes.CHAR);
    }

    @Bean
    StalePublicationResubmission stalePublicationResubmission(
            IncompleteEventPublications incomplete, EventsProperties properties) {
        return new StalePublicationResubmission(incomplete, properties.resubmitAfter());
    }

    /**
     * Hands events that were accepted but not handled (a crash, a failed listener, a restart) to their
     * listeners again. Any process may do it; listeners are written to be idempotent for that reason.
     */
    static final class StalePublicationResubmission {

        private final IncompleteEventPublications incomplete;
        private final Duration after;

        StalePublicationResubmission(IncompleteEventPublications incomplete, Duration after) {
            this.incomplete = incomplete;
            this.after = after;
        }

        @Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT30S")
        void resubmit() {
            try {
                incomplete.resubmitIncompletePublicationsOlderThan(after);
            } catch (RuntimeException e) {
                log.warn("Could not resubmit incomplete event publications: {}", e.getMessage());
            }
        }
    }
}
