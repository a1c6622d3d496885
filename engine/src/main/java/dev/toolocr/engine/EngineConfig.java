package dev.toolocr.engine;

import java.nio.file.Path;

/**
 * @param parallelPages pages recognised at once (one Tesseract instance each)
 * @param tessdataDir language data directory; null searches TESSDATA_PREFIX, then the system's
 */
public record EngineConfig(int parallelPages, Path tessdataDir) {

    public EngineConfig {
        if (parallelPages < 1) {
            throw new IllegalArgumentException("parallelPages must be at least 1");
        }
    }

    public static EngineConfig defaults() {
        return new EngineConfig(Math.max(1, Runtime.getRuntime().availableProcessors()), null);
    }
}
