package dev.toolocr.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class ModuleMigrationsTest {

    @Test
    void aModuleWhoseHistoryIsNewStillRunsItsFirstMigrationInASchemaOthersAlreadyUse() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:module-migrations;DB_CLOSE_DELAY=-1");
        MigrationSet first = new MigrationSet("first", "classpath:db/migrations-test/first", "first_history", 0, null);
        MigrationSet second =
                new MigrationSet("second", "classpath:db/migrations-test/second", "second_history", 100, null);

        ModuleMigrations.migrate(ds, "p_", DatabaseTarget.Vendor.H2, List.of(second, first));

        try (Connection c = ds.getConnection()) {
            assertThat(count(c, "SELECT COUNT(*) FROM p_first_things")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM p_second_things")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM \"p_second_history\" WHERE \"version\" = '1' AND \"success\""))
                    .isEqualTo(1);
        }
    }

    private static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
