package dev.toolocr.incident.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The incident app's settings.
 *
 * @param dataDir {@code INCIDENT_DATA_DIR}: the embedded database, files and keys live below it
 * @param messages per-user send limits
 * @param realtime WebSocket behaviour
 */
@Validated
@ConfigurationProperties("incident")
public record IncidentProperties(
        @NotNull Path dataDir,
        @Valid @NotNull @DefaultValue Messages messages,
        @Valid @NotNull @DefaultValue Realtime realtime) {

    /**
     * @param maxPerWindow messages one user may send to one room within {@code window} (each
     *     counted send is kept in the database until it leaves the window, hence the upper bound)
     * @param window the sliding window of the send limit
     */
    public record Messages(
            @DefaultValue("30") @Min(1) @Max(1000) int maxPerWindow,
            @DefaultValue("10s") @NotNull Duration window) {}

    /** @param typingExpiry how long a typing flag lasts without renewal */
    public record Realtime(@DefaultValue("6s") @NotNull Duration typingExpiry) {}
}
