package dev.toolocr.server.database;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DataSource dataSource(DatabaseProperties properties) {
        DatabaseTarget target = properties.target();
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("tool-ocr");
        ds.setJdbcUrl(target.jdbcUrl());
        ds.setUsername(target.username());
        ds.setPassword(target.password());
        return ds;
    }

    @Bean
    FlywayConfigurationCustomizer prefixedMigrations(DatabaseProperties properties) {
        return flyway -> SchemaMigrations.configure(
                flyway, properties.tablePrefix(), properties.target().vendor());
    }

    @Bean
    PhysicalNamingStrategy prefixedNamingStrategy(DatabaseProperties properties) {
        return new PrefixedNamingStrategy(properties.tablePrefix());
    }
}
