package dev.toolocr.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolocr.server.ToolOcrApplication;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An operator's typo must stop start-up with a line that names the variable they set. */
@ExtendWith(OutputCaptureExtension.class)
class InvalidConfigurationStopsStartupTest {

    @Test
    void negativeMaxTasksPerUserNamesTheVariable(CapturedOutput output) {
        startWith(Map.of("MAX_TASKS_PER_USER", "-3"));

        assertThat(output).contains("Invalid configuration: MAX_TASKS_PER_USER must be greater than or equal to 1.");
    }

    @Test
    void tablePrefixWithSqlNamesTheVariable(CapturedOutput output) {
        startWith(Map.of("DATABASE_TABLE_PREFIX", "a;drop"));

        assertThat(output)
                .contains("Invalid configuration: DATABASE_TABLE_PREFIX must be 1-24 characters of lower-case letters");
    }

    @Test
    void nonNumericRetentionNamesTheVariable(CapturedOutput output) {
        startWith(Map.of("TASK_RETENTION_DAYS", "forever"));

        assertThat(output).contains("Invalid configuration: TASK_RETENTION_DAYS must be a whole number.");
    }

    @Test
    void unusableDatabaseUrlNamesTheVariableButNotItsSecret(CapturedOutput output) {
        startWith(Map.of("DATABASE_URL", "mongodb://admin:hunter2@db/ocr"));

        assertThat(output).contains("Invalid configuration: DATABASE_URL must be a JDBC URL");
        assertThat(output).doesNotContain("hunter2");
    }

    @Test
    void nonNumericTokenRefreshBufferNamesTheVariable(CapturedOutput output) {
        startWith(Map.of("TOKEN_REFRESH_BUFFER", "soon"));

        assertThat(output).contains("Invalid configuration: TOKEN_REFRESH_BUFFER ");
    }

    @Test
    void oidcIssuerWithoutAudienceOrKeysNamesTheVariable(CapturedOutput output) {
        // Relaxed binding: PLATFORM_AUTH_EXTERNAL_OIDC_ISSUER in the environment.
        startWith(Map.of("platform.auth.external.oidc.issuer", "https://login.example.com/tenant/v2.0"));

        assertThat(output)
                .contains("Invalid configuration: PLATFORM_AUTH_EXTERNAL_OIDC_ISSUER needs an audience and a JWKS URI");
    }

    @Test
    void adAnswerFieldThatIsNotAJsonPointerNamesTheVariable(CapturedOutput output) {
        startWith(Map.of("platform.auth.external.response.email", "data.userInfo.email"));

        assertThat(output)
                .contains("Invalid configuration: PLATFORM_AUTH_EXTERNAL_RESPONSE_EMAIL must be a JSON Pointer");
    }

    @Test
    void unreachableObjectStoreStopsStartUpWithOneSentenceAndNoSecret(CapturedOutput output) throws Exception {
        int closed;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        startWith(Map.of(
                "STORAGE_S3_ENDPOINT", "http://127.0.0.1:" + closed,
                "STORAGE_S3_BUCKET", "tool-ocr",
                "STORAGE_S3_ACCESS_KEY", "ocr",
                "STORAGE_S3_SECRET_KEY", "s3-secret-never-printed"));

        assertThat(output).contains("The storage service at http://127.0.0.1:" + closed + " cannot be reached");
        assertThat(output).doesNotContain("s3-secret-never-printed");
    }

    @Test
    void bucketWithoutKeysNamesTheVariable(CapturedOutput output) {
        startWith(Map.of("STORAGE_S3_BUCKET", "tool-ocr"));

        assertThat(output).contains("Invalid configuration: STORAGE_S3_BUCKET needs STORAGE_S3_ACCESS_KEY");
    }

    private static void startWith(Map<String, Object> settings) {
        // Command-line arguments outrank application.yml, so the test never touches ./data.
        String[] args = {
            "--platform.database.embedded-url=jdbc:h2:mem:config-" + UUID.randomUUID(),
            "--logging.structured.format.console="
        };
        SpringApplicationBuilder app = new SpringApplicationBuilder(ToolOcrApplication.class)
                .web(WebApplicationType.NONE)
                .properties(settings);
        assertThatThrownBy(() -> app.run(args)).isNotNull();
    }
}
