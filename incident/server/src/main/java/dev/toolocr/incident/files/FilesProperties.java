package dev.toolocr.incident.files;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of uploaded files. The servlet's multipart limits are derived from {@code maxSize} (see
 * {@link FilesConfiguration}), so the two cannot disagree.
 *
 * @param maxSize {@code INCIDENT_MAX_FILE_SIZE}: the largest file accepted (default 50 MiB)
 * @param maxPixels {@code INCIDENT_MAX_IMAGE_PIXELS}: the most pixels (width × height) an image may
 *     declare in its header; larger ones are refused before any decoding
 * @param unattachedRetention how long an upload that no message carries is kept before it is removed
 */
@Validated
@ConfigurationProperties("incident.files")
public record FilesProperties(
        @DefaultValue("50MB") @NotNull DataSize maxSize,

        @DefaultValue("40000000") @Min(1) @Max(1_000_000_000)
        long maxPixels,

        @DefaultValue("24h") @NotNull Duration unattachedRetention) {

    @AssertTrue(message = "max-size must be between 1KB and 2GB")
    public boolean isMaxSizeSensible() {
        return maxSize == null
                || (maxSize.toBytes() >= 1024
                        && maxSize.toBytes() <= DataSize.ofGigabytes(2).toBytes());
    }
}
