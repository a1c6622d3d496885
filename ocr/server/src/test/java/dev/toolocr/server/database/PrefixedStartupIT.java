package dev.toolocr.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.persistence.ExternalDatabases;
import dev.toolocr.server.ToolOcrApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started against an empty PostgreSQL or MariaDB database with
 * {@code DATABASE_TABLE_PREFIX=acme_ocr_} creates its tables, and only tables with that prefix.
 */
class PrefixedStartupIT {

    @Test
    void startupOnEmptyPostgresCreatesOnlyPrefixedTables() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.postgres()) {
            assertOnlyPrefixedTables(db.jdbcUrl(), "public");
        }
    }

    @Test
    void startupOnEmptyMariaDbCreatesOnlyPrefixedTables() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.mariadb()) {
            assertOnlyPrefixedTables(db.jdbcUrl(), null);
        }
    }

    private static void assertOnlyPrefixedTables(String jdbcUrl, String schema) throws Exception {
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(ToolOcrApplication.class)
                .web(WebApplicationType.NONE)
                .properties("DATABASE_URL=" + jdbcUrl, "DATABASE_TABLE_PREFIX=acme_ocr_")
                .run()) {
            List<String> tables = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(jdbcUrl);
                    ResultSet rs = c.getMetaData().getTables(c.getCatalog(), schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).isNotEmpty().allMatch(t -> t.startsWith("acme_ocr_"));
            assertThat(tables)
                    .contains(
                            "acme_ocr_flyway_schema_history",
                            "acme_ocr_auth_schema_history",
                            "acme_ocr_tasks",
                            "acme_ocr_users");
        }
    }
}
