package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.persistence.DatabaseTarget;
import dev.toolocr.platform.persistence.ExternalDatabases;
import dev.toolocr.platform.persistence.ModuleMigrations;
import dev.toolocr.server.database.DatabaseConfiguration;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The counters the V5 triggers keep must equal a recount from the task rows after any sequence of
 * changes: every transition the application makes (its conditional updates, written here as the
 * repository writes them), retries, deletes with and without the cascade to task files, and
 * retention, from several connections at once.
 */
class TaskCountersIT {

    private static final String P = "acme_ocr_";
    private static final int THREADS = 4;
    private static final int ACTIONS_PER_THREAD = 400;

    @Test
    void countersEqualARecountOnH2() throws Exception {
        String url = "jdbc:h2:mem:counters;DB_CLOSE_DELAY=-1";
        exercise(url);
    }

    @Test
    void countersEqualARecountOnPostgres() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.postgres()) {
            exercise(db.jdbcUrl());
        }
    }

    @Test
    void countersEqualARecountOnMariaDb() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.mariadb()) {
            exercise(db.jdbcUrl());
        }
    }

    private void exercise(String url) throws Exception {
        DatabaseTarget target = DatabaseTarget.parse(url, "", "");
        ModuleMigrations.migrate(
                new SimpleDriverDataSource(DriverManager.getDriver(url), url),
                P,
                target.vendor(),
                List.of(DatabaseConfiguration.TOOL_OCR_MIGRATIONS));
        List<String> users = List.of(uuid(), uuid(), uuid());
        try (Connection c = DriverManager.getConnection(url)) {
            for (String u : users) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + P + "users (id, email, display_name,"
                        + " provider, is_active, created_at, updated_at) VALUES (?, ?, 'U', 'local', true, ?, ?)")) {
                    s.setString(1, u);
                    s.setString(2, u + "@example.test");
                    s.setTimestamp(3, Timestamp.from(Instant.now()));
                    s.setTimestamp(4, Timestamp.from(Instant.now()));
                    s.executeUpdate();
                }
            }
        }
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        Set<String> reasons = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 1000L + t;
            runs.add(pool.submit(() -> {
                Random random = new Random(seed);
                try (Connection c = DriverManager.getConnection(url)) {
                    for (int i = 0; i < ACTIONS_PER_THREAD; i++) {
                        try {
                            act(c, random, users, ids);
                        } catch (SQLException e) {
                            // A refusal (a deadlock the database broke) rolls the whole change back.
                            if (!c.getAutoCommit()) {
                                c.rollback();
                                c.setAutoCommit(true);
                            }
                            refused.incrementAndGet();
                            reasons.add(e.getSQLState() + " "
                                    + e.getMessage().lines().findFirst().orElse(""));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> run : runs) {
            run.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();

        try (Connection c = DriverManager.getConnection(url)) {
            Map<String, Map<String, List<Long>>> kept = readCounters(c);
            try (Statement s = c.createStatement()) {
                for (String table : new String[] {"task_counters", "task_days", "task_time_buckets", "task_storage"}) {
                    s.execute("DELETE FROM " + P + table);
                }
                for (String sql : V5__task_counters.population(P)) {
                    s.execute(sql);
                }
            }
            Map<String, Map<String, List<Long>>> recounted = readCounters(c);
            assertThat(recounted.get("task_counters")).isNotEmpty();
            assertThat(kept).isEqualTo(recounted);
            System.out.printf(
                    "Counters on %s equal a recount after %d actions (%d rolled back by the database), %d tasks left%n",
                    target.vendor(), THREADS * ACTIONS_PER_THREAD, refused.get(), count(c, "tasks"));
            reasons.forEach(r -> System.out.println("  refused: " + r));
        }
    }

    /** Every counter row with a non-zero figure, by table, key → figures. */
    private static Map<String, Map<String, List<Long>>> readCounters(Connection c) throws SQLException {
        Map<String, Map<String, List<Long>>> all = new TreeMap<>();
        all.put(
                "task_counters",
                rows(c, "SELECT user_id, status, tasks, pages, processing_ms, timed FROM " + P + "task_counters", 2));
        all.put("task_days", rows(c, "SELECT user_id, created_on, tasks, completed_pages FROM " + P + "task_days", 2));
        all.put("task_time_buckets", rows(c, "SELECT user_id, upper_ms, tasks FROM " + P + "task_time_buckets", 2));
        all.put("task_storage", rows(c, "SELECT user_id, stored_bytes FROM " + P + "task_storage", 1));
        return all;
    }

    private static Map<String, List<Long>> rows(Connection c, String sql, int keys) throws SQLException {
        Map<String, List<Long>> rows = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder key = new StringBuilder();
                for (int k = 1; k <= keys; k++) {
                    key.append(rs.getString(k)).append('|');
                }
                List<Long> figures = new ArrayList<>();
                for (int v = keys + 1; v <= columns; v++) {
                    figures.add(rs.getLong(v));
                }
                if (figures.stream().anyMatch(f -> f != 0)) {
                    rows.put(key.toString(), figures);
                }
            }
        }
        return rows;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + P + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void act(Connection c, Random random, List<String> users, List<String> ids) throws SQLException {
        String id = ids.isEmpty() ? null : ids.get(random.nextInt(ids.size()));
        int action = id == null ? 0 : random.nextInt(14);
        Timestamp now = Timestamp.from(Instant.now());
        switch (action) {
            case 0, 1 -> {
                // An upload: the task and its file in one transaction, sometimes two tasks at once.
                c.setAutoCommit(false);
                int n = 1 + random.nextInt(2);
                for (int k = 0; k < n; k++) {
                    String task = uuid();
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + P + "tasks (task_id, user_id,"
                            + " filename, status, attempts, recoveries, pages_done, created_at, updated_at,"
                            + " file_deleted, version, fair_rank) VALUES (?, ?, ?, ?, 0, 0, 0, ?, ?, false, 0, 1)")) {
                        s.setString(1, task);
                        s.setString(2, users.get(random.nextInt(users.size())));
                        s.setString(3, "scan-" + random.nextInt(1000) + ".png");
                        s.setString(4, random.nextBoolean() ? "pending" : "queued");
                        // Creation days spread over a month, so day rows are many.
                        s.setTimestamp(5, Timestamp.from(Instant.now().minus(random.nextInt(30), ChronoUnit.DAYS)));
                        s.setTimestamp(6, now);
                        s.executeUpdate();
                    }
                    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + P + "task_files (id, task_id,"
                            + " original_name, storage_key, file_size, mime_type, sha256, created_at)"
                            + " VALUES (?, ?, 'a.png', 'k', ?, 'image/png', 'x', ?)")) {
                        s.setString(1, uuid());
                        s.setString(2, task);
                        s.setLong(3, 1 + random.nextInt(100_000));
                        s.setTimestamp(4, now);
                        s.executeUpdate();
                    }
                    ids.add(task);
                }
                c.commit();
                c.setAutoCommit(true);
            }
            case 2 ->
                update(c, "status = 'queued', queued_at = ?", "status = 'pending' AND file_deleted = false", id, now);
            case 3 ->
                update(
                        c,
                        "status = 'processing', started_at = ?, attempts = attempts + 1, pages_done = 0",
                        "status = 'queued'",
                        id,
                        now);
            case 4 ->
                update(
                        c,
                        "pages_total = " + (1 + random.nextInt(9)) + ", pages_done = 1, heartbeat_at = ?",
                        "status = 'processing'",
                        id,
                        now);
            case 5 -> update(c, "heartbeat_at = ?", "status = 'processing'", id, now);
            case 6 ->
                update(
                        c,
                        "status = 'completed', completed_at = ?, pages_total = " + (1 + random.nextInt(9))
                                + ", processing_time_ms = " + random.nextInt(1_200_000) + ", result_bytes = "
                                + random.nextInt(50_000) + ", fair_rank = NULL",
                        "status = 'processing'",
                        id,
                        now);
            case 7 ->
                update(
                        c,
                        "status = 'failed', completed_at = ?, error_code = 'x', processing_time_ms = "
                                + random.nextInt(5_000),
                        "status = 'processing'",
                        id,
                        now);
            case 8 ->
                update(
                        c,
                        "status = 'cancelled', completed_at = ?, fair_rank = NULL",
                        "status IN ('pending', 'queued', 'processing')",
                        id,
                        now);
            case 9 ->
                update(
                        c,
                        "status = 'queued', queued_at = ?, error_code = NULL, recoveries = 0",
                        "status IN ('failed', 'cancelled') AND file_deleted = false",
                        id,
                        now);
            case 10 ->
                update(
                        c,
                        "file_deleted = true, result_bytes = NULL, updated_at = ?",
                        "status IN ('completed', 'failed', 'cancelled')",
                        id,
                        now);
            case 11 -> {
                // The service's delete: the files, then the task, in one transaction.
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + P + "task_files WHERE task_id = ?")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
                try (PreparedStatement s =
                        c.prepareStatement("DELETE FROM " + P + "tasks WHERE task_id = ? AND status <> 'processing'")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
            }
            case 12 -> {
                // By hand: the task alone, its files going by the foreign key's cascade.
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + P + "tasks WHERE task_id = ?")) {
                    s.setString(1, id);
                    s.executeUpdate();
                }
            }
            default -> update(c, "filename = 'renamed.png', updated_at = ?", "1 = 1", id, now);
        }
    }

    private static void update(Connection c, String set, String when, String id, Timestamp now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE " + P + "tasks SET " + set + ", version = version + 1 WHERE task_id = ? AND " + when)) {
            s.setTimestamp(1, now);
            s.setString(2, id);
            s.executeUpdate();
        }
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
