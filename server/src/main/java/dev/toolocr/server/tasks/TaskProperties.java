package dev.toolocr.server.tasks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and retention for tasks, bound from {@code MAX_TASKS_PER_USER}, {@code TASK_RETENTION_DAYS}
 * and {@code ENABLE_TASK_HISTORY}.
 */
@Validated
@ConfigurationProperties("tool-ocr.tasks")
public record TaskProperties(
        @Min(1) @Max(1_000_000) int maxTasksPerUser,
        @Min(1) @Max(36_500) int retentionDays,
        boolean enableHistory) {}
