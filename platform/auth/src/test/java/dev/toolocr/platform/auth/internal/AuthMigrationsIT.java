package dev.toolocr.platform.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.persistence.DatabaseTarget;
import dev.toolocr.platform.persistence.ExternalDatabases;
import dev.toolocr.platform.persistence.ModuleMigrations;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** auth's own migrations, alone (no host's), create its tables on every database under any prefix. */
class AuthMigrationsIT {

    private static final Set<String> SESSION_COLUMNS = Set.of(
            "id",
            "user_id",
            "refresh_token_hash",
            "previous_refresh_token_hash",
            "refreshed_at",
            "refresh_count",
            "created_at",
            "last_access_at",
            "expires_at",
            "revoked_at",
            "revoked_reason",
            "ip_address",
            "user_agent",
            "external_access_token_enc",
            "external_id_token_enc",
            "external_token_expires_at",
            "stored_credential_enc",
            "reauth_failures",
            "version",
            "refresh_conflict_until");

    @Test
    void createsUsersAndSessionsOnH2WithAnyPrefix() throws SQLException {
        String url = "jdbc:h2:mem:auth-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        assertAuthTablesOnly(url, randomPrefix());
    }

    @Test
    void createsUsersAndSessionsOnPostgres() throws SQLException {
        try (ExternalDatabases.Scratch db = ExternalDatabases.postgres()) {
            assertAuthTablesOnly(db.jdbcUrl(), randomPrefix());
        }
    }

    @Test
    void createsUsersAndSessionsOnMariaDb() throws SQLException {
        try (ExternalDatabases.Scratch db = ExternalDatabases.mariadb()) {
            assertAuthTablesOnly(db.jdbcUrl(), randomPrefix());
        }
    }

    private static void assertAuthTablesOnly(String url, String prefix) throws SQLException {
        DatabaseTarget target = DatabaseTarget.parse(url, "", "");
        ModuleMigrations.migrate(
                new SimpleDriverDataSource(DriverManager.getDriver(url), url),
                prefix,
                target.vendor(),
                List.of(new AuthAutoConfiguration().authMigrations()));

        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(tables(c))
                    .containsExactlyInAnyOrder(
                            prefix + "auth_schema_history",
                            prefix + "users",
                            prefix + "sessions",
                            prefix + "login_attempts");
            assertThat(columns(c, prefix + "sessions")).isEqualTo(SESSION_COLUMNS);
            assertThat(columns(c, prefix + "users")).contains("email", "provider", "password_hash", "is_active");
        }
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (schema == null || schema.equalsIgnoreCase("public")) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> names = new TreeSet<>();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, name, "%")) {
                while (rs.next()) {
                    names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static String randomPrefix() {
        return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    }
}
