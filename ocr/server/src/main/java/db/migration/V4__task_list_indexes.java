package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes for the task list's seek pagination and filters, and a trigram index for the file-name
 * search on PostgreSQL. Java rather than SQL because index syntax differs by vendor (MariaDB's
 * {@code DROP INDEX ... ON}, PostgreSQL's GIN) and the trigram index depends on an extension the
 * server may not offer.
 */
public class V4__task_list_indexes extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V4__task_list_indexes.class);

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String p = context.getConfiguration().getPlaceholders().get("prefix");
        MigrationVendor vendor = MigrationVendor.of(c);
        try (Statement s = c.createStatement()) {
            // Each sort ends with the task id, so a page boundary is one exact position in the index.
            s.execute("CREATE INDEX " + p + "ix_tasks_seek_created ON " + p + "tasks (user_id, created_at, task_id)");
            s.execute("CREATE INDEX " + p + "ix_tasks_seek_status ON " + p
                    + "tasks (user_id, status, created_at, task_id)");
            s.execute("CREATE INDEX " + p + "ix_tasks_seek_updated ON " + p + "tasks (user_id, updated_at, task_id)");
            s.execute(
                    "CREATE INDEX " + p + "ix_tasks_seek_completed ON " + p + "tasks (user_id, completed_at, task_id)");
            s.execute("CREATE INDEX " + p + "ix_tasks_seek_filename ON " + p + "tasks (user_id, filename, task_id)");
            // Dropped after the new ones exist: MariaDB keeps an index on user_id for the foreign key.
            for (String old :
                    new String[] {"ix_tasks_user_created", "ix_tasks_user_status", "ix_tasks_user_filename"}) {
                s.execute(
                        vendor == MigrationVendor.MYSQL
                                ? "DROP INDEX " + p + old + " ON " + p + "tasks"
                                : "DROP INDEX " + p + old);
            }
        }
        if (vendor == MigrationVendor.POSTGRESQL) {
            trigramIndex(c, p);
        }
    }

    /**
     * "Contains" searches use a GIN trigram index when pg_trgm can be had; with btree_gin the owner is
     * part of the same index, so one index scan finds one user's matches. pg_trgm and btree_gin are
     * trusted extensions (PostgreSQL 13+): a database owner may create them without being superuser.
     * Without them the search still answers correctly, from the (user_id, filename) index.
     */
    private static void trigramIndex(Connection c, String p) throws SQLException {
        boolean trigrams = createExtension(c, "pg_trgm");
        if (!trigrams) {
            log.warn("pg_trgm is not available to this database user: file-name search reads the user's rows"
                    + " (see docs/performance.md to add the index later)");
            return;
        }
        boolean withOwner = createExtension(c, "btree_gin");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX " + p + "ix_tasks_filename_trgm ON " + p + "tasks USING gin ("
                    + (withOwner ? "user_id, " : "") + "lower(filename) gin_trgm_ops)");
        }
    }

    private static boolean createExtension(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM pg_available_extensions WHERE name = '" + name + "'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return false;
            }
        }
        // A refusal (no privilege) must not abort the migration's transaction.
        Savepoint before = c.setSavepoint();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS " + name);
            c.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            c.rollback(before);
            log.warn("Could not create the {} extension: {}", name, e.getMessage());
            return false;
        }
    }
}
