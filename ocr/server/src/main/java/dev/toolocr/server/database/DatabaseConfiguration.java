package dev.toolocr.server.database;

import dev.toolocr.platform.persistence.MigrationSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tool_OCR's own tables (tasks, task files, audit); the connection and prefix are the platform's. */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /**
     * Runs before the platform modules' sets: its first migrations also created the users and sessions
     * tables, before the auth module owned them (auth adopts them), and tasks refer to users.
     */
    public static final MigrationSet TOOL_OCR_MIGRATIONS =
            new MigrationSet("tool-ocr", "classpath:db/migration", "flyway_schema_history", -100, null);

    @Bean
    MigrationSet toolOcrMigrations() {
        return TOOL_OCR_MIGRATIONS;
    }
}
