package dev.toolocr.engine.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/**
 * The one font of a document's invisible text layer: a Type0 font (Identity-H, two-byte codes)
 * over {@link GlyphlessTrueType}. Each distinct character of the document gets the next free
 * code; every code draws the same blank glyph, and the ToUnicode map turns codes back into the
 * characters. So any script, CJK included, is extractable without a font that has its glyphs.
 * The maps depend on every word laid, so they are written by {@link #finish()} just before saving.
 */
final class TextLayerFont {

    /** Codes are two bytes; code 0 stays .notdef, as PDF readers expect. */
    private static final int MAX_CODES = 0xFFFF;

    private static final COSName NAME = COSName.getPDFName("ToolOCRGlyphless");

    /** Stands in the code-to-character list for the gap code, which reads as two spaces. */
    private static final int GAP = -1;

    private final COSDictionary type0;
    private final COSStream toUnicode;
    private final COSStream cidToGid;
    private final Map<Integer, Integer> codeByCodePoint = new HashMap<>();
    private final List<Integer> codePointByCode = new ArrayList<>();
    private byte[] gap;

    TextLayerFont(COSDocument document) throws IOException {
        COSStream program = document.createCOSStream();
        byte[] ttf = GlyphlessTrueType.bytes();
        program.setInt(COSName.LENGTH1, ttf.length);
        try (OutputStream out = program.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(ttf);
        }

        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setItem(COSName.FONT_NAME, NAME);
        descriptor.setInt(COSName.FLAGS, 4); // symbolic: glyphs are not a standard Latin set
        descriptor.setItem(
                COSName.FONT_BBOX,
                ints(0, GlyphlessTrueType.DESCENT, GlyphlessTrueType.ADVANCE, GlyphlessTrueType.ASCENT));
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, GlyphlessTrueType.ASCENT);
        descriptor.setInt(COSName.DESCENT, GlyphlessTrueType.DESCENT);
        descriptor.setInt(COSName.CAP_HEIGHT, GlyphlessTrueType.ASCENT);
        descriptor.setInt(COSName.STEM_V, 80);
        descriptor.setItem(COSName.FONT_FILE2, program);

        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setItem(COSName.REGISTRY, new COSString("Adobe"));
        systemInfo.setItem(COSName.ORDERING, new COSString("Identity"));
        systemInfo.setInt(COSName.SUPPLEMENT, 0);

        cidToGid = document.createCOSStream();
        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setItem(COSName.BASE_FONT, NAME);
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, GlyphlessTrueType.ADVANCE);
        cidFont.setItem(COSName.CID_TO_GID_MAP, cidToGid);

        toUnicode = document.createCOSStream();
        type0 = new COSDictionary();
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
        type0.setItem(COSName.BASE_FONT, NAME);
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE, toUnicode);
        codePointByCode.add(0);
    }

    /** The font dictionary to list in a page's resources. */
    COSDictionary dictionary() {
        return type0;
    }

    /**
     * Two bytes per character of {@code text}, assigning codes to characters not seen before; null
     * once the document has used up all codes (more than 65,534 distinct characters).
     */
    byte[] encode(String text) {
        int[] codePoints = text.codePoints().toArray();
        byte[] out = new byte[codePoints.length * 2];
        for (int i = 0; i < codePoints.length; i++) {
            Integer code = codeByCodePoint.get(codePoints[i]);
            if (code == null) {
                if (codePointByCode.size() > MAX_CODES) {
                    return null;
                }
                code = codePointByCode.size();
                codePointByCode.add(codePoints[i]);
                codeByCodePoint.put(codePoints[i], code);
            }
            out[2 * i] = (byte) (code >> 8);
            out[2 * i + 1] = (byte) code.intValue();
        }
        return out;
    }

    /**
     * The code of the blank that spans a wide gap inside a line (a receipt's item and its price):
     * it reads as two spaces. Poppler drops a lone whitespace character together with its place, so
     * a gap filled with ordinary spaces stays a gap it may take for a column gutter; a glyph standing
     * for two characters is kept as text with a width, and every extractor still reads whitespace.
     * Null once all codes are used up.
     */
    byte[] gap() {
        if (gap == null && codePointByCode.size() <= MAX_CODES) {
            int code = codePointByCode.size();
            codePointByCode.add(GAP);
            gap = new byte[] {(byte) (code >> 8), (byte) code};
        }
        return gap;
    }

    /** Width of {@code text} in text space units per unit of font size. */
    static float width(String text) {
        return text.codePointCount(0, text.length())
                * GlyphlessTrueType.ADVANCE
                / (float) GlyphlessTrueType.UNITS_PER_EM;
    }

    /** Writes the code-to-glyph and code-to-character maps for every code handed out. */
    void finish() throws IOException {
        try (OutputStream out = cidToGid.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(new byte[] {0, 0});
            for (int code = 1; code < codePointByCode.size(); code++) {
                out.write(new byte[] {0, (byte) GlyphlessTrueType.BLANK_GLYPH});
            }
        }
        try (OutputStream out = toUnicode.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(toUnicodeCMap().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private String toUnicodeCMap() {
        StringBuilder sb = new StringBuilder();
        sb.append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        int codes = codePointByCode.size() - 1;
        // A bfchar section may hold at most 100 entries.
        for (int first = 1; first <= codes; first += 100) {
            int last = Math.min(codes, first + 99);
            sb.append(last - first + 1).append(" beginbfchar\n");
            for (int code = first; code <= last; code++) {
                sb.append(String.format("<%04X> <", code));
                int codePoint = codePointByCode.get(code);
                if (codePoint == GAP) {
                    sb.append("00200020");
                } else {
                    for (char c : Character.toChars(codePoint)) {
                        sb.append(String.format("%04X", (int) c));
                    }
                }
                sb.append(">\n");
            }
            sb.append("endbfchar\n");
        }
        sb.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return sb.toString();
    }

    private static COSArray ints(int... values) {
        COSArray array = new COSArray();
        for (int v : values) {
            array.add(COSInteger.get(v));
        }
        return array;
    }
}
