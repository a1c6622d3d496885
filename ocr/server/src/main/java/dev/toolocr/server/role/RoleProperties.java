package dev.toolocr.server.role;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What this process is for: {@code all} (UI, API and workers, as configured) or {@code worker}
 * (workers only; HTTP answers health and metrics and nothing else). {@code ./tool-ocr worker} sets it.
 */
@Validated
@ConfigurationProperties("tool-ocr")
public record RoleProperties(@NotNull @DefaultValue("all") Role role) {

    public enum Role {
        ALL,
        WORKER
    }
}
