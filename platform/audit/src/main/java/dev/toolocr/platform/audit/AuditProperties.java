package dev.toolocr.platform.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retentionDays entries older than this are purged (Tool_OCR maps {@code AUDIT_RETENTION_DAYS})
 * @param metricPrefix the application's prefix of the audit meters, e.g. {@code tool_ocr} gives
 *     {@code tool_ocr_audit_written_total}
 * @param adminPaths requests under these path patterns are themselves audited as {@code admin_access}
 */
@Validated
@ConfigurationProperties("platform.audit")
public record AuditProperties(
        @DefaultValue("365") @Min(1) @Max(36_500) int retentionDays,

        @DefaultValue("platform") @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,31}")
        String metricPrefix,

        @DefaultValue("/api/v2/admin/**") List<@NotBlank String> adminPaths) {}
