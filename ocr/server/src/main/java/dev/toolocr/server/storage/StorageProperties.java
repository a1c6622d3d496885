package dev.toolocr.server.storage;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where uploads and results live; bound from {@code TOOL_OCR_DATA_DIR}. */
@Validated
@ConfigurationProperties("tool-ocr")
public record StorageProperties(@NotNull Path dataDir) {

    /** Uploaded originals and results, one directory per user and task. */
    public Path filesRoot() {
        return dataDir.toAbsolutePath().normalize().resolve("files");
    }
}
