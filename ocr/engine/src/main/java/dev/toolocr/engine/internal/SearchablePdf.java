package dev.toolocr.engine.internal;

import dev.toolocr.engine.OcrException;
import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.BBox;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Word;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Builds the searchable PDF: image inputs become pages holding the image; PDF inputs keep their
 * original pages untouched. Each OCR'd line is laid over its image position as invisible text, on
 * its own slanted baseline, each word stretched to its box so selection and search highlight the
 * right place. The text uses one
 * glyphless font ({@link TextLayerFont}) whatever the script, so nothing depends on the fonts of the
 * machine. Optionally the result is PDF/A-2b ({@link PdfA}).
 */
public final class SearchablePdf implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** Least gap before a space, in type sizes: pdf.js takes a gap over a tenth for one, pdftotext -raw over 0.15. */
    private static final double WORD_GAP = 0.2;

    /**
     * Widest gap left open between two words of a line, in type sizes. Poppler (pdftotext's default
     * reading order, most Linux viewers) takes a gap over 0.7 of the size for a column gutter: it
     * puts the words on either side into separate blocks, and a receipt then reads every item before
     * every price. A wider gap is spanned by a blank that reads as whitespace ({@link TextLayerFont#gap}).
     */
    static final double MAX_GAP = 0.6;

    private final PDDocument document;
    private final boolean fromPdf;
    private final boolean pdfA;
    private final TextLayerFont font;

    private SearchablePdf(PDDocument document, boolean fromPdf, boolean pdfA) throws IOException {
        this.document = document;
        this.fromPdf = fromPdf;
        this.pdfA = pdfA;
        this.font = new TextLayerFont(document.getDocument());
    }

    /** A new document whose page streams are cached in temporary files, not memory. */
    public static SearchablePdf forImages(boolean pdfA) throws IOException {
        return new SearchablePdf(new PDDocument(IOUtils.createTempFileOnlyStreamCache()), false, pdfA);
    }

    /**
     * Opens {@code original} to lay text over its pages. With {@code pdfA}, a source that cannot
     * become PDF/A-2b without changing how its pages look is refused here, before any recognition.
     */
    public static SearchablePdf overPdf(Path original, boolean pdfA) throws IOException, OcrException {
        PDDocument document = Loader.loadPDF(
                new RandomAccessReadBufferedFile(original.toFile()),
                "",
                null,
                null,
                IOUtils.createTempFileOnlyStreamCache());
        try {
            if (pdfA) {
                PdfA.checkSource(document);
            }
            return new SearchablePdf(document, true, pdfA);
        } catch (IOException | OcrException | RuntimeException e) {
            document.close();
            throw e;
        }
    }

    /** Appends an image page sized from the image and its resolution. */
    public void addImagePage(BufferedImage image, int dpi) throws IOException {
        float width = image.getWidth() * 72f / dpi;
        float height = image.getHeight() * 72f / dpi;
        PDPage page = new PDPage(new PDRectangle(width, height));
        document.addPage(page);
        PDImageXObject xobject = image.getColorModel().getPixelSize() <= 8 && isBilevelOrGray(image)
                ? LosslessFactory.createFromImage(document, image)
                : JPEGFactory.createFromImage(document, image, 0.85f);
        try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
            cs.drawImage(xobject, 0, 0, width, height);
        }
    }

    private static boolean isBilevelOrGray(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_BYTE_GRAY || image.getType() == BufferedImage.TYPE_BYTE_BINARY;
    }

    /**
     * Lays the recognised words of {@code result} over page {@code index} as invisible text. Words
     * were found on the prepared page (turned upright, straightened, maybe upscaled): the page's
     * /Rotate takes the upright turn, as a viewer should show it, and each line goes where it sits
     * on the page image ({@link #placeLine}).
     */
    public void addTextLayer(int index, PageResult result) throws IOException {
        if (fromPdf && "pdf_text".equals(result.textSource())) {
            return;
        }
        PDPage page = document.getPage(index);
        int shown = Math.floorMod(page.getRotation() + result.rotation(), 360);
        page.setRotation(shown);
        if (result.blocks().stream().allMatch(b -> b.lines().isEmpty())) {
            return; // no words: neither font nor content is added to the page
        }
        PDRectangle box = fromPdf ? page.getCropBox() : page.getMediaBox();
        AffineTransform toPage = imageToPage(box, shown, result.width(), result.height());
        // The straightened page was turned about its centre; turning back finds the line on the image.
        AffineTransform unstraighten = Deskew.turn(result.width(), result.height(), -result.skew());
        COSName fontName = addFontResource(page);
        StringBuilder ops = new StringBuilder("BT\n3 Tr\n");
        List<Block> blocks = result.blocks();
        double[] sizes = typeSizes(blocks);
        for (int b = 0; b < blocks.size(); b++) {
            for (Line line : blocks.get(b).lines()) {
                placeLine(ops, fontName, line, sizes[b], toPage, unstraighten);
            }
        }
        ops.append("ET\n");
        appendContent(page, ops.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Maps pixels of the page image as displayed (origin top left, y down) to PDF user space, where
     * the page's /Rotate turns the displayed view clockwise relative to user space.
     */
    static AffineTransform imageToPage(PDRectangle box, int pageRotation, int imageWidth, int imageHeight) {
        int rotate = Math.floorMod(pageRotation, 360);
        boolean sideways = rotate == 90 || rotate == 270;
        double shownWidth = sideways ? box.getHeight() : box.getWidth();
        double shownHeight = sideways ? box.getWidth() : box.getHeight();
        float llx = box.getLowerLeftX();
        float lly = box.getLowerLeftY();
        float urx = box.getUpperRightX();
        float ury = box.getUpperRightY();
        AffineTransform t = switch (rotate) {
            case 90 -> new AffineTransform(0, 1, 1, 0, llx, lly);
            case 180 -> new AffineTransform(-1, 0, 0, 1, urx, lly);
            case 270 -> new AffineTransform(0, -1, -1, 0, urx, ury);
            default -> new AffineTransform(1, 0, 0, -1, llx, ury);
        };
        t.scale(shownWidth / imageWidth, shownHeight / imageHeight);
        return t;
    }

    /**
     * Sets one line of text with one text matrix, level on the page as shown, at the height of the
     * middle of the line's baseline on the page image. Level, because poppler (pdftotext, most Linux
     * viewers) starts a new word wherever a glyph's baseline moves by half a point and a new line
     * wherever it moves by half the type size: on a line turned by a scan's few degrees that cuts
     * words, and Chinese runs glyph by glyph, into pieces it then shuffles. One baseline for the
     * whole line keeps it one line for every extractor; on a skewed page a word's glyphs then sit
     * off its image by at most half the line's rise, at the line's ends. Each word starts where its
     * box starts and is stretched to the box's width, so selecting it covers the word; where no space
     * follows (inside a Chinese run) it reaches on to the next word, and where one does, a space
     * glyph fills the gap, so no extractor is left a gap of its own to guess about. A gap wider than
     * {@link #MAX_GAP} (a receipt's item and its right-aligned price) is spanned, between the two
     * words, by a blank that reads as whitespace, so that poppler keeps the line one line.
     */
    private void placeLine(
            StringBuilder ops,
            COSName fontName,
            Line line,
            double size,
            AffineTransform imageToPage,
            AffineTransform unstraighten) {
        List<Word> words = line.words().stream()
                .filter(w -> w.bbox().x1() > w.bbox().x0()
                        && w.bbox().y1() > w.bbox().y0()
                        && !w.text().isBlank()
                        && font.encode(w.text()) != null)
                .toList();
        if (words.isEmpty()) {
            return;
        }
        words = runs(words);
        // Lines were found on the straightened page, so each runs at the page's angle; the text
        // matrix turns with it (imageToPage has the straightening undone). The font's descent is a
        // fifth of its size: the baseline sits that far above the line's lowest point, so the glyph
        // boxes readers compute from ascent and descent reach from there up by the block's size.
        double bottom = words.stream().mapToInt(w -> w.bbox().y1()).max().orElse(0);
        double baseline = bottom + size * GlyphlessTrueType.DESCENT / 1000.0;
        int n = words.size();
        // Where each word starts on the page image, and the height of the baseline's middle there.
        double[] at = new double[n];
        for (int i = 0; i < n; i++) {
            at[i] = unstraighten
                    .transform(new Point2D.Double(words.get(i).bbox().x0(), baseline), null)
                    .getX();
        }
        double middle = (words.get(0).bbox().x0() + words.get(n - 1).bbox().x1()) / 2.0;
        double level = unstraighten
                .transform(new Point2D.Double(middle, baseline), null)
                .getY();
        AffineTransform m = new AffineTransform(imageToPage);
        m.concatenate(new AffineTransform(1, 0, 0, -1, at[0], level));
        ops.append('/')
                .append(fontName.getName())
                .append(' ')
                .append(number(size))
                .append(" Tf\n");
        ops.append(number(m.getScaleX()))
                .append(' ')
                .append(number(m.getShearY()))
                .append(' ')
                .append(number(m.getShearX()))
                .append(' ')
                .append(number(m.getScaleY()))
                .append(' ')
                .append(number(m.getTranslateX()))
                .append(' ')
                .append(number(m.getTranslateY()))
                .append(" Tm\n");
        // Each word's advance: its box, or on to the next word where no space follows; before a
        // space, short of the next word by at least WORD_GAP of the size, a gap every reader sees.
        double[] advance = new double[n];
        boolean[] space = new boolean[n];
        // Width of the blank spanning a wide gap after each word; 0 where the gap stays open.
        double[] fill = new double[n];
        double[] ratio = new double[n];
        for (int i = 0; i < n; i++) {
            Word w = words.get(i);
            double width = w.bbox().x1() - w.bbox().x0();
            double room = i + 1 < n ? at[i + 1] - at[i] : width;
            space[i] = i + 1 < n && Line.spaceBetween(w, words.get(i + 1));
            if (space[i] && room - width > size * MAX_GAP) {
                advance[i] = width;
                fill[i] = room - width - size * WORD_GAP;
            } else {
                advance[i] = i + 1 == n
                        ? width
                        : space[i]
                                ? Math.max(room * 0.5, Math.min(width, room - size * WORD_GAP))
                                : Math.max(width, room);
            }
            ratio[i] = advance[i] / (TextLayerFont.width(w.text()) * size);
        }
        // One horizontal scaling for the line, its words' median, and only a little character spacing
        // per word: pdf.js compares positions on a turned line in a frame that a scaling changing
        // from word to word distorts, and poppler splits a word whose letters stand apart by more
        // than 3% of the size, or overlap by much.
        double[] sorted = ratio.clone();
        java.util.Arrays.sort(sorted);
        double scale = sorted[n / 2];
        ops.append(number(100 * scale)).append(" Tz\n");
        float spaceWidth = TextLayerFont.width(" ");
        double current = scale;
        // Where the text line matrix stands: Td moves from there, not from the current point.
        double origin = at[0];
        for (int i = 0; i < n; i++) {
            Word w = words.get(i);
            if (i > 0) {
                ops.append(number(at[i] - origin)).append(" 0 Td\n");
                origin = at[i];
            }
            int glyphs = w.text().codePointCount(0, w.text().length());
            double natural = TextLayerFont.width(w.text()) * size;
            // Readers box a glyph by its own width, leaving out the spacing after it: the spacing
            // goes between the glyphs, so the last one ends where the word does.
            double spacing = (advance[i] / scale - natural) / Math.max(1, glyphs - 1);
            // A word far off the line's scaling (Latin letters among Chinese ones, which the font
            // sets as wide) gets its own: only a turned line's reading in pdf.js can suffer from it.
            double wordScale = spacing < -0.04 * size || spacing > 0.02 * size ? ratio[i] : scale;
            if (wordScale != current) {
                ops.append(number(100 * wordScale)).append(" Tz\n");
                current = wordScale;
            }
            spacing = wordScale == scale ? spacing : 0;
            ops.append(number(spacing)).append(" Tc <");
            ops.append(HEX.formatHex(font.encode(w.text()))).append("> Tj\n");
            if (space[i]) {
                // A space of no width: it tells extractors that go by characters, the gap tells the rest.
                ops.append(number(-spaceWidth * size)).append(" Tc <");
                ops.append(HEX.formatHex(font.encode(" "))).append("> Tj\n");
            }
            byte[] gap = fill[i] > 0 ? font.gap() : null;
            if (gap != null) {
                // From the word's end to a space's gap short of the next word, so both keep their
                // own boxes; its own scaling gives it the gap's width.
                ops.append(number(advance[i])).append(" 0 Td\n");
                origin += advance[i];
                double gapScale = fill[i] / (TextLayerFont.width(" ") * size);
                ops.append(number(100 * gapScale)).append(" Tz 0 Tc <");
                ops.append(HEX.formatHex(gap)).append("> Tj\n");
                current = gapScale;
            }
        }
    }

    /**
     * Neighbours with no space between them (the characters of a Chinese phrase, which Tesseract
     * reports one by one, in boxes that may overlap) joined into one run over their joint box: its
     * glyphs are then spread evenly across it, so no reader finds a gap or a step back inside.
     */
    static List<Word> runs(List<Word> words) {
        List<Word> out = new ArrayList<>();
        for (Word w : words) {
            Word last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !Line.spaceBetween(last, w)) {
                BBox box = new BBox(
                        Math.min(last.bbox().x0(), w.bbox().x0()),
                        Math.min(last.bbox().y0(), w.bbox().y0()),
                        Math.max(last.bbox().x1(), w.bbox().x1()),
                        Math.max(last.bbox().y1(), w.bbox().y1()));
                // The run keeps the last word's text end, so the next space test sees its script.
                out.set(out.size() - 1, new Word(last.text() + w.text(), box, last.confidence(), last.spaceBefore()));
            } else {
                out.add(w);
            }
        }
        return out;
    }

    /**
     * Least ratio between the type sizes of two neighbouring blocks: poppler grows a block only into
     * lines within 5% of its own size.
     */
    static final double SIZE_STEP = 1.07;

    /**
     * Each block's type size ({@link #typeSize}), neighbouring blocks kept apart by it. Poppler grows
     * a block into the lines above and below that overlap it side to side, whatever the gap beside
     * them, so two columns under a full-width paragraph of the same type become one block through
     * it, read across both columns line by line. A block whose size is within a few percent of an
     * earlier neighbour's is set a step larger until it is not: poppler then keeps each block of
     * ours apart, and orders them as columns. The glyph boxes of a block so raised reach a little
     * above its lines, still over its words.
     */
    static double[] typeSizes(List<Block> blocks) {
        int n = blocks.size();
        double[] sizes = new double[n];
        for (int i = 0; i < n; i++) {
            double size = typeSize(blocks.get(i));
            for (int j = 0; j < i; j++) {
                double larger = Math.max(size, sizes[j]);
                if (near(blocks.get(i).bbox(), blocks.get(j).bbox(), larger)
                        && Math.abs(size - sizes[j]) < (SIZE_STEP - 1) * 0.85 * larger) {
                    size *= SIZE_STEP;
                    j = -1; // check every earlier neighbour again at the new size
                }
            }
            sizes[i] = size;
        }
        return sizes;
    }

    /**
     * Whether poppler could join two blocks: within two sizes of each other above or below, or a
     * size and a half side by side (more than it ever bridges; a page turned back from its skew
     * moves blocks a little against each other).
     */
    private static boolean near(BBox a, BBox b, double size) {
        double apartX = Math.max(a.x0(), b.x0()) - Math.min(a.x1(), b.x1());
        double apartY = Math.max(a.y0(), b.y0()) - Math.min(a.y1(), b.y1());
        return apartX <= 1.5 * size && apartY <= 2 * size;
    }

    /**
     * One type size for a block's lines, the median line height: poppler keeps lines in one block
     * only while their sizes differ by a few percent, and a line's own height depends on whether
     * its words reach below the baseline. The glyph box (ascent 0.8, descent 0.2 of the size) then
     * spans a line's letters from the tops of its capitals to the bottoms of its descenders.
     */
    static double typeSize(Block block) {
        int[] heights = block.lines().stream()
                .mapToInt(l -> l.bbox().y1() - l.bbox().y0())
                .filter(h -> h > 0)
                .sorted()
                .toArray();
        return heights.length == 0 ? 1 : heights[heights.length / 2];
    }

    /** Four decimals at most, trailing zeros dropped: short content streams, sub-pixel placement. */
    private static String number(double value) {
        String s = String.format(Locale.ROOT, "%.4f", value);
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        s = s.substring(0, end);
        return s.equals("-0") ? "0" : s;
    }

    /** Lists the text layer font in the page's resources under a name the page does not use yet. */
    private COSName addFontResource(PDPage page) {
        PDResources resources = page.getResources();
        if (resources == null) {
            resources = new PDResources();
            page.setResources(resources);
        }
        COSDictionary fonts = resources.getCOSObject().getCOSDictionary(COSName.FONT);
        if (fonts == null) {
            fonts = new COSDictionary();
            resources.getCOSObject().setItem(COSName.FONT, fonts);
        }
        for (int n = 0; ; n++) {
            COSName name = COSName.getPDFName("OcrText" + (n == 0 ? "" : n));
            COSBase existing = fonts.getDictionaryObject(name);
            if (existing == null || existing == font.dictionary()) {
                fonts.setItem(name, font.dictionary());
                return name;
            }
        }
    }

    /**
     * Appends {@code content} to the page after its own content, wrapped so that whatever graphics
     * state the original content leaves behind (a PDF input's transforms, clips) cannot move the text.
     */
    private void appendContent(PDPage page, byte[] content) throws IOException {
        COSDictionary dict = page.getCOSObject();
        COSBase existing = dict.getDictionaryObject(COSName.CONTENTS);
        COSArray contents = new COSArray();
        boolean wrap = existing instanceof COSStream || existing instanceof COSArray a && a.size() > 0;
        if (wrap) {
            contents.add(stream("q\n".getBytes(StandardCharsets.US_ASCII)));
            if (existing instanceof COSArray array) {
                for (int i = 0; i < array.size(); i++) {
                    contents.add(array.get(i));
                }
            } else {
                contents.add(dict.getItem(COSName.CONTENTS));
            }
        }
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        if (wrap) {
            layer.writeBytes("Q\n".getBytes(StandardCharsets.US_ASCII));
        }
        layer.writeBytes(content);
        contents.add(stream(layer.toByteArray()));
        dict.setItem(COSName.CONTENTS, contents);
    }

    private COSStream stream(byte[] data) throws IOException {
        COSStream stream = document.getDocument().createCOSStream();
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(data);
        }
        return stream;
    }

    public void save(Path out) throws IOException {
        font.finish();
        if (pdfA) {
            PdfA.apply(document, Calendar.getInstance());
        }
        document.save(out.toFile());
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
