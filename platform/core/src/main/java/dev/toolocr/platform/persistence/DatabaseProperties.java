package dev.toolocr.platform.persistence;

import dev.toolocr.platform.settings.InvalidSettingException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the relational database lives. Bound from {@code DATABASE_URL}, {@code DATABASE_USERNAME},
 * {@code DATABASE_PASSWORD} and {@code DATABASE_TABLE_PREFIX} (see application.yml).
 *
 * @param url JDBC URL or a {@code postgresql://user:pass@host/db} style URL; blank means the embedded H2
 * @param embeddedUrl the H2 URL used when {@code url} is blank
 * @param tablePrefix the prefix of every table name, history tables included
 * @param poolName the connection pool's name in logs and metrics
 */
@Validated
@ConfigurationProperties("platform.database")
public record DatabaseProperties(
        String url,
        @NotBlank String embeddedUrl,
        String username,
        String password,

        @NotBlank
        @Pattern(
                regexp = TablePrefix.PATTERN,
                message = "must be 1-24 characters of lower-case letters, digits and '_', starting with a letter")
        String tablePrefix,

        @DefaultValue("database") @NotBlank String poolName) {

    public DatabaseProperties {
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (url != null && !url.isBlank()) {
            try {
                DatabaseTarget.parse(url, username, password);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("DATABASE_URL", e.getMessage());
            }
        }
    }

    /** The database to connect to, with credentials taken from the URL when it carries them. */
    public DatabaseTarget target() {
        boolean embedded = url == null || url.isBlank();
        return DatabaseTarget.parse(embedded ? embeddedUrl : url, username, password);
    }

    @Override
    public String toString() {
        return "DatabaseProperties[url=" + (url == null || url.isBlank() ? embeddedUrl : DatabaseTarget.redact(url))
                + ", username=" + username + ", tablePrefix=" + tablePrefix + "]";
    }
}
