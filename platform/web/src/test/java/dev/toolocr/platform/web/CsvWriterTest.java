package dev.toolocr.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void quotesCellsDefusesFormulasAndEndsLinesWithCrLf() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        new CsvWriter(bytes)
                .header(List.of("name", "agent"))
                .row(Arrays.asList("報告 \"2026\".png", "=HYPERLINK(\"x\")"))
                .row(Arrays.asList(null, "@sum"))
                .flush();

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "name,agent\r\n" + "\"報告 \"\"2026\"\".png\",\"'=HYPERLINK(\"\"x\"\")\"\r\n" + ",\"'@sum\"\r\n");
    }
}
