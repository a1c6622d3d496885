package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.engine.internal.LanguageData;
import dev.toolocr.engine.internal.Tessdata;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each language data view here unpacks the shipped osd into its cache, so every cache is temporary. */
class EngineConfigTest {

    @TempDir
    Path xdg;

    @Test
    void followsTesseractAndXdgConventionsFromTheEnvironmentItIsGiven() {
        EngineConfig config = EngineConfig.fromEnvironment(
                Map.of("TESSDATA_PREFIX", "/opt/tessdata", "XDG_CACHE_HOME", xdg.toString()));

        assertThat(config.tessdataPrefix()).isEqualTo(Path.of("/opt/tessdata"));
        assertThat(config.languageCache()).isEqualTo(xdg.resolve("tool-ocr/tessdata"));
        try (LanguageData data = LanguageData.of(config)) {
            assertThat(data.tessdata().search())
                    .first()
                    .isEqualTo(new Tessdata.Location("TESSDATA_PREFIX", Path.of("/opt/tessdata")));
            assertThat(data.tessdata().search())
                    .last()
                    .isEqualTo(new Tessdata.Location("cache", xdg.resolve("tool-ocr/tessdata")));
        }
    }

    @Test
    void theSystemTessdataDirectoriesCanBeNamedOrLeftOut() {
        EngineConfig none = EngineConfig.fromEnvironment(
                Map.of("TOOL_OCR_SYSTEM_TESSDATA", "none", "XDG_CACHE_HOME", xdg.toString()));
        EngineConfig named = EngineConfig.fromEnvironment(
                Map.of("TOOL_OCR_SYSTEM_TESSDATA", "/opt/a:/opt/b", "XDG_CACHE_HOME", xdg.toString()));

        try (LanguageData data = LanguageData.of(none)) {
            assertThat(data.tessdata().search())
                    .extracting(Tessdata.Location::source)
                    .containsExactly("cache");
        }
        try (LanguageData data = LanguageData.of(named)) {
            assertThat(data.tessdata().search())
                    .filteredOn(l -> l.source().equals("system"))
                    .extracting(Tessdata.Location::dir)
                    .containsExactly(Path.of("/opt/a"), Path.of("/opt/b"));
        }
        assertThat(EngineConfig.fromEnvironment(Map.of()).systemTessdataDirs()).isEqualTo(Tessdata.SYSTEM_DIRS);
    }

    @Test
    void theDefaultsReadNoEnvironment() {
        EngineConfig config = EngineConfig.defaults();

        assertThat(config.tessdataPrefix()).isNull();
        try (LanguageData data = LanguageData.of(config.withLanguageCache(xdg))) {
            assertThat(data.tessdata().search()).noneMatch(l -> l.source().equals("TESSDATA_PREFIX"));
        }
    }
}
