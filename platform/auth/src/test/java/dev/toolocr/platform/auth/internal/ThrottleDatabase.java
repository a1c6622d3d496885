package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.persistence.DatabaseTarget;
import dev.toolocr.platform.persistence.ModuleMigrations;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A database with auth's tables for throttle tests, and throttles on it as separate processes would have. */
final class ThrottleDatabase {

    static final String PREFIX = "thr_";

    private ThrottleDatabase() {}

    static DataSource h2() {
        return migrated("jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    static DataSource migrated(String url) {
        try {
            DataSource ds = new SimpleDriverDataSource(DriverManager.getDriver(url), url);
            ModuleMigrations.migrate(
                    ds,
                    PREFIX,
                    DatabaseTarget.parse(url, "", "").vendor(),
                    List.of(new AuthAutoConfiguration().authMigrations()));
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static LoginThrottle throttle(DataSource ds, Clock clock, int perUsername, int perIp) {
        return new LoginThrottle(
                TestAuthProperties.with(Path.of("unused"), null, null, Duration.ofSeconds(5), perUsername, perIp),
                new JdbcTemplate(ds),
                new TransactionTemplate(new DataSourceTransactionManager(ds)),
                PREFIX,
                clock);
    }
}
