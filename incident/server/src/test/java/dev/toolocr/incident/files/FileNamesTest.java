package dev.toolocr.incident.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathsControlsAndBidiOverridesAreRemoved() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\Users\\me\\photo.jpg")).isEqualTo("photo.jpg");
        assertThat(FileNames.sanitise("invoice\u202Egpj.exe")).isEqualTo("invoicegpj.exe");
        assertThat(FileNames.sanitise("a\u0000b\nc\u2066d.png")).isEqualTo("abcd.png");
        assertThat(FileNames.sanitise("what?<x>|\"y\".txt")).isEqualTo("what__x___y_.txt");
        assertThat(FileNames.sanitise("  ..  ")).isEqualTo("file");
        assertThat(FileNames.sanitise(null)).isEqualTo("file");
        assertThat(FileNames.sanitise("CON.txt")).isEqualTo("_CON.txt");
        assertThat(FileNames.sanitise("壓機 照片.png")).isEqualTo("壓機 照片.png");
        String longName = "字".repeat(300) + ".jpeg";
        String cut = FileNames.sanitise(longName);
        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(cut).endsWith(".jpeg");
    }

    @Test
    void contentDispositionCarriesTheExactNameInFilenameStar() {
        String header = FileNames.contentDisposition("attachment", "壓機 照片;\"x\".png");
        assertThat(header).startsWith("attachment; filename=\"");
        String ascii = header.substring(header.indexOf("filename=\"") + 10, header.indexOf("\"; filename*="));
        assertThat(ascii).matches("[\\x20-\\x7e]+").doesNotContain("\"").doesNotContain(";");
        String star = header.substring(header.indexOf("filename*=UTF-8''") + 17);
        assertThat(star).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+");
        assertThat(URLDecoder.decode(star.replace("+", "%2B"), StandardCharsets.UTF_8))
                .isEqualTo("壓機 照片;\"x\".png");
    }
}
