package dev.toolocr.platform.persistence;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies every module's migrations, in order, each with its own history table and the same
 * placeholders: {@code ${prefix}} (the table prefix) and {@code ${timestamp}} (the vendor's
 * microsecond timestamp type). The single place that parameterises Flyway, shared by start-up and
 * by the tests that run migrations against real databases.
 */
public final class ModuleMigrations {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

    private ModuleMigrations() {}

    /** Runs the sets in their order; stops at the first failure. */
    public static void migrate(
            DataSource dataSource, String prefix, DatabaseTarget.Vendor vendor, List<MigrationSet> sets) {
        for (MigrationSet set : sets.stream()
                .sorted(Comparator.comparingInt(MigrationSet::order))
                .toList()) {
            Flyway flyway = configure(Flyway.configure().dataSource(dataSource), prefix, vendor, set)
                    .load();
            if (set.adoptTable() != null
                    && !tableExists(dataSource, prefix + set.historyTable())
                    && tableExists(dataSource, prefix + set.adoptTable())) {
                log.info(
                        "Adopting the {} tables that an earlier release created: recording {} version 1 as applied",
                        set.module(),
                        set.module());
                configure(Flyway.configure().dataSource(dataSource), prefix, vendor, set)
                        .baselineVersion("1")
                        .baselineDescription("adopted " + prefix + set.adoptTable() + " and its companions")
                        .load()
                        .baseline();
            }
            flyway.migrate();
        }
    }

    public static FluentConfiguration configure(
            FluentConfiguration flyway, String prefix, DatabaseTarget.Vendor vendor, MigrationSet set) {
        return flyway.locations(set.location())
                .table(prefix + set.historyTable())
                .placeholders(Map.of("prefix", prefix, "timestamp", vendor.timestampType()))
                .placeholderReplacement(true)
                // Other modules' tables share the schema, which Flyway refuses to migrate without a
                // baseline; a baseline at version 0 lets a module's first migration (V1) still run.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .validateMigrationNaming(true);
    }

    private static boolean tableExists(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            // Unquoted names are upper case in H2, lower case in PostgreSQL, as written in MariaDB.
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
                try (ResultSet rs = meta.getTables(c.getCatalog(), null, name, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the database's tables: " + e.getMessage(), e);
        }
    }
}
