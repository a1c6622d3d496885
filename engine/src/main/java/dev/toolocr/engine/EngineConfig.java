package dev.toolocr.engine;

import java.net.URI;
import java.nio.file.Path;

/**
 * @param parallelPages pages recognised at once (one Tesseract instance each)
 * @param tessdataDir the only language data directory, where fetched languages go too; null searches
 *     TESSDATA_PREFIX, then the system's tessdata, then {@code languageCache}
 * @param languageCache where fetched languages are kept; null for {@code $XDG_CACHE_HOME/tool-ocr/tessdata}
 *     (or {@code ~/.cache/tool-ocr/tessdata})
 * @param fetchMissingLanguages download a requested language that is not installed, from {@code
 *     languageRegistry}, instead of failing
 * @param languageRegistry the npm registry (or a mirror) serving {@code @tesseract.js-data/<lang>}
 */
public record EngineConfig(
        int parallelPages, Path tessdataDir, Path languageCache, boolean fetchMissingLanguages, URI languageRegistry) {

    public static final URI NPM_REGISTRY = URI.create("https://registry.npmjs.org/");

    public EngineConfig {
        if (parallelPages < 1) {
            throw new IllegalArgumentException("parallelPages must be at least 1");
        }
        if (languageRegistry == null) {
            languageRegistry = NPM_REGISTRY;
        }
        String scheme = languageRegistry.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || languageRegistry.getHost() == null) {
            throw new IllegalArgumentException("the language registry must be an http(s) URL");
        }
    }

    /** One page per core, languages from the system or cache, nothing downloaded unasked. */
    public static EngineConfig defaults() {
        return new EngineConfig(Math.max(1, Runtime.getRuntime().availableProcessors()), null, null, false, null);
    }

    public EngineConfig withParallelPages(int value) {
        return new EngineConfig(value, tessdataDir, languageCache, fetchMissingLanguages, languageRegistry);
    }

    public EngineConfig withTessdataDir(Path value) {
        return new EngineConfig(parallelPages, value, languageCache, fetchMissingLanguages, languageRegistry);
    }

    public EngineConfig withLanguageCache(Path value) {
        return new EngineConfig(parallelPages, tessdataDir, value, fetchMissingLanguages, languageRegistry);
    }

    public EngineConfig withFetchMissingLanguages(boolean value) {
        return new EngineConfig(parallelPages, tessdataDir, languageCache, value, languageRegistry);
    }

    public EngineConfig withLanguageRegistry(URI value) {
        return new EngineConfig(parallelPages, tessdataDir, languageCache, fetchMissingLanguages, value);
    }
}
