package dev.toolocr.platform.persistence;

import java.util.Objects;

/**
 * One module's Flyway migrations. Each module owns its tables and its own history table, so modules
 * number their versions independently and a platform module can be released without knowing the
 * versions of the applications that host it. Sets run in ascending {@code order}; platform modules
 * use 0, an application's own set usually a positive number so that its tables may refer to the
 * platform's.
 *
 * @param module a short name, used in messages
 * @param location the classpath location, e.g. {@code classpath:db/platform-auth}; it must not
 *     contain another set's location, because Flyway searches locations recursively
 * @param historyTable the history table's name without the prefix
 * @param order when this set runs relative to the others
 * @param adoptTable a table (without the prefix) that, when it already exists while this set's history
 *     table does not, was created by a host before this module owned its schema: version 1 is then
 *     recorded as applied instead of run; null when there is nothing to adopt
 */
public record MigrationSet(String module, String location, String historyTable, int order, String adoptTable) {

    public MigrationSet {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(historyTable, "historyTable");
    }
}
