package dev.toolocr.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.persistence.DatabaseTarget;
import dev.toolocr.platform.persistence.ExternalDatabases;
import dev.toolocr.platform.persistence.MigrationSet;
import dev.toolocr.platform.persistence.ModuleMigrations;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Applies the real migrations, exactly as start-up configures them, to H2, PostgreSQL and MariaDB with
 * a non-default prefix, and requires the three schemas to agree table for table, column for column.
 */
class MigrationsAcrossDatabasesIT {

    private static final String PREFIX = "acme_ocr_";
    private static final MigrationSet AUTH_MIGRATIONS =
            new MigrationSet("platform-auth", "classpath:db/platform-auth", "auth_schema_history", 0, "users");
    private static final MigrationSet AUDIT_MIGRATIONS =
            new MigrationSet("platform-audit", "classpath:db/platform-audit", "audit_schema_history", 0, "audit_logs");
    private static final MigrationSet EVENT_MIGRATIONS =
            new MigrationSet("platform-events", "classpath:db/platform-events", "events_schema_history", 0, null);

    @Test
    void sameTablesAndColumnsOnH2PostgresAndMariaDb() throws SQLException {
        Map<String, Set<String>> h2 = migrateAndDescribe("jdbc:h2:mem:migrations;DB_CLOSE_DELAY=-1", null);
        Map<String, Set<String>> postgres;
        try (ExternalDatabases.Scratch db = ExternalDatabases.postgres()) {
            postgres = migrateAndDescribe(db.jdbcUrl(), "public");
        }
        Map<String, Set<String>> mariadb;
        try (ExternalDatabases.Scratch db = ExternalDatabases.mariadb()) {
            mariadb = migrateAndDescribe(db.jdbcUrl(), null);
        }

        assertThat(h2.keySet())
                .containsExactlyInAnyOrder(
                        "acme_ocr_flyway_schema_history",
                        "acme_ocr_auth_schema_history",
                        "acme_ocr_login_attempts",
                        "acme_ocr_users",
                        "acme_ocr_sessions",
                        "acme_ocr_tasks",
                        "acme_ocr_task_files",
                        "acme_ocr_audit_logs",
                        "acme_ocr_audit_schema_history",
                        "acme_ocr_event_publication",
                        "acme_ocr_events_schema_history");
        assertThat(postgres).isEqualTo(h2);
        assertThat(mariadb).isEqualTo(h2);
        System.out.printf(
                "Migrations compared: %d tables, %d columns on each of H2, PostgreSQL and MariaDB%n",
                h2.size(), h2.values().stream().mapToInt(Set::size).sum());
    }

    /** Table name → "column:nullability" for every table in the database the URL points at. */
    private static Map<String, Set<String>> migrateAndDescribe(String url, String schema) throws SQLException {
        DatabaseTarget target = DatabaseTarget.parse(url, "", "");
        // The sets the application runs: its own, then auth's and audit's (which adopt the users,
        // sessions and audit tables the application's first migrations created), then the events'.
        ModuleMigrations.migrate(
                new SimpleDriverDataSource(DriverManager.getDriver(url), url),
                PREFIX,
                target.vendor(),
                List.of(
                        DatabaseConfiguration.TOOL_OCR_MIGRATIONS,
                        AUTH_MIGRATIONS,
                        AUDIT_MIGRATIONS,
                        EVENT_MIGRATIONS));

        Map<String, Set<String>> tables = new TreeMap<>();
        Map<String, String> actualNames = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url)) {
            DatabaseMetaData meta = c.getMetaData();
            String catalog = target.vendor() == DatabaseTarget.Vendor.MYSQL ? c.getCatalog() : null;
            String schemaPattern = target.vendor() == DatabaseTarget.Vendor.H2 ? "PUBLIC" : schema;
            try (ResultSet rs = meta.getTables(catalog, schemaPattern, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String actual = rs.getString("TABLE_NAME");
                    tables.put(actual.toLowerCase(Locale.ROOT), new TreeSet<>());
                    actualNames.put(actual.toLowerCase(Locale.ROOT), actual);
                }
            }
            for (String table : tables.keySet()) {
                try (ResultSet rs = meta.getColumns(catalog, schemaPattern, actualNames.get(table), "%")) {
                    while (rs.next()) {
                        tables.get(table)
                                .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + ":"
                                        + rs.getString("IS_NULLABLE"));
                    }
                }
            }
        }
        return tables;
    }
}
