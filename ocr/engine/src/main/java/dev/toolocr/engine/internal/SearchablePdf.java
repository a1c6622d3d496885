package dev.toolocr.engine.internal;

import dev.toolocr.engine.OcrException;
import dev.toolocr.engine.model.PageResult;
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
import java.util.Calendar;
import java.util.HexFormat;
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
 * original pages untouched. Each OCR'd word is laid over its image position as invisible text,
 * stretched to the word's box so selection and search highlight the right place. The text uses one
 * glyphless font ({@link TextLayerFont}) whatever the script, so nothing depends on the fonts of the
 * machine. Optionally the result is PDF/A-2b ({@link PdfA}).
 */
public final class SearchablePdf implements AutoCloseable {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

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
     * /Rotate takes the upright turn, as a viewer should show it, and each word goes where it sits
     * on the page image, set horizontally so that text extraction reads whole lines.
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
        // The straightened page was turned about its centre; turning back finds the word on the image.
        AffineTransform unstraighten = Deskew.turn(result.width(), result.height(), -result.skew());
        COSName fontName = addFontResource(page);
        StringBuilder ops = new StringBuilder("BT\n3 Tr\n");
        for (Block block : result.blocks()) {
            for (Line line : block.lines()) {
                for (Word word : line.words()) {
                    placeWord(ops, fontName, word, toPage, unstraighten);
                }
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
     * Sets the word centred where it lies on the page image, its size the box height and its width
     * stretched to the box width, so highlighting it covers the word. Left level even on a skewed
     * page: a slanted word would shift by a fraction of its height at most, while slanted text
     * breaks lines apart in text extraction. A space follows each word so extraction keeps words
     * apart; it lies just past the box.
     */
    private void placeWord(
            StringBuilder ops, COSName fontName, Word word, AffineTransform toPage, AffineTransform unstraighten) {
        float height = word.bbox().y1() - word.bbox().y0();
        float width = word.bbox().x1() - word.bbox().x0();
        if (height <= 0 || width <= 0 || word.text().isBlank()) {
            return;
        }
        byte[] codes = font.encode(word.text() + " ");
        if (codes == null) {
            return;
        }
        Point2D centre = unstraighten.transform(
                new Point2D.Double(
                        (word.bbox().x0() + word.bbox().x1()) / 2.0,
                        (word.bbox().y0() + word.bbox().y1()) / 2.0),
                null);
        float natural = TextLayerFont.width(word.text()) * height;
        // The font's descent is a fifth of its size: the baseline sits that far above the box bottom,
        // so the glyph boxes readers compute from ascent and descent cover the word's box exactly.
        double baseline = centre.getY() + height / 2.0 + height * GlyphlessTrueType.DESCENT / 1000.0;
        AffineTransform m = new AffineTransform(toPage);
        m.concatenate(new AffineTransform(1, 0, 0, -1, centre.getX() - width / 2.0, baseline));
        ops.append('/')
                .append(fontName.getName())
                .append(' ')
                .append(number(height))
                .append(" Tf\n");
        ops.append(number(100f * width / natural)).append(" Tz\n");
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
                .append(" Tm\n<");
        ops.append(HEX.formatHex(codes));
        ops.append("> Tj\n");
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
