package dev.toolocr.incident.export;

import dev.toolocr.incident.export.RoomRecord.PostedFile;
import dev.toolocr.incident.export.RoomRecord.StatusChange;
import dev.toolocr.incident.rooms.Attachments.Attachment;
import dev.toolocr.incident.rooms.MessageViews.MessageView;
import dev.toolocr.incident.rooms.RoomDtos.MemberView;
import dev.toolocr.incident.rooms.RoomDtos.RoomView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The record as an A4 PDF, all text in Noto Sans TC (Traditional Chinese and Latin), a subset of
 * which is embedded. The font comes from the build (the locked npm package copied into this jar),
 * never from the machine, so the PDF looks the same on a server without any CJK font installed.
 * User text is drawn as text; nothing in it becomes a link or an action.
 */
@Component
class PdfExport {

    static final String FONT = "dev/toolocr/incident/export/fonts/400Regular/NotoSansTC_400Regular.ttf";

    private static final float MARGIN = 50;
    private static final float BODY = 9.5f;
    private static final float LEADING = 1.45f;

    private final byte[] font;

    PdfExport() {
        // Read once and fail at start-up: a build without the font must not pass as working.
        try (InputStream in = PdfExport.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the export font " + FONT + " is missing from the build");
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(RoomRecord r) {
        try (PDDocument doc = new PDDocument();
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font))) {
            Page page = new Page(doc, PDType0Font.load(doc, ttf, true), ttf.getUnicodeCmapLookup());
            RoomView room = r.room();
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(page.safe("Incident report: " + room.title()));
            info.setCreator("Line Incident Response");

            page.text("Incident report: " + room.title(), 16, 0);
            page.text(
                    "Exported " + Text.time(r.exportedAt(), r.zone()) + " ("
                            + r.zone().getId() + ") by " + r.exportedBy() + ". All times are "
                            + r.zone().getId() + ".",
                    8,
                    0);
            page.gap(8);

            page.heading("Fields");
            for (String[] row : Text.fields(room, r.zone())) {
                page.labelled(row[0], row[1]);
            }
            if (room.description() != null && !room.description().isBlank()) {
                page.heading("Description");
                page.text(room.description(), BODY, 0);
            }
            if (room.resolution() != null && !room.resolution().isBlank()) {
                page.heading("Resolution");
                page.text(room.resolution(), BODY, 0);
            }

            page.heading("Timeline");
            for (StatusChange c : r.timeline()) {
                page.labelled(Text.time(c.at(), r.zone()), c.status() + " — " + c.notice());
            }

            page.heading("Members");
            for (MemberView m : r.members()) {
                page.labelled(
                        m.role().code(),
                        (m.displayName() == null ? "(pending)" : m.displayName()) + " <" + m.email() + ">, joined "
                                + Text.time(m.joinedAt(), r.zone()));
            }

            page.heading("Transcript");
            Map<String, Long> seqOf = new HashMap<>();
            r.transcript().forEach(m -> seqOf.put(m.id(), m.seq()));
            for (MessageView m : r.transcript()) {
                StringBuilder head = new StringBuilder()
                        .append('#')
                        .append(m.seq())
                        .append("  ")
                        .append(Text.time(m.createdAt(), r.zone()))
                        .append("  ")
                        .append(RoomRecord.authorName(m));
                if (m.replyTo() != null && seqOf.containsKey(m.replyTo())) {
                    head.append("  (reply to #").append(seqOf.get(m.replyTo())).append(')');
                }
                if (m.editedAt() != null && !m.deleted()) {
                    head.append("  (edited)");
                }
                if (m.pinned()) {
                    head.append("  (pinned)");
                }
                page.gap(3);
                page.text(head.toString(), 8, 0);
                if (m.deleted()) {
                    page.text("message deleted", BODY, 12);
                    continue;
                }
                if (m.content() != null && !m.content().isBlank()) {
                    page.text(m.content(), BODY, 12);
                }
                for (Attachment a : m.attachments()) {
                    page.text(
                            "Attachment: " + a.filename() + " (" + a.mimeType() + ", " + Text.size(a.size()) + ")",
                            8,
                            12);
                }
            }

            page.heading("Attachments");
            if (r.attachments().isEmpty()) {
                page.text("None.", BODY, 0);
            }
            for (PostedFile p : r.attachments()) {
                Attachment a = p.file();
                page.labelled(
                        a.filename(),
                        a.mimeType() + ", " + Text.size(a.size())
                                + (a.width() == null ? "" : ", " + a.width() + "×" + a.height() + " px") + "; #"
                                + p.seq() + " by " + p.postedBy() + ", " + Text.time(p.postedAt(), r.zone()));
            }
            page.finish();

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return withToUnicode(out.toByteArray(), page.drawn);
        } catch (IOException e) {
            throw new UncheckedIOException("PDF export failed", e);
        }
    }

