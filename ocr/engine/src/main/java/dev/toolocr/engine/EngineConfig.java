package dev.toolocr.engine;

import dev.toolocr.engine.internal.Tessdata;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * @param parallelPages pages recognised at once (one Tesseract instance each)
 * @param tessdataDir the only language data directory, where fetched languages go too; null searches
 *     {@code tessdataPrefix}, then the system's tessdata, then {@code languageCache}
 * @param tessdataPrefix the directory {@code TESSDATA_PREFIX} names (or its parent, as Tesseract 3 had
 *     it); null when unset
 * @param systemTessdataDirs the system's tessdata directories, searched after {@code tessdataPrefix};
 *     null for the usual places ({@link Tessdata#SYSTEM_DIRS}), empty for none
 * @param languageCache where bundled and fetched languages are unpacked; null for {@code $XDG_CACHE_HOME/tool-ocr/tessdata}
 *     (or {@code ~/.cache/tool-ocr/tessdata})
 * @param fetchMissingLanguages download a requested language that is not installed, from {@code
 *     languageRegistry}, instead of failing
 * @param languageRegistry the npm registry (or a mirror) serving {@code @tesseract.js-data/<lang>}
 */
public record EngineConfig(
        int parallelPages,
        Path tessdataDir,
        Path tessdataPrefix,
        List<Path> systemTessdataDirs,
        Path languageCache,
        boolean fetchMissingLanguages,
        URI languageRegistry) {

    public static final URI NPM_REGISTRY = URI.create("https://registry.npmjs.org/");

    public EngineConfig {
        if (parallelPages < 1) {
            throw new IllegalArgumentException("parallelPages must be at least 1");
        }
        systemTessdataDirs = systemTessdataDirs == null ? Tessdata.SYSTEM_DIRS : List.copyOf(systemTessdataDirs);
        if (languageRegistry == null) {
            languageRegistry = NPM_REGISTRY;
        }
        String scheme = languageRegistry.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || languageRegistry.getHost() == null) {
            throw new IllegalArgumentException("the language registry must be an http(s) URL");
        }
    }

    /**
     * One page per core, languages from the system or {@code ~/.cache/tool-ocr/tessdata}, nothing
     * downloaded unasked. The engine reads no environment itself: see {@link #fromEnvironment}.
     */
    public static EngineConfig defaults() {
        return new EngineConfig(
                Math.max(1, Runtime.getRuntime().availableProcessors()), null, null, null, null, false, null);
    }

    /**
     * The defaults with Tesseract's and XDG's conventions applied from {@code env} (a process's
     * environment, passed in by its entry point): {@code TESSDATA_PREFIX} is searched first, then the
     * system directories ({@code TOOL_OCR_SYSTEM_TESSDATA} names others, or {@code none}), and the
     * cache is {@code $XDG_CACHE_HOME/tool-ocr/tessdata} (else {@code $HOME/.cache/tool-ocr/tessdata}).
     */
    public static EngineConfig fromEnvironment(Map<String, String> env) {
        return defaults()
                .withTessdataPrefix(Tessdata.prefix(env))
                .withSystemTessdataDirs(Tessdata.systemDirs(env))
                .withLanguageCache(Tessdata.defaultCache(env));
    }

    public EngineConfig withParallelPages(int value) {
        return new EngineConfig(
                value,
                tessdataDir,
                tessdataPrefix,
                systemTessdataDirs,
                languageCache,
                fetchMissingLanguages,
                languageRegistry);
    }

    public EngineConfig withTessdataDir(Path value) {
        return new EngineConfig(
                parallelPages,
                value,
                tessdataPrefix,
                systemTessdataDirs,
                languageCache,
                fetchMissingLanguages,
                languageRegistry);
    }

    public EngineConfig withTessdataPrefix(Path value) {
        return new EngineConfig(
                parallelPages,
                tessdataDir,
                value,
                systemTessdataDirs,
                languageCache,
                fetchMissingLanguages,
                languageRegistry);
    }

    public EngineConfig withSystemTessdataDirs(List<Path> value) {
        return new EngineConfig(
                parallelPages,
                tessdataDir,
                tessdataPrefix,
                value,
                languageCache,
                fetchMissingLanguages,
                languageRegistry);
    }

    public EngineConfig withLanguageCache(Path value) {
        return new EngineConfig(
                parallelPages,
                tessdataDir,
                tessdataPrefix,
                systemTessdataDirs,
                value,
                fetchMissingLanguages,
                languageRegistry);
    }

    public EngineConfig withFetchMissingLanguages(boolean value) {
        return new EngineConfig(
                parallelPages, tessdataDir, tessdataPrefix, systemTessdataDirs, languageCache, value, languageRegistry);
    }

    public EngineConfig withLanguageRegistry(URI value) {
        return new EngineConfig(
                parallelPages,
                tessdataDir,
                tessdataPrefix,
                systemTessdataDirs,
                languageCache,
                fetchMissingLanguages,
                value);
    }
}
