package dev.toolocr.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.engine.EngineConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineSettingsTest {

    @Test
    void passesTessdataPrefixCacheHomeAndSystemTessdataToTheEngine() {
        EngineConfig config = new TaskProperties.Engine("/opt/tessdata", "/var/cache", "none").toEngineConfig();

        assertThat(config.tessdataPrefix()).isEqualTo(Path.of("/opt/tessdata"));
        assertThat(config.languageCache()).isEqualTo(Path.of("/var/cache/tool-ocr/tessdata"));
        assertThat(config.systemTessdataDirs()).isEmpty();
    }

    @Test
    void blankSettingsLeaveTheEngineToTheSystemsLanguageData() {
        EngineConfig config = new TaskProperties.Engine("", " ", "").toEngineConfig();

        assertThat(config.tessdataPrefix()).isNull();
        assertThat(config.languageCache())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache/tool-ocr/tessdata"));
        assertThat(config.systemTessdataDirs())
                .isEqualTo(EngineConfig.defaults().systemTessdataDirs());
    }
}
