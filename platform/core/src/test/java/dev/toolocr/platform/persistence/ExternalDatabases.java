package dev.toolocr.platform.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Throw-away databases on the local PostgreSQL and MariaDB servers. When a server is unreachable the
 * test is skipped with a visible notice on a laptop, but fails under {@code CI=true}: CI must prove
 * the migrations on every database, never quietly skip them.
 */
public final class ExternalDatabases {

    public static final String POSTGRES_ADMIN_URL =
            System.getProperty("toolocr.it.postgres", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    public static final String MARIADB_ADMIN_URL =
            System.getProperty("toolocr.it.mariadb", "jdbc:mariadb://127.0.0.1:3306/test?user=root");

    private ExternalDatabases() {}

    /** A fresh, empty database; the returned handle drops it on close. */
    public static Scratch postgres() {
        String name = scratchName();
        execute(POSTGRES_ADMIN_URL, "PostgreSQL", "CREATE DATABASE " + name);
        String url = POSTGRES_ADMIN_URL.replace("/test?", "/" + name + "?");
        return new Scratch(
                url,
                () -> execute(POSTGRES_ADMIN_URL, "PostgreSQL", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    public static Scratch mariadb() {
        String name = scratchName();
        execute(
                MARIADB_ADMIN_URL,
                "MariaDB",
                "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        String url = MARIADB_ADMIN_URL.replace("/test?", "/" + name + "?");
        return new Scratch(url, () -> execute(MARIADB_ADMIN_URL, "MariaDB", "DROP DATABASE IF EXISTS " + name));
    }

    public record Scratch(String jdbcUrl, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
    }

    private static String scratchName() {
        return "toolocr_it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    }

    private static void execute(String url, String product, String sql) {
        try (Connection c = connect(url, product);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(product + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url, String product) throws SQLException {
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            String reason = product + " is not reachable at " + url + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true and " + reason + "; start it with the commands in the README (section Tests).");
            }
            System.err.println("NOTICE: skipping " + product + " integration test: " + reason);
            Assumptions.abort(reason);
            throw e;
        }
    }
}
