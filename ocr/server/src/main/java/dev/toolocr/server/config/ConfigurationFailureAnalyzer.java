package dev.toolocr.server.config;

import dev.toolocr.platform.settings.InvalidSettingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;

/**
 * Explains an invalid setting in one line naming the environment variable an operator actually sets
 * ({@code MAX_TASKS_PER_USER}), not Spring's internal property path. Values are never echoed: some
 * of these settings are secrets.
 */
class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

    static {
        VARIABLES.put("platform.database.url", "DATABASE_URL");
        VARIABLES.put("platform.database.username", "DATABASE_USERNAME");
        VARIABLES.put("platform.database.password", "DATABASE_PASSWORD");
        VARIABLES.put("platform.database.table-prefix", "DATABASE_TABLE_PREFIX");
        VARIABLES.put("tool-ocr.tasks.max-tasks-per-user", "MAX_TASKS_PER_USER");
        VARIABLES.put("tool-ocr.tasks.retention-days", "TASK_RETENTION_DAYS");
        VARIABLES.put("tool-ocr.tasks.enable-history", "ENABLE_TASK_HISTORY");
        VARIABLES.put("tool-ocr.data-dir", "TOOL_OCR_DATA_DIR");
        VARIABLES.put("platform.audit.retention-days", "AUDIT_RETENTION_DAYS");
        VARIABLES.put("platform.auth.admin-emails", "ADMIN_EMAILS");
        VARIABLES.put("platform.storage.s3.complete", "STORAGE_S3_BUCKET");
        VARIABLES.put("platform.auth.local.bootstrap-admin-password", "TOOL_OCR_ADMIN_PASSWORD");
        VARIABLES.put("platform.auth.external.api-url", "EXTERNAL_AUTH_API_URL");
        VARIABLES.put("platform.auth.external.endpoint", "EXTERNAL_AUTH_ENDPOINT");
        VARIABLES.put("platform.auth.external.timeout", "EXTERNAL_AUTH_TIMEOUT");
        VARIABLES.put("platform.auth.external.reauth.refresh-buffer", "TOKEN_REFRESH_BUFFER");
        VARIABLES.put("platform.auth.external.oidc.complete", "PLATFORM_AUTH_EXTERNAL_OIDC_ISSUER");
    }

    @Override
    protected FailureAnalysis analyze(Throwable root, BindException cause) {
        InvalidSettingException invalid = findCause(root, InvalidSettingException.class);
        String description;
        if (invalid != null) {
            description = "Invalid configuration: " + invalid.getMessage() + ".";
        } else if (cause.getCause() instanceof BindValidationException validation) {
            String prefix = validation.getValidationErrors().getName().toString();
            description = validation.getValidationErrors().getAllErrors().stream()
                    .map(error -> {
                        String field = error instanceof FieldError f ? prefix + "." + kebab(f.getField()) : prefix;
                        return "Invalid configuration: " + variableFor(field) + " " + error.getDefaultMessage() + ".";
                    })
                    .collect(Collectors.joining(System.lineSeparator()));
        } else {
            String property = cause.getProperty() != null
                    ? cause.getProperty().getName().toString()
                    : cause.getName().toString();
            String reason = rootMessage(cause);
            description = "Invalid configuration: " + variableFor(property) + " " + reason + ".";
        }
        return new FailureAnalysis(description, "Correct the variable named above and start again.", cause);
    }

    private static String rootMessage(BindException cause) {
        Throwable t = cause.getCause();
        while (t != null && t.getCause() != null && t.getCause() != t) {
            if (t instanceof IllegalArgumentException
                    && t.getMessage() != null
                    && !t.getMessage().contains("Failed to convert")) {
                break;
            }
            t = t.getCause();
        }
        if (t instanceof NumberFormatException) {
            return "must be a whole number";
        }
        if (t instanceof IllegalArgumentException
                && t.getMessage() != null
                && !t.getMessage().contains(":")) {
            return t.getMessage();
        }
        return "has a value that cannot be used";
    }

    private static String variableFor(String property) {
        String variable = VARIABLES.get(property);
        if (variable != null) {
            return variable;
        }
        // Spring's relaxed binding maps TOOL_OCR_FOO_BAR to tool-ocr.foo-bar; show the same form.
        return property.replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
