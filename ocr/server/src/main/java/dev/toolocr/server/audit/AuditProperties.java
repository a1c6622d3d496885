package dev.toolocr.server.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param retentionDays entries older than this are purged ({@code AUDIT_RETENTION_DAYS})
 * @param queueCapacity events waiting to be written; beyond it they are counted and logged as lost
 */
@Validated
@ConfigurationProperties("tool-ocr.audit")
public record AuditProperties(
        @DefaultValue("365") @Min(1) @Max(36_500) int retentionDays,
        @DefaultValue("10000") @Min(10) @Max(1_000_000) int queueCapacity) {}
