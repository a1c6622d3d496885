package dev.toolocr.platform.persistence.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.toolocr.platform.persistence.DatabaseProperties;
import dev.toolocr.platform.persistence.DatabaseTarget;
import dev.toolocr.platform.persistence.MigrationSet;
import dev.toolocr.platform.persistence.ModuleMigrations;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The database every application on the platform uses: {@code DATABASE_URL} (embedded H2 when
 * blank), one table prefix for entities and migrations, and each module's migrations in order.
 * Boot's Flyway set-up still decides when migrations run (before JPA starts); what runs is every
 * registered {@link MigrationSet}.
 */
@AutoConfiguration(before = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(DatabaseProperties.class)
public class PersistenceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DataSource dataSource(DatabaseProperties properties) {
        DatabaseTarget target = properties.target();
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName(properties.poolName());
        ds.setJdbcUrl(target.jdbcUrl());
        ds.setUsername(target.username());
        ds.setPassword(target.password());
        return ds;
    }

    @Bean
    FlywayMigrationStrategy moduleMigrations(DatabaseProperties properties, ObjectProvider<MigrationSet> sets) {
        return flyway -> ModuleMigrations.migrate(
                flyway.getConfiguration().getDataSource(),
                properties.tablePrefix(),
                properties.target().vendor(),
                List.copyOf(sets.orderedStream().toList()));
    }

    @Bean
    PhysicalNamingStrategy prefixedNamingStrategy(DatabaseProperties properties) {
        return new PrefixedNamingStrategy(properties.tablePrefix());
    }
}
