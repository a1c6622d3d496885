package dev.toolocr.platform.storage;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where objects are kept.
 *
 * @param localRoot the folder of the local store (the embedded default)
 */
@Validated
@ConfigurationProperties("platform.storage")
public record StorageProperties(@NotNull Path localRoot) {}
