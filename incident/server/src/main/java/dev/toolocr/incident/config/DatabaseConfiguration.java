package dev.toolocr.incident.config;

import dev.toolocr.platform.persistence.MigrationSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The incident app's own tables; they run after the platform's (order 0) because members name users. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    MigrationSet incidentMigrations() {
        return new MigrationSet("incident", "classpath:db/incident", "incident_schema_history", 100, null);
    }
}
