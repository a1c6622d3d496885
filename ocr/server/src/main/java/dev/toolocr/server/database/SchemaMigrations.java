package dev.toolocr.server.database;

import java.util.Map;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The single place that tells Flyway how our migrations are parameterised, shared by start-up and by
 * the cross-database migration test so that both apply exactly the same thing.
 */
public final class SchemaMigrations {

    public static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {}

    public static FluentConfiguration configure(
            FluentConfiguration flyway, String tablePrefix, DatabaseTarget.Vendor vendor) {
        return flyway.locations(LOCATION)
                .table(tablePrefix + "flyway_schema_history")
                .placeholders(Map.of("prefix", tablePrefix, "timestamp", vendor.timestampType()))
                .placeholderReplacement(true);
    }
}
