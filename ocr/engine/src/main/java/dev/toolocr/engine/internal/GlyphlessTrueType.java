package dev.toolocr.engine.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal TrueType program with two glyphs and no ink: .notdef and one blank glyph, both {@link
 * #ADVANCE} units wide on a 1000-unit em. The invisible text layer maps every character to the blank
 * glyph, so any script can be laid over a page without a font that knows it; what the text says
 * travels in the PDF's ToUnicode map, not in the font.
 */
final class GlyphlessTrueType {

    static final int UNITS_PER_EM = 1000;
    static final int ADVANCE = 500;
    static final int ASCENT = 800;
    static final int DESCENT = -200;
    static final int BLANK_GLYPH = 1;

    private static final byte[] FONT = build();

    private GlyphlessTrueType() {}

    static byte[] bytes() {
        return FONT.clone();
    }

    private static byte[] build() {
        Map<String, byte[]> tables = new TreeMap<>();
        tables.put("cmap", cmap());
        // Glyph 1 is a simple glyph with no contours: present in the font, yet drawing nothing.
        tables.put("glyf", ByteBuffer.allocate(12).array());
        tables.put("head", head());
        tables.put("hhea", hhea());
        tables.put(
                "hmtx",
                ByteBuffer.allocate(8)
                        .putShort((short) ADVANCE)
                        .putShort((short) 0)
                        .putShort((short) ADVANCE)
                        .putShort((short) 0)
                        .array());
        // Long offsets: .notdef is empty (0..0), the blank glyph spans 0..12.
        tables.put(
                "loca", ByteBuffer.allocate(12).putInt(0).putInt(0).putInt(12).array());
        tables.put("maxp", maxp());
        tables.put("name", name());
        tables.put("post", post());
        byte[] font = assemble(tables);
        // head.checkSumAdjustment makes the whole file sum to a fixed magic number.
        int adjustment = (int) (0xB1B0AFBAL - checksum(font));
        int headOffset = tableOffset(font, "head");
        ByteBuffer.wrap(font).putInt(headOffset + 8, adjustment);
        return font;
    }

    private static byte[] head() {
        ByteBuffer b = ByteBuffer.allocate(54);
        b.putInt(0x00010000); // version
        b.putInt(0x00010000); // fontRevision
        b.putInt(0); // checkSumAdjustment, filled in last
        b.putInt(0x5F0F3CF5); // magicNumber
        b.putShort((short) 0x000B); // flags: baseline at y=0, lsb at x=0, integer ppem
        b.putShort((short) UNITS_PER_EM);
        b.putLong(0); // created
        b.putLong(0); // modified
        b.putShort((short) 0); // xMin
        b.putShort((short) DESCENT); // yMin
        b.putShort((short) ADVANCE); // xMax
        b.putShort((short) ASCENT); // yMax
        b.putShort((short) 0); // macStyle
        b.putShort((short) 8); // lowestRecPPEM
        b.putShort((short) 2); // fontDirectionHint
        b.putShort((short) 1); // indexToLocFormat: long
        b.putShort((short) 0); // glyphDataFormat
        return b.array();
    }

    private static byte[] hhea() {
        ByteBuffer b = ByteBuffer.allocate(36);
        b.putInt(0x00010000);
        b.putShort((short) ASCENT);
        b.putShort((short) DESCENT);
        b.putShort((short) 0); // lineGap
        b.putShort((short) ADVANCE); // advanceWidthMax
        b.putShort((short) 0); // minLeftSideBearing
        b.putShort((short) 0); // minRightSideBearing
        b.putShort((short) 0); // xMaxExtent
        b.putShort((short) 1); // caretSlopeRise
        b.putShort((short) 0); // caretSlopeRun
        b.putShort((short) 0); // caretOffset
        b.putLong(0); // reserved
        b.putShort((short) 0); // metricDataFormat
        b.putShort((short) 2); // numberOfHMetrics
        return b.array();
    }

    private static byte[] maxp() {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.putInt(0x00010000);
        b.putShort((short) 2); // numGlyphs
        b.putShort((short) 0); // maxPoints
        b.putShort((short) 0); // maxContours
        b.putShort((short) 0); // maxCompositePoints
        b.putShort((short) 0); // maxCompositeContours
        b.putShort((short) 2); // maxZones
        return b.array(); // the remaining limits are all zero
    }

    /** A Windows Unicode cmap holding only the mandatory final segment: no character maps to ink. */
    private static byte[] cmap() {
        ByteBuffer b = ByteBuffer.allocate(12 + 24);
        b.putShort((short) 0); // version
        b.putShort((short) 1); // numTables
        b.putShort((short) 3); // platform: Windows
        b.putShort((short) 1); // encoding: Unicode BMP
        b.putInt(12); // offset of the subtable
        b.putShort((short) 4); // format
        b.putShort((short) 24); // length
        b.putShort((short) 0); // language
        b.putShort((short) 2); // segCountX2
        b.putShort((short) 2); // searchRange
        b.putShort((short) 0); // entrySelector
        b.putShort((short) 0); // rangeShift
        b.putShort((short) 0xFFFF); // endCode
        b.putShort((short) 0); // reservedPad
        b.putShort((short) 0xFFFF); // startCode
        b.putShort((short) 1); // idDelta
        b.putShort((short) 0); // idRangeOffset
        return b.array();
    }

    private static byte[] name() {
        String[] values = {"ToolOCR Glyphless", "Regular", "ToolOCR Glyphless", "ToolOCRGlyphless"};
        int[] ids = {1, 2, 4, 6};
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        ByteBuffer head = ByteBuffer.allocate(6 + 12 * ids.length);
        head.putShort((short) 0);
        head.putShort((short) ids.length);
        head.putShort((short) (6 + 12 * ids.length));
        for (int i = 0; i < ids.length; i++) {
            byte[] text = values[i].getBytes(StandardCharsets.UTF_16BE);
            head.putShort((short) 3); // Windows
            head.putShort((short) 1); // Unicode BMP
            head.putShort((short) 0x0409); // en-US
            head.putShort((short) ids[i]);
            head.putShort((short) text.length);
            head.putShort((short) strings.size());
            strings.writeBytes(text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.array());
        out.writeBytes(strings.toByteArray());
        return out.toByteArray();
    }

    private static byte[] post() {
        ByteBuffer b = ByteBuffer.allocate(32);
        b.putInt(0x00030000); // version 3: no glyph names
        b.putInt(0); // italicAngle
        b.putShort((short) -100); // underlinePosition
        b.putShort((short) 50); // underlineThickness
        b.putInt(0); // isFixedPitch
        return b.array(); // memory hints all zero
    }

    private static byte[] assemble(Map<String, byte[]> tables) {
        int count = tables.size();
        int entrySelector = 31 - Integer.numberOfLeadingZeros(count);
        int searchRange = (1 << entrySelector) * 16;
        ByteBuffer dir = ByteBuffer.allocate(12 + 16 * count);
        dir.putInt(0x00010000);
        dir.putShort((short) count);
        dir.putShort((short) searchRange);
        dir.putShort((short) entrySelector);
        dir.putShort((short) (count * 16 - searchRange));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int offset = 12 + 16 * count;
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            byte[] data = table.getValue();
            byte[] padded = new byte[(data.length + 3) & ~3];
            System.arraycopy(data, 0, padded, 0, data.length);
            dir.put(table.getKey().getBytes(StandardCharsets.US_ASCII));
            dir.putInt((int) checksum(padded));
            dir.putInt(offset + body.size());
            dir.putInt(data.length);
            body.writeBytes(padded);
        }
        ByteArrayOutputStream font = new ByteArrayOutputStream();
        font.writeBytes(dir.array());
        font.writeBytes(body.toByteArray());
        return font.toByteArray();
    }

    private static long checksum(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data);
        long sum = 0;
        while (b.remaining() >= 4) {
            sum += b.getInt() & 0xFFFFFFFFL;
        }
        return sum & 0xFFFFFFFFL;
    }

    private static int tableOffset(byte[] font, String tag) {
        ByteBuffer b = ByteBuffer.wrap(font);
        int count = b.getShort(4);
        for (int i = 0; i < count; i++) {
            int record = 12 + 16 * i;
            String name = new String(font, record, 4, StandardCharsets.US_ASCII);
            if (name.equals(tag)) {
                return b.getInt(record + 8);
            }
        }
        throw new IllegalStateException("no " + tag + " table");
    }
}
