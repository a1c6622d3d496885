package dev.toolocr.incident.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Types come from the bytes; markup of every kind is recognised as markup. */
class FileTypeTest {

    private static FileType of(String text) {
        return FileType.sniff(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void markupIsRecognisedWhateverItStartsWith() {
        assertThat(of("<!DOCTYPE html><html><script>alert(1)</script>")).isEqualTo(FileType.HTML);
        assertThat(of("\uFEFF  <HTML><body>hi")).isEqualTo(FileType.HTML);
        assertThat(of("just some words then <script>alert(1)</script>")).isEqualTo(FileType.HTML);
        assertThat(of("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"))
                .isEqualTo(FileType.SVG);
        assertThat(of("<?xml version=\"1.0\"?><note>x</note>")).isEqualTo(FileType.XML);
        assertThat(of("壓機四號漏油，已停機。\nline 2")).isEqualTo(FileType.TEXT);
        assertThat(FileType.sniff(new byte[] {0, 1, 2, 3, (byte) 0xff})).isEqualTo(FileType.BINARY);
    }

    @Test
    void imagesAndDocumentsByMagicBytes() {
        assertThat(FileType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isEqualTo(FileType.JPEG);
        assertThat(of("GIF89a<script>")).isEqualTo(FileType.GIF);
        assertThat(of("%PDF-1.7\n")).isEqualTo(FileType.PDF);
        assertThat(of("BM but not a bitmap header")).isNotEqualTo(FileType.BMP);
        assertThat(FileType.sniff(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0})).isEqualTo(FileType.TIFF);
    }
}
