package dev.toolocr.platform.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.platform.persistence.ExternalDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The shared throttle's statements on PostgreSQL and MariaDB, with two processes racing. */
class LoginThrottleDatabasesIT {

    private final TokenServiceTest.MutableClock clock =
            new TokenServiceTest.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void racingProcessesCountEveryAttemptOnPostgres() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.postgres()) {
            assertExactCountUnderRace(ThrottleDatabase.migrated(db.jdbcUrl()));
        }
    }

    @Test
    void racingProcessesCountEveryAttemptOnMariaDb() throws Exception {
        try (ExternalDatabases.Scratch db = ExternalDatabases.mariadb()) {
            assertExactCountUnderRace(ThrottleDatabase.migrated(db.jdbcUrl()));
        }
    }

    /** 20 attempts at once from two "processes" against a limit of 12: exactly 8 are refused. */
    private void assertExactCountUnderRace(DataSource database) throws Exception {
        LoginThrottle a = ThrottleDatabase.throttle(database, clock, 12, 1000);
        LoginThrottle b = ThrottleDatabase.throttle(database, clock, 12, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> attempts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                LoginThrottle process = i % 2 == 0 ? a : b;
                String ip = "10.2.0." + i;
                attempts.add(() -> process.attempt("race@example.com", ip));
            }
            long refused = 0;
            for (Future<Long> f : pool.invokeAll(attempts)) {
                refused += f.get() > 0 ? 1 : 0;
            }
            assertThat(refused).isEqualTo(8);
        } finally {
            pool.shutdown();
        }
    }
}
