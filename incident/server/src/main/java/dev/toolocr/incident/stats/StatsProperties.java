package dev.toolocr.incident.stats;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The supervisors' statistics.
 *
 * @param maxRooms the most incidents one answer is computed over; a wider range is refused with a
 *     request to narrow it, which bounds the memory a request may take (about 100 bytes per incident)
 */
@Validated
@ConfigurationProperties("incident.stats")
public record StatsProperties(
        @DefaultValue("200000") @Min(1) @Max(2000000) int maxRooms) {}
