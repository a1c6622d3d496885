package dev.toolocr.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

class GlyphlessTrueTypeTest {

    @Test
    void parsesAsATrueTypeFontWithOneBlankGlyphOfTheDeclaredWidth() throws Exception {
        try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(GlyphlessTrueType.bytes()))) {
            assertThat(font.getNumberOfGlyphs()).isEqualTo(2);
            assertThat(font.getUnitsPerEm()).isEqualTo(GlyphlessTrueType.UNITS_PER_EM);
            assertThat(font.getAdvanceWidth(GlyphlessTrueType.BLANK_GLYPH)).isEqualTo(GlyphlessTrueType.ADVANCE);
            assertThat(font.getHorizontalHeader().getAscender()).isEqualTo((short) GlyphlessTrueType.ASCENT);
            assertThat(font.getHorizontalHeader().getDescender()).isEqualTo((short) GlyphlessTrueType.DESCENT);
            GlyphData blank = font.getGlyph().getGlyph(GlyphlessTrueType.BLANK_GLYPH);
            assertThat(blank.getPath().getBounds2D().isEmpty()).isTrue();
            assertThat(font.getName()).isEqualTo("ToolOCRGlyphless");
        }
    }

    @Test
    void wholeFileChecksumIsTheTrueTypeMagicNumber() {
        byte[] font = GlyphlessTrueType.bytes();
        assertThat(font.length % 4).isZero();
        ByteBuffer b = ByteBuffer.wrap(font);
        long sum = 0;
        while (b.remaining() >= 4) {
            sum += b.getInt() & 0xFFFFFFFFL;
        }
        assertThat(sum & 0xFFFFFFFFL).isEqualTo(0xB1B0AFBAL);
    }
}
