package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Counters that the task and admin statistics read instead of aggregating the task table:
 * <ul>
 *   <li>{@code task_counters}: per user and status, the tasks, and for completed ones their pages,
 *       summed processing time and how many carry a time;
 *   <li>{@code task_days}: per user and UTC creation day, tasks and completed pages (the admin
 *       series and the leaderboard);
 *   <li>{@code task_time_buckets}: per user, completed tasks by processing-time bucket (the p95);
 *   <li>{@code task_storage}: per user, bytes of kept uploads and results.
 * </ul>
 * Triggers keep them in step with every insert, update and delete of a task or task file, in the
 * same transaction, whichever code path (or hand-written SQL) made the change. Existing rows are
 * counted once here.
 */
public class V5__task_counters extends BaseJavaMigration {

    /** Processing-time bucket bounds (ms); longer times fall in the last, open bucket. */
    static final long[] BOUNDS = {
        250, 500, 1000, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 60000, 120000, 300000, 900000
    };

    static final long OPEN_BUCKET = Long.MAX_VALUE;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        String p = context.getConfiguration().getPlaceholders().get("prefix");
        MigrationVendor vendor = MigrationVendor.of(c);
        try (Statement s = c.createStatement()) {
            for (String sql : tables(p)) {
                s.execute(sql);
            }
            for (String sql : population(p)) {
                s.execute(sql);
            }
            String[] triggers = switch (vendor) {
                case POSTGRESQL -> postgresTriggers(p);
                case MYSQL -> mariaDbTriggers(p);
                case H2 -> h2Triggers(p);
            };
            for (String sql : triggers) {
                s.execute(sql);
            }
        }
    }

    private static String[] tables(String p) {
        return new String[] {
            "CREATE TABLE " + p + "task_counters (user_id VARCHAR(36) NOT NULL, status VARCHAR(16) NOT NULL,"
                    + " tasks BIGINT NOT NULL, pages BIGINT NOT NULL, processing_ms BIGINT NOT NULL,"
                    + " timed BIGINT NOT NULL, CONSTRAINT " + p + "pk_task_counters PRIMARY KEY (user_id, status))",
            "CREATE TABLE " + p + "task_days (user_id VARCHAR(36) NOT NULL, created_on DATE NOT NULL,"
                    + " tasks BIGINT NOT NULL, completed_pages BIGINT NOT NULL,"
                    + " CONSTRAINT " + p + "pk_task_days PRIMARY KEY (user_id, created_on))",
            "CREATE INDEX " + p + "ix_task_days_on ON " + p + "task_days (created_on, user_id)",
            "CREATE TABLE " + p + "task_time_buckets (user_id VARCHAR(36) NOT NULL, upper_ms BIGINT NOT NULL,"
                    + " tasks BIGINT NOT NULL, CONSTRAINT " + p
                    + "pk_task_time_buckets PRIMARY KEY (user_id, upper_ms))",
            "CREATE TABLE " + p + "task_storage (user_id VARCHAR(36) NOT NULL, stored_bytes BIGINT NOT NULL,"
                    + " CONSTRAINT " + p + "pk_task_storage PRIMARY KEY (user_id))"
        };
    }

    /** The counters recomputed from the rows; run once here, and by hand after a bulk load without triggers. */
    static String[] population(String p) {
        String done = "status = 'completed'";
        return new String[] {
            "INSERT INTO " + p + "task_counters (user_id, status, tasks, pages, processing_ms, timed)"
                    + " SELECT user_id, status, count(*),"
                    + " coalesce(sum(CASE WHEN " + done + " THEN coalesce(pages_total, 0) ELSE 0 END), 0),"
                    + " coalesce(sum(CASE WHEN " + done + " THEN coalesce(processing_time_ms, 0) ELSE 0 END), 0),"
                    + " coalesce(sum(CASE WHEN " + done + " AND processing_time_ms IS NOT NULL THEN 1 ELSE 0 END), 0)"
                    + " FROM " + p + "tasks GROUP BY user_id, status",
            "INSERT INTO " + p + "task_days (user_id, created_on, tasks, completed_pages)"
                    + " SELECT user_id, CAST(created_at AS DATE), count(*),"
                    + " coalesce(sum(CASE WHEN " + done + " THEN coalesce(pages_total, 0) ELSE 0 END), 0)"
                    + " FROM " + p + "tasks GROUP BY user_id, CAST(created_at AS DATE)",
            "INSERT INTO " + p + "task_time_buckets (user_id, upper_ms, tasks)"
                    + " SELECT user_id, b, count(*) FROM (SELECT user_id, " + bucket("processing_time_ms") + " AS b"
                    + " FROM " + p + "tasks WHERE " + done
                    + " AND processing_time_ms IS NOT NULL) x GROUP BY user_id, b",
            "INSERT INTO " + p + "task_storage (user_id, stored_bytes)"
                    + " SELECT t.user_id, sum(coalesce(t.result_bytes, 0) + coalesce(f.bytes, 0)) FROM " + p + "tasks t"
                    + " LEFT JOIN (SELECT task_id, sum(file_size) AS bytes FROM " + p + "task_files GROUP BY task_id) f"
                    + " ON f.task_id = t.task_id WHERE t.file_deleted = false GROUP BY t.user_id"
        };
    }

    /** The bucket (its upper bound) of a processing time, as SQL over the given expression. */
    static String bucket(String ms) {
        StringBuilder sql = new StringBuilder("CASE");
        for (long bound : BOUNDS) {
            sql.append(" WHEN ")
                    .append(ms)
                    .append(" <= ")
                    .append(bound)
                    .append(" THEN ")
                    .append(bound);
        }
        return sql.append(" ELSE ").append(OPEN_BUCKET).append(" END").toString();
    }

    /*
     * Every trigger applies a change as "the old row's contribution out, the new row's in". Where both
     * fall on one counter row the net change is applied once (and skipped when zero, as for
     * heartbeats); otherwise the two rows are updated in key order, so that two transitions of one
     * user's tasks never wait on each other's counter rows in a cycle. Tables are always visited in
     * the same order: counters, days, buckets, storage.
     */

    private static String[] postgresTriggers(String p) {
        String t = p + "tasks";
        return new String[] {
            "CREATE FUNCTION " + p + "task_bucket(ms BIGINT) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$ SELECT "
                    + bucket("ms") + " $$",
            // The bytes a task keeps in storage: nothing once retention removed its files.
            "CREATE FUNCTION " + p + "task_stored(r " + t + ") RETURNS BIGINT LANGUAGE sql STABLE AS $$"
                    + " SELECT CASE WHEN r.task_id IS NULL OR r.file_deleted THEN 0 ELSE coalesce(r.result_bytes, 0)"
                    + " + (SELECT coalesce(sum(f.file_size), 0) FROM " + p
                    + "task_files f WHERE f.task_id = r.task_id) END $$",
            "CREATE FUNCTION " + p + "task_add_status(u VARCHAR, st VARCHAR, n BIGINT, r " + t + ")"
                    + " RETURNS void LANGUAGE sql AS $$"
                    + " INSERT INTO " + p + "task_counters AS c (user_id, status, tasks, pages, processing_ms, timed)"
                    + " VALUES (u, st, n, CASE WHEN st = 'completed' THEN n * coalesce(r.pages_total, 0) ELSE 0 END,"
                    + " CASE WHEN st = 'completed' THEN n * coalesce(r.processing_time_ms, 0) ELSE 0 END,"
                    + " CASE WHEN st = 'completed' AND r.processing_time_ms IS NOT NULL THEN n ELSE 0 END)"
                    + " ON CONFLICT (user_id, status) DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks,"
                    + " pages = c.pages + EXCLUDED.pages, processing_ms = c.processing_ms + EXCLUDED.processing_ms,"
                    + " timed = c.timed + EXCLUDED.timed $$",
            "CREATE FUNCTION " + p + "task_add_day(u VARCHAR, d DATE, n BIGINT, pages BIGINT)"
                    + " RETURNS void LANGUAGE sql AS $$"
                    + " INSERT INTO " + p + "task_days AS c (user_id, created_on, tasks, completed_pages)"
                    + " VALUES (u, d, n, pages) ON CONFLICT (user_id, created_on) DO UPDATE SET"
                    + " tasks = c.tasks + EXCLUDED.tasks, completed_pages = c.completed_pages + EXCLUDED.completed_pages $$",
            "CREATE FUNCTION " + p + "task_add_bucket(u VARCHAR, b BIGINT, n BIGINT) RETURNS void LANGUAGE sql AS $$"
                    + " INSERT INTO " + p + "task_time_buckets AS c (user_id, upper_ms, tasks) VALUES (u, b, n)"
                    + " ON CONFLICT (user_id, upper_ms) DO UPDATE SET tasks = c.tasks + EXCLUDED.tasks $$",
            "CREATE FUNCTION " + p + "task_add_storage(u VARCHAR, n BIGINT) RETURNS void LANGUAGE sql AS $$"
                    + " INSERT INTO " + p + "task_storage AS c (user_id, stored_bytes) VALUES (u, n)"
                    + " ON CONFLICT (user_id) DO UPDATE SET stored_bytes = c.stored_bytes + EXCLUDED.stored_bytes $$",
            "CREATE FUNCTION " + p + "tasks_count() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                    + "DECLARE\n"
                    + "  o " + t + ";\n"
                    + "  n " + t + ";\n"
                    + "  o_pages BIGINT := 0; n_pages BIGINT := 0;\n"
                    + "  o_bucket BIGINT; n_bucket BIGINT;\n"
                    + "  o_stored BIGINT; n_stored BIGINT;\n"
                    + "BEGIN\n"
                    + "  IF TG_OP = 'UPDATE' AND (OLD.user_id, OLD.status, OLD.created_at, OLD.pages_total,"
                    + " OLD.processing_time_ms, OLD.result_bytes, OLD.file_deleted) IS NOT DISTINCT FROM"
                    + " (NEW.user_id, NEW.status, NEW.created_at, NEW.pages_total, NEW.processing_time_ms,"
                    + " NEW.result_bytes, NEW.file_deleted) THEN\n"
                    + "    RETURN NEW;\n"
                    + "  END IF;\n"
                    + "  IF TG_OP <> 'INSERT' THEN o := OLD; END IF;\n"
                    + "  IF TG_OP <> 'DELETE' THEN n := NEW; END IF;\n"
                    // counters
                    + "  IF o.task_id IS NULL THEN PERFORM " + p + "task_add_status(n.user_id, n.status, 1, n);\n"
                    + "  ELSIF n.task_id IS NULL THEN PERFORM " + p + "task_add_status(o.user_id, o.status, -1, o);\n"
                    + "  ELSIF (o.user_id, o.status) <= (n.user_id, n.status) THEN\n"
                    + "    PERFORM " + p + "task_add_status(o.user_id, o.status, -1, o);\n"
                    + "    PERFORM " + p + "task_add_status(n.user_id, n.status, 1, n);\n"
                    + "  ELSE\n"
                    + "    PERFORM " + p + "task_add_status(n.user_id, n.status, 1, n);\n"
                    + "    PERFORM " + p + "task_add_status(o.user_id, o.status, -1, o);\n"
                    + "  END IF;\n"
                    // days
                    + "  IF o.status = 'completed' THEN o_pages := coalesce(o.pages_total, 0); END IF;\n"
                    + "  IF n.status = 'completed' THEN n_pages := coalesce(n.pages_total, 0); END IF;\n"
                    + "  IF o.task_id IS NULL THEN PERFORM " + p
                    + "task_add_day(n.user_id, n.created_at::date, 1, n_pages);\n"
                    + "  ELSIF n.task_id IS NULL THEN PERFORM " + p
                    + "task_add_day(o.user_id, o.created_at::date, -1, -o_pages);\n"
                    + "  ELSIF (o.user_id, o.created_at::date) = (n.user_id, n.created_at::date) THEN\n"
                    + "    IF n_pages <> o_pages THEN PERFORM " + p
                    + "task_add_day(n.user_id, n.created_at::date, 0, n_pages - o_pages); END IF;\n"
                    + "  ELSIF (o.user_id, o.created_at::date) < (n.user_id, n.created_at::date) THEN\n"
                    + "    PERFORM " + p + "task_add_day(o.user_id, o.created_at::date, -1, -o_pages);\n"
                    + "    PERFORM " + p + "task_add_day(n.user_id, n.created_at::date, 1, n_pages);\n"
                    + "  ELSE\n"
                    + "    PERFORM " + p + "task_add_day(n.user_id, n.created_at::date, 1, n_pages);\n"
                    + "    PERFORM " + p + "task_add_day(o.user_id, o.created_at::date, -1, -o_pages);\n"
                    + "  END IF;\n"
                    // buckets
                    + "  IF o.status = 'completed' AND o.processing_time_ms IS NOT NULL THEN o_bucket := " + p
                    + "task_bucket(o.processing_time_ms); END IF;\n"
                    + "  IF n.status = 'completed' AND n.processing_time_ms IS NOT NULL THEN n_bucket := " + p
                    + "task_bucket(n.processing_time_ms); END IF;\n"
                    + "  IF o_bucket IS NOT NULL AND n_bucket IS NOT NULL AND (o.user_id, o_bucket) = (n.user_id, n_bucket) THEN\n"
                    + "    NULL;\n"
                    + "  ELSIF o_bucket IS NOT NULL AND n_bucket IS NOT NULL AND (o.user_id, o_bucket) > (n.user_id, n_bucket) THEN\n"
                    + "    PERFORM " + p + "task_add_bucket(n.user_id, n_bucket, 1);\n"
                    + "    PERFORM " + p + "task_add_bucket(o.user_id, o_bucket, -1);\n"
                    + "  ELSE\n"
                    + "    IF o_bucket IS NOT NULL THEN PERFORM " + p
                    + "task_add_bucket(o.user_id, o_bucket, -1); END IF;\n"
                    + "    IF n_bucket IS NOT NULL THEN PERFORM " + p
                    + "task_add_bucket(n.user_id, n_bucket, 1); END IF;\n"
                    + "  END IF;\n"
                    // storage
                    + "  o_stored := " + p + "task_stored(o);\n"
                    + "  n_stored := " + p + "task_stored(n);\n"
                    + "  IF o.task_id IS NOT NULL AND n.task_id IS NOT NULL AND o.user_id = n.user_id THEN\n"
                    + "    IF n_stored <> o_stored THEN PERFORM " + p
                    + "task_add_storage(n.user_id, n_stored - o_stored); END IF;\n"
                    + "  ELSIF o.task_id IS NOT NULL AND n.task_id IS NOT NULL AND o.user_id > n.user_id THEN\n"
                    + "    IF n_stored <> 0 THEN PERFORM " + p + "task_add_storage(n.user_id, n_stored); END IF;\n"
                    + "    IF o_stored <> 0 THEN PERFORM " + p + "task_add_storage(o.user_id, -o_stored); END IF;\n"
                    + "  ELSE\n"
                    + "    IF o_stored <> 0 THEN PERFORM " + p + "task_add_storage(o.user_id, -o_stored); END IF;\n"
                    + "    IF n_stored <> 0 THEN PERFORM " + p + "task_add_storage(n.user_id, n_stored); END IF;\n"
                    + "  END IF;\n"
                    + "  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;\n"
                    + "  RETURN NEW;\n"
                    + "END $$",
            // Before a delete, so the task's files still count when a cascade removes them afterwards.
            "CREATE TRIGGER " + p + "tasks_count_delete BEFORE DELETE ON " + t + " FOR EACH ROW EXECUTE FUNCTION " + p
                    + "tasks_count()",
            "CREATE TRIGGER " + p + "tasks_count_change AFTER INSERT OR UPDATE ON " + t
                    + " FOR EACH ROW EXECUTE FUNCTION " + p + "tasks_count()",
            "CREATE FUNCTION " + p + "task_files_count() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                    + "DECLARE\n"
                    + "  owner VARCHAR;\n"
                    + "BEGIN\n"
                    + "  IF TG_OP = 'INSERT' THEN\n"
                    + "    SELECT user_id INTO owner FROM " + t + " WHERE task_id = NEW.task_id AND NOT file_deleted;\n"
                    + "    IF owner IS NOT NULL THEN PERFORM " + p + "task_add_storage(owner, NEW.file_size); END IF;\n"
                    + "    RETURN NEW;\n"
                    + "  END IF;\n"
                    + "  SELECT user_id INTO owner FROM " + t + " WHERE task_id = OLD.task_id AND NOT file_deleted;\n"
                    + "  IF owner IS NOT NULL THEN PERFORM " + p + "task_add_storage(owner, -OLD.file_size); END IF;\n"
                    + "  RETURN OLD;\n"
                    + "END $$",
            "CREATE TRIGGER " + p + "task_files_count AFTER INSERT OR DELETE ON " + p + "task_files"
                    + " FOR EACH ROW EXECUTE FUNCTION " + p + "task_files_count()"
        };
    }

    private static String[] mariaDbTriggers(String p) {
        String t = p + "tasks";
        String oldRow = "OLD.task_id, OLD.user_id, OLD.status, OLD.created_at, OLD.pages_total, OLD.processing_time_ms,"
                + " OLD.result_bytes, OLD.file_deleted";
        String newRow = "NEW.task_id, NEW.user_id, NEW.status, NEW.created_at, NEW.pages_total, NEW.processing_time_ms,"
                + " NEW.result_bytes, NEW.file_deleted";
        String none = "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL";
        return new String[] {
            "CREATE FUNCTION " + p + "task_bucket(ms BIGINT) RETURNS BIGINT DETERMINISTIC RETURN " + bucket("ms"),
            // Parameters are named a_*: MariaDB would read a parameter named like a column as the parameter.
            "CREATE FUNCTION " + p + "task_stored(a_id VARCHAR(36), a_bytes BIGINT, a_deleted BOOLEAN) RETURNS BIGINT"
                    + " READS SQL DATA RETURN CASE WHEN a_id IS NULL OR a_deleted THEN 0 ELSE coalesce(a_bytes, 0)"
                    + " + (SELECT coalesce(sum(f.file_size), 0) FROM " + p + "task_files f WHERE f.task_id = a_id) END",
            "CREATE PROCEDURE " + p + "task_add_status(a_u VARCHAR(36), a_st VARCHAR(16), a_n BIGINT, a_pages INT,"
                    + " a_ms BIGINT)"
                    + " INSERT INTO " + p + "task_counters (user_id, status, tasks, pages, processing_ms, timed)"
                    + " VALUES (a_u, a_st, a_n, CASE WHEN a_st = 'completed' THEN a_n * coalesce(a_pages, 0) ELSE 0 END,"
                    + " CASE WHEN a_st = 'completed' THEN a_n * coalesce(a_ms, 0) ELSE 0 END,"
                    + " CASE WHEN a_st = 'completed' AND a_ms IS NOT NULL THEN a_n ELSE 0 END)"
                    + " ON DUPLICATE KEY UPDATE tasks = tasks + VALUES(tasks), pages = pages + VALUES(pages),"
                    + " processing_ms = processing_ms + VALUES(processing_ms), timed = timed + VALUES(timed)",
            "CREATE PROCEDURE " + p + "task_add_day(a_u VARCHAR(36), a_d DATE, a_n BIGINT, a_pages BIGINT)"
                    + " INSERT INTO " + p + "task_days (user_id, created_on, tasks, completed_pages)"
                    + " VALUES (a_u, a_d, a_n, a_pages) ON DUPLICATE KEY UPDATE tasks = tasks + VALUES(tasks),"
                    + " completed_pages = completed_pages + VALUES(completed_pages)",
            "CREATE PROCEDURE " + p + "task_add_bucket(a_u VARCHAR(36), a_b BIGINT, a_n BIGINT)"
                    + " INSERT INTO " + p + "task_time_buckets (user_id, upper_ms, tasks) VALUES (a_u, a_b, a_n)"
                    + " ON DUPLICATE KEY UPDATE tasks = tasks + VALUES(tasks)",
            "CREATE PROCEDURE " + p + "task_add_storage(a_u VARCHAR(36), a_n BIGINT)"
                    + " INSERT INTO " + p + "task_storage (user_id, stored_bytes) VALUES (a_u, a_n)"
                    + " ON DUPLICATE KEY UPDATE stored_bytes = stored_bytes + VALUES(stored_bytes)",
            "CREATE PROCEDURE " + p + "task_file_count(a_task VARCHAR(36), a_n BIGINT)\n"
                    + "BEGIN\n"
                    + "  DECLARE owner VARCHAR(36) DEFAULT (SELECT user_id FROM " + t
                    + " WHERE task_id = a_task AND NOT file_deleted);\n"
                    + "  IF owner IS NOT NULL THEN CALL " + p + "task_add_storage(owner, a_n); END IF;\n"
                    + "END",
            "CREATE PROCEDURE " + p + "tasks_count(" + params("o_") + ", " + params("n_") + ")\n"
                    + "body: BEGIN\n"
                    + "  DECLARE op BIGINT DEFAULT 0;\n"
                    + "  DECLARE np BIGINT DEFAULT 0;\n"
                    + "  DECLARE ob BIGINT DEFAULT NULL;\n"
                    + "  DECLARE nb BIGINT DEFAULT NULL;\n"
                    + "  DECLARE os BIGINT DEFAULT 0;\n"
                    + "  DECLARE ns BIGINT DEFAULT 0;\n"
                    + "  IF o_id IS NOT NULL AND n_id IS NOT NULL AND o_u <=> n_u AND o_st <=> n_st"
                    + " AND o_created <=> n_created AND o_pages <=> n_pages AND o_ms <=> n_ms AND o_bytes <=> n_bytes"
                    + " AND o_deleted <=> n_deleted THEN\n"
                    + "    LEAVE body;\n"
                    + "  END IF;\n"
                    + "  IF o_id IS NULL THEN CALL " + p + "task_add_status(n_u, n_st, 1, n_pages, n_ms);\n"
                    + "  ELSEIF n_id IS NULL THEN CALL " + p + "task_add_status(o_u, o_st, -1, o_pages, o_ms);\n"
                    + "  ELSEIF (o_u, o_st) <= (n_u, n_st) THEN\n"
                    + "    CALL " + p + "task_add_status(o_u, o_st, -1, o_pages, o_ms);\n"
                    + "    CALL " + p + "task_add_status(n_u, n_st, 1, n_pages, n_ms);\n"
                    + "  ELSE\n"
                    + "    CALL " + p + "task_add_status(n_u, n_st, 1, n_pages, n_ms);\n"
                    + "    CALL " + p + "task_add_status(o_u, o_st, -1, o_pages, o_ms);\n"
                    + "  END IF;\n"
                    + "  IF o_st = 'completed' THEN SET op = coalesce(o_pages, 0); END IF;\n"
                    + "  IF n_st = 'completed' THEN SET np = coalesce(n_pages, 0); END IF;\n"
                    + "  IF o_id IS NULL THEN CALL " + p + "task_add_day(n_u, DATE(n_created), 1, np);\n"
                    + "  ELSEIF n_id IS NULL THEN CALL " + p + "task_add_day(o_u, DATE(o_created), -1, -op);\n"
                    + "  ELSEIF (o_u, DATE(o_created)) = (n_u, DATE(n_created)) THEN\n"
                    + "    IF np <> op THEN CALL " + p + "task_add_day(n_u, DATE(n_created), 0, np - op); END IF;\n"
                    + "  ELSEIF (o_u, DATE(o_created)) < (n_u, DATE(n_created)) THEN\n"
                    + "    CALL " + p + "task_add_day(o_u, DATE(o_created), -1, -op);\n"
                    + "    CALL " + p + "task_add_day(n_u, DATE(n_created), 1, np);\n"
                    + "  ELSE\n"
                    + "    CALL " + p + "task_add_day(n_u, DATE(n_created), 1, np);\n"
                    + "    CALL " + p + "task_add_day(o_u, DATE(o_created), -1, -op);\n"
                    + "  END IF;\n"
                    + "  IF o_st = 'completed' AND o_ms IS NOT NULL THEN SET ob = " + p + "task_bucket(o_ms); END IF;\n"
                    + "  IF n_st = 'completed' AND n_ms IS NOT NULL THEN SET nb = " + p + "task_bucket(n_ms); END IF;\n"
                    + "  IF ob IS NOT NULL AND nb IS NOT NULL AND (o_u, ob) = (n_u, nb) THEN\n"
                    + "    SET ob = NULL;\n"
                    + "  ELSEIF ob IS NOT NULL AND nb IS NOT NULL AND (o_u, ob) > (n_u, nb) THEN\n"
                    + "    CALL " + p + "task_add_bucket(n_u, nb, 1);\n"
                    + "    CALL " + p + "task_add_bucket(o_u, ob, -1);\n"
                    + "  ELSE\n"
                    + "    IF ob IS NOT NULL THEN CALL " + p + "task_add_bucket(o_u, ob, -1); END IF;\n"
                    + "    IF nb IS NOT NULL THEN CALL " + p + "task_add_bucket(n_u, nb, 1); END IF;\n"
                    + "  END IF;\n"
                    + "  SET os = " + p + "task_stored(o_id, o_bytes, o_deleted);\n"
                    + "  SET ns = " + p + "task_stored(n_id, n_bytes, n_deleted);\n"
                    + "  IF o_id IS NOT NULL AND n_id IS NOT NULL AND o_u = n_u THEN\n"
                    + "    IF ns <> os THEN CALL " + p + "task_add_storage(n_u, ns - os); END IF;\n"
                    + "  ELSEIF o_id IS NOT NULL AND n_id IS NOT NULL AND o_u > n_u THEN\n"
                    + "    IF ns <> 0 THEN CALL " + p + "task_add_storage(n_u, ns); END IF;\n"
                    + "    IF os <> 0 THEN CALL " + p + "task_add_storage(o_u, -os); END IF;\n"
                    + "  ELSE\n"
                    + "    IF os <> 0 THEN CALL " + p + "task_add_storage(o_u, -os); END IF;\n"
                    + "    IF ns <> 0 THEN CALL " + p + "task_add_storage(n_u, ns); END IF;\n"
                    + "  END IF;\n"
                    + "END",
            "CREATE TRIGGER " + p + "tasks_count_insert AFTER INSERT ON " + t + " FOR EACH ROW CALL " + p
                    + "tasks_count(" + none + ", " + newRow + ")",
            "CREATE TRIGGER " + p + "tasks_count_update AFTER UPDATE ON " + t + " FOR EACH ROW CALL " + p
                    + "tasks_count(" + oldRow + ", " + newRow + ")",
            // Before a delete, so the task's files still count; MariaDB fires no trigger for a cascade.
            "CREATE TRIGGER " + p + "tasks_count_delete BEFORE DELETE ON " + t + " FOR EACH ROW CALL " + p
                    + "tasks_count(" + oldRow + ", " + none + ")",
            "CREATE TRIGGER " + p + "task_files_count_insert AFTER INSERT ON " + p + "task_files FOR EACH ROW"
                    + " CALL " + p + "task_file_count(NEW.task_id, NEW.file_size)",
            "CREATE TRIGGER " + p + "task_files_count_delete AFTER DELETE ON " + p + "task_files FOR EACH ROW"
                    + " CALL " + p + "task_file_count(OLD.task_id, -OLD.file_size)"
        };
    }

    private static String params(String side) {
        return String.join(
                ", ",
                side + "id VARCHAR(36)",
                side + "u VARCHAR(36)",
                side + "st VARCHAR(16)",
                side + "created DATETIME(6)",
                side + "pages INT",
                side + "ms BIGINT",
                side + "bytes BIGINT",
                side + "deleted BOOLEAN");
    }

    /** H2 runs triggers as Java classes; {@link H2TaskCounters} applies the same rules. */
    private static String[] h2Triggers(String p) {
        String cls = H2TaskCounters.class.getName();
        return new String[] {
            "CREATE TRIGGER " + p + "tasks_count_change AFTER INSERT, UPDATE ON " + p + "tasks FOR EACH ROW CALL '"
                    + cls + "'",
            "CREATE TRIGGER " + p + "tasks_count_delete BEFORE DELETE ON " + p + "tasks FOR EACH ROW CALL '" + cls
                    + "'",
            "CREATE TRIGGER " + p + "task_files_count AFTER INSERT, DELETE ON " + p + "task_files FOR EACH ROW CALL '"
                    + cls + "'"
        };
    }
}
