package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The {@link V5__task_counters} triggers for H2, which runs triggers as Java classes: the same rules as
 * the PostgreSQL and MariaDB ones, on the tasks and task files tables. H2 creates one instance per
 * trigger and table.
 */
public class H2TaskCounters implements Trigger {

    private String prefix;
    private boolean files;
    private final Map<String, Integer> columns = new HashMap<>();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        String table = tableName.toLowerCase(Locale.ROOT);
        files = table.endsWith("task_files");
        prefix = table.substring(0, table.length() - (files ? "task_files" : "tasks").length());
        try (PreparedStatement s = conn.prepareStatement("SELECT COLUMN_NAME, ORDINAL_POSITION FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            s.setString(1, schemaName);
            s.setString(2, tableName);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getInt(2) - 1);
                }
            }
        }
    }

    private record Row(
            String id, String user, String status, LocalDate day, Integer pages, Long ms, Long bytes, boolean deleted) {

        boolean done() {
            return "completed".equals(status);
        }

        long completedPages() {
            return done() && pages != null ? pages : 0;
        }

        Long bucket() {
            if (!done() || ms == null) {
                return null;
            }
            for (long bound : V5__task_counters.BOUNDS) {
                if (ms <= bound) {
                    return bound;
                }
            }
            return V5__task_counters.OPEN_BUCKET;
        }
    }

    private Object value(Object[] row, String column) {
        return row[columns.get(column)];
    }

    private Row row(Object[] r) {
        if (r == null) {
            return null;
        }
        Object created = value(r, "created_at");
        LocalDate day = created instanceof Timestamp ts
                ? ts.toLocalDateTime().toLocalDate()
                : ((LocalDateTime) created).toLocalDate();
        return new Row(
                (String) value(r, "task_id"),
                (String) value(r, "user_id"),
                (String) value(r, "status"),
                day,
                value(r, "pages_total") == null ? null : ((Number) value(r, "pages_total")).intValue(),
                value(r, "processing_time_ms") == null ? null : ((Number) value(r, "processing_time_ms")).longValue(),
                value(r, "result_bytes") == null ? null : ((Number) value(r, "result_bytes")).longValue(),
                Boolean.TRUE.equals(value(r, "file_deleted")));
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (files) {
            Object[] r = newRow != null ? newRow : oldRow;
            long size = ((Number) value(r, "file_size")).longValue();
            String owner = ownerWithKeptFiles(conn, (String) value(r, "task_id"));
            if (owner != null) {
                addStorage(conn, owner, newRow != null ? size : -size);
            }
            return;
        }
        Row o = row(oldRow);
        Row n = row(newRow);
        if (o != null && n != null && o.equals(n)) {
            return;
        }
        counters(conn, o, n);
        days(conn, o, n);
        buckets(conn, o, n);
        storage(conn, o, n);
    }

    private void counters(Connection conn, Row o, Row n) throws SQLException {
        if (o == null) {
            addStatus(conn, n, 1);
        } else if (n == null) {
            addStatus(conn, o, -1);
        } else if (compare(o.user(), o.status(), n.user(), n.status()) <= 0) {
            addStatus(conn, o, -1);
            addStatus(conn, n, 1);
        } else {
            addStatus(conn, n, 1);
            addStatus(conn, o, -1);
        }
    }

    private void days(Connection conn, Row o, Row n) throws SQLException {
        if (o == null) {
            addDay(conn, n.user(), n.day(), 1, n.completedPages());
        } else if (n == null) {
            addDay(conn, o.user(), o.day(), -1, -o.completedPages());
        } else {
            int order = compare(o.user(), o.day().toString(), n.user(), n.day().toString());
            if (order == 0) {
                if (n.completedPages() != o.completedPages()) {
                    addDay(conn, n.user(), n.day(), 0, n.completedPages() - o.completedPages());
                }
            } else if (order < 0) {
                addDay(conn, o.user(), o.day(), -1, -o.completedPages());
                addDay(conn, n.user(), n.day(), 1, n.completedPages());
            } else {
                addDay(conn, n.user(), n.day(), 1, n.completedPages());
                addDay(conn, o.user(), o.day(), -1, -o.completedPages());
            }
        }
    }

    private void buckets(Connection conn, Row o, Row n) throws SQLException {
        Long ob = o == null ? null : o.bucket();
        Long nb = n == null ? null : n.bucket();
        if (ob != null && nb != null) {
            int order =
                    o.user().equals(n.user()) ? Long.compare(ob, nb) : o.user().compareTo(n.user());
            if (order == 0) {
                return;
            }
            if (order > 0) {
                addBucket(conn, n.user(), nb, 1);
                addBucket(conn, o.user(), ob, -1);
                return;
            }
        }
        if (ob != null) {
            addBucket(conn, o.user(), ob, -1);
        }
        if (nb != null) {
            addBucket(conn, n.user(), nb, 1);
        }
    }

    private void storage(Connection conn, Row o, Row n) throws SQLException {
        long os = stored(conn, o);
        long ns = stored(conn, n);
        if (o != null && n != null && o.user().equals(n.user())) {
            if (ns != os) {
                addStorage(conn, n.user(), ns - os);
            }
            return;
        }
        boolean newFirst = o != null && n != null && o.user().compareTo(n.user()) > 0;
        if (newFirst && ns != 0) {
            addStorage(conn, n.user(), ns);
        }
        if (o != null && os != 0) {
            addStorage(conn, o.user(), -os);
        }
        if (!newFirst && n != null && ns != 0) {
            addStorage(conn, n.user(), ns);
        }
    }

    private static int compare(String a1, String a2, String b1, String b2) {
        int first = a1.compareTo(b1);
        return first != 0 ? first : a2.compareTo(b2);
    }

    private long stored(Connection conn, Row r) throws SQLException {
        if (r == null || r.deleted()) {
            return 0;
        }
        try (PreparedStatement s = conn.prepareStatement(
                "SELECT coalesce(sum(file_size), 0) FROM " + prefix + "task_files WHERE task_id = ?")) {
            s.setString(1, r.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return (r.bytes() == null ? 0 : r.bytes()) + rs.getLong(1);
            }
        }
    }

    /**
     * The task's owner while its files are kept. The task row is locked for it: a change of the task
     * (its files marked deleted, say) counts the files it can see, so a file change of the same task
     * in another transaction must wait for it, or see its outcome, or one of them is counted twice.
     */
    private String ownerWithKeptFiles(Connection conn, String taskId) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement(
                "SELECT user_id, file_deleted FROM " + prefix + "tasks WHERE task_id = ? FOR UPDATE")) {
            s.setString(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && !rs.getBoolean(2) ? rs.getString(1) : null;
            }
        }
    }

    private void addStatus(Connection conn, Row r, long n) throws SQLException {
        boolean timed = r.done() && r.ms() != null;
        upsert(
                conn,
                "task_counters",
                new String[] {"user_id", "status"},
                new Object[] {r.user(), r.status()},
                new String[] {"tasks", "pages", "processing_ms", "timed"},
                new long[] {n, n * r.completedPages(), timed ? n * r.ms() : 0, timed ? n : 0});
    }

    private void addDay(Connection conn, String user, LocalDate day, long n, long pages) throws SQLException {
        upsert(
                conn,
                "task_days",
                new String[] {"user_id", "created_on"},
                new Object[] {user, day},
                new String[] {"tasks", "completed_pages"},
                new long[] {n, pages});
    }

    private void addBucket(Connection conn, String user, long bucket, long n) throws SQLException {
        upsert(
                conn,
                "task_time_buckets",
                new String[] {"user_id", "upper_ms"},
                new Object[] {user, bucket},
                new String[] {"tasks"},
                new long[] {n});
    }

    private void addStorage(Connection conn, String user, long n) throws SQLException {
        upsert(
                conn,
                "task_storage",
                new String[] {"user_id"},
                new Object[] {user},
                new String[] {"stored_bytes"},
                new long[] {n});
    }

    /** Adds the deltas to the row with these keys, creating it when it is not there yet. */
    private void upsert(Connection conn, String table, String[] keys, Object[] keyValues, String[] cols, long[] deltas)
            throws SQLException {
        StringBuilder update = new StringBuilder("UPDATE " + prefix + table + " SET ");
        for (int i = 0; i < cols.length; i++) {
            update.append(i == 0 ? "" : ", ")
                    .append(cols[i])
                    .append(" = ")
                    .append(cols[i])
                    .append(" + ?");
        }
        update.append(" WHERE ");
        for (int i = 0; i < keys.length; i++) {
            update.append(i == 0 ? "" : " AND ").append(keys[i]).append(" = ?");
        }
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement s = conn.prepareStatement(update.toString())) {
                int k = 1;
                for (long d : deltas) {
                    s.setLong(k++, d);
                }
                for (Object v : keyValues) {
                    s.setObject(k++, v);
                }
                if (s.executeUpdate() > 0) {
                    return;
                }
            }
            String insert = "INSERT INTO " + prefix + table + " (" + String.join(", ", keys) + ", "
                    + String.join(", ", cols) + ") VALUES (" + "?, ".repeat(keys.length + cols.length - 1) + "?)";
            try (PreparedStatement s = conn.prepareStatement(insert)) {
                int k = 1;
                for (Object v : keyValues) {
                    s.setObject(k++, v);
                }
                for (long d : deltas) {
                    s.setLong(k++, d);
                }
                s.executeUpdate();
                return;
            } catch (SQLException e) {
                // Another transaction created the row first: add to it instead.
                if (!Objects.equals(e.getSQLState(), "23505") || attempt > 0) {
                    throw e;
                }
            }
        }
    }
}
