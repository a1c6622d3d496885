package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The database a Java migration runs on, from the connection itself. */
enum MigrationVendor {
    H2,
    POSTGRESQL,
    MYSQL;

    static MigrationVendor of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MYSQL;
        }
        if (product.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("Unsupported database for migrations: " + product);
    }
}