    /**
     * Replaces the subset font's ToUnicode map with one made from the characters actually drawn.
     * PDFBox maps each glyph back to the lowest code point the font assigns to it, and Noto gives
     * many ideographs' glyphs to a Kangxi radical too (大 U+5927 and ⼤ U+2F24): copied or searched
     * text would then not be the text that was written. The content's character codes are the
     * font's glyph ids (PDFBox's Identity-H subset), so the map is glyph id → code point.
     */
    private static byte[] withToUnicode(byte[] pdf, Map<Integer, Integer> drawn) throws IOException {
        StringBuilder cmap = new StringBuilder()
                .append("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n")
                .append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n")
                .append("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n")
                .append("1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
        List<Map.Entry<Integer, Integer>> entries = new ArrayList<>(new java.util.TreeMap<>(drawn).entrySet());
        for (int from = 0; from < entries.size(); from += 100) {
            List<Map.Entry<Integer, Integer>> block = entries.subList(from, Math.min(entries.size(), from + 100));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, Integer> e : block) {
                cmap.append(String.format(Locale.ROOT, "<%04X> <", e.getKey()));
                for (char c : Character.toChars(e.getValue())) {
                    cmap.append(String.format(Locale.ROOT, "%04X", (int) c));
                }
                cmap.append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        cmap.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            java.util.Set<COSDictionary> done = new java.util.HashSet<>();
            for (PDPage p : doc.getPages()) {
                for (COSName name : p.getResources().getFontNames()) {
                    COSDictionary font = p.getResources().getFont(name).getCOSObject();
                    if (COSName.TYPE0.equals(font.getCOSName(COSName.SUBTYPE)) && done.add(font)) {
                        COSStream stream = doc.getDocument().createCOSStream();
                        try (java.io.OutputStream os = stream.createOutputStream(COSName.FLATE_DECODE)) {
                            os.write(cmap.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        }
                        font.setItem(COSName.TO_UNICODE, stream);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A writing position on A4 pages that turns the page when the next line does not fit. */
    private static final class Page {

        private final PDDocument doc;
        private final PDType0Font font;
        private final CmapLookup cmap;
        /** Glyph id → the code point drawn with it, for the ToUnicode map. */
        final Map<Integer, Integer> drawn = new HashMap<>();

        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;
        private int number;

        Page(PDDocument doc, PDType0Font font, CmapLookup cmap) throws IOException {
            this.doc = doc;
            this.font = font;
            this.cmap = cmap;
            next();
        }

        void heading(String title) throws IOException {
            gap(10);
            text(title, 12.5f, 0);
            gap(2);
        }

        /** A label column and a value wrapped beside it. */
        void labelled(String label, String value) throws IOException {
            float column = 120;
            List<String> labels = wrap(safe(label), BODY, column - 8);
            List<String> values = wrap(safe(value), BODY, width - column);
            int lines = Math.max(labels.size(), values.size());
            for (int i = 0; i < lines; i++) {
                room(BODY);
                if (i < labels.size()) {
                    show(labels.get(i), BODY, MARGIN, y);
                }
                if (i < values.size()) {
                    show(values.get(i), BODY, MARGIN + column, y);
                }
            }
        }

        /** Paragraphs of text, the author's line breaks kept, wrapped to the width. */
        void text(String text, float size, float indent) throws IOException {
            for (String paragraph : safe(text).split("\n", -1)) {
                for (String line : wrap(paragraph, size, width - indent)) {
                    room(size);
                    show(line, size, MARGIN + indent, y);
                }
            }
        }

        void gap(float points) {
            y -= points;
        }

        void finish() throws IOException {
            footer();
            stream.close();
        }

        private void room(float size) throws IOException {
            float needed = size * LEADING;
            if (y - needed < MARGIN + 14) {
                finish();
                next();
            }
            y -= needed;
        }

        private void next() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
            number++;
        }

        private void footer() throws IOException {
            show("Page " + number, 7, MARGIN, MARGIN - 10);
        }

        private void show(String line, float size, float x, float atY) throws IOException {
            if (line.isEmpty()) {
                return;
            }
            line.codePoints().forEach(cp -> drawn.putIfAbsent(cmap.getGlyphId(cp), cp));
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, atY);
            stream.showText(line);
            stream.endText();
        }

        /**
         * Line breaks where Unicode allows them (between CJK characters, after spaces); a run too
         * long for a line (a URL, a serial number) is cut between characters.
         */
        private List<String> wrap(String text, float size, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            BreakIterator breaks = BreakIterator.getLineInstance(Locale.TRADITIONAL_CHINESE);
            breaks.setText(text);
            StringBuilder line = new StringBuilder();
            int start = breaks.first();
            for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                String piece = text.substring(start, end);
                if (width(line + piece, size) <= max) {
                    line.append(piece);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString().stripTrailing());
                    line.setLength(0);
                }
                piece = piece.stripLeading();
                while (width(piece, size) > max) {
                    int cut = fitting(piece, size, max);
                    lines.add(piece.substring(0, cut));
                    piece = piece.substring(cut);
                }
                line.append(piece);
            }
            if (!line.isEmpty() || lines.isEmpty()) {
                lines.add(line.toString().stripTrailing());
            }
            return lines;
        }

        private int fitting(String piece, float size, float max) throws IOException {
            int cut = piece.offsetByCodePoints(0, 1);
            while (cut < piece.length()) {
                int next = piece.offsetByCodePoints(cut, 1);
                if (width(piece.substring(0, next), size) > max) {
                    break;
                }
                cut = next;
            }
            return cut;
        }

        private float width(String s, float size) throws IOException {
            return font.getStringWidth(s) / 1000f * size;
        }

        /** Characters the font has; others (emoji, controls, unassigned) become a replacement the font has. */
        String safe(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.replace("\r\n", "\n").replace('\r', '\n').codePoints().forEach(cp -> {
                if (cp == '\n') {
                    out.append('\n');
                } else if (cp == '\t' || Character.isWhitespace(cp)) {
                    out.append(' ');
                } else if (Character.getType(cp) == Character.CONTROL || Character.getType(cp) == Character.FORMAT) {
                    // dropped: invisible, and bidi overrides would reorder what follows
                } else if (cmap.getGlyphId(cp) != 0) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(cmap.getGlyphId(0xFFFD) != 0 ? '\uFFFD' : '?');
                }
            });
            return out.toString();
        }
    }
}
