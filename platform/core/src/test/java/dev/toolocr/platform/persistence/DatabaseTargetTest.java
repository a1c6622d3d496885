package dev.toolocr.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

    @Test
    void turnsPastedPostgresUrlIntoJdbcWithDecodedCredentials() {
        DatabaseTarget target =
                DatabaseTarget.parse("postgresql://ocr:p%40ss%3Aword@db.internal:6543/ocr?sslmode=require", "", "");

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/ocr?sslmode=require");
        assertThat(target.username()).isEqualTo("ocr");
        assertThat(target.password()).isEqualTo("p@ss:word");
        assertThat(target.vendor()).isEqualTo(DatabaseTarget.Vendor.POSTGRESQL);
    }

    @Test
    void explicitCredentialsWinOverThoseInTheUrl() {
        DatabaseTarget target = DatabaseTarget.parse("postgres://url-user:url-pw@db/ocr", "env-user", "env-pw");

        assertThat(target.username()).isEqualTo("env-user");
        assertThat(target.password()).isEqualTo("env-pw");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db/ocr");
    }

    @Test
    void mariaDbAndMysqlUseDatetimeColumns() {
        assertThat(DatabaseTarget.parse("mysql://root@127.0.0.1:3306/ocr", "", "")
                        .jdbcUrl())
                .isEqualTo("jdbc:mysql://127.0.0.1:3306/ocr");
        assertThat(DatabaseTarget.parse("jdbc:mariadb://127.0.0.1/ocr", "", "")
                        .vendor()
                        .timestampType())
                .isEqualTo("DATETIME(6)");
        assertThat(DatabaseTarget.parse("jdbc:postgresql://127.0.0.1/ocr", "", "")
                        .vendor()
                        .timestampType())
                .isEqualTo("TIMESTAMP(6)");
    }

    @Test
    void resolvesRelativeH2FilesAgainstTheWorkingDirectory() {
        DatabaseTarget target = DatabaseTarget.parse("jdbc:h2:file:data/db/tool-ocr;MODE=Regular", "", "");

        assertThat(target.jdbcUrl())
                .isEqualTo("jdbc:h2:file:" + Path.of("data/db/tool-ocr").toAbsolutePath() + ";MODE=Regular");
    }

    @Test
    void rejectsUnknownSchemesWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> DatabaseTarget.parse("mongodb://admin:secret@db/ocr", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret")
                .hasMessageContaining("JDBC URL");
        assertThatThrownBy(() -> DatabaseTarget.parse("jdbc:sqlserver://db", "", ""))
                .hasMessageContaining("unsupported database");
    }

    @Test
    void redactsPasswordsForLogs() {
        assertThat(DatabaseTarget.redact("postgresql://ocr:secret@db/ocr")).isEqualTo("postgresql://***@db/ocr");
        assertThat(DatabaseTarget.redact("jdbc:postgresql://db/ocr?user=a&password=secret"))
                .isEqualTo("jdbc:postgresql://db/ocr?user=a&password=***");
    }
}
