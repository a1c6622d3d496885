package dev.toolocr.engine.internal;

import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.Block;
import dev.toolocr.engine.model.PageResult.Line;
import dev.toolocr.engine.model.PageResult.Word;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Builds the searchable PDF: image inputs become pages holding the image; PDF inputs keep their
 * original pages untouched. Each OCR'd word is laid over its image position as invisible text,
 * stretched to the word's box so selection and search highlight the right place.
 */
public final class SearchablePdf implements AutoCloseable {

    /** Fonts able to carry CJK text, when the machine has one; otherwise such words are left out. */
    private static final List<Path> UNICODE_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));

    private final PDDocument document;
    private final boolean fromPdf;
    private PDFont latin;
    private PDFont unicode;
    private boolean unicodeLoaded;

    private SearchablePdf(PDDocument document, boolean fromPdf) {
        this.document = document;
        this.fromPdf = fromPdf;
    }

    /** A new document whose page streams are cached in temporary files, not memory. */
    public static SearchablePdf forImages() {
        return new SearchablePdf(new PDDocument(IOUtils.createTempFileOnlyStreamCache()), false);
    }

    public static SearchablePdf overPdf(Path original) throws IOException {
        return new SearchablePdf(
                org.apache.pdfbox.Loader.loadPDF(
                        new org.apache.pdfbox.io.RandomAccessReadBufferedFile(original.toFile()),
                        "",
                        null,
                        null,
                        IOUtils.createTempFileOnlyStreamCache()),
                true);
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

    /** Lays the recognised words of {@code result} over page {@code index} as invisible text. */
    public void addTextLayer(int index, PageResult result) throws IOException {
        if (fromPdf && "pdf_text".equals(result.textSource())) {
            return;
        }
        PDPage page = document.getPage(index);
        PDRectangle box = fromPdf ? page.getCropBox() : page.getMediaBox();
        double sx = box.getWidth() / result.width();
        double sy = box.getHeight() / result.height();
        try (PDPageContentStream cs =
                new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
            cs.beginText();
            cs.setRenderingMode(RenderingMode.NEITHER);
            for (Block block : result.blocks()) {
                for (Line line : block.lines()) {
                    for (Word word : line.words()) {
                        placeWord(cs, word, box, sx, sy);
                    }
                }
            }
            cs.endText();
        }
    }

    private void placeWord(PDPageContentStream cs, Word word, PDRectangle box, double sx, double sy)
            throws IOException {
        PDFont font = fontFor(word.text());
        if (font == null) {
            return;
        }
        float height = (float) ((word.bbox().y1() - word.bbox().y0()) * sy);
        float width = (float) ((word.bbox().x1() - word.bbox().x0()) * sx);
        if (height <= 0 || width <= 0) {
            return;
        }
        float fontSize = height;
        float natural = font.getStringWidth(word.text()) / 1000f * fontSize;
        float x = (float) (box.getLowerLeftX() + word.bbox().x0() * sx);
        // Baseline a little above the box bottom, where descenders end.
        float y = (float) (box.getUpperRightY() - word.bbox().y1() * sy + height * 0.2f);
        cs.setFont(font, fontSize);
        cs.setHorizontalScaling(natural > 0 ? 100f * width / natural : 100f);
        cs.setTextMatrix(new org.apache.pdfbox.util.Matrix(1, 0, 0, 1, x, y));
        cs.showText(word.text() + " ");
    }

    private PDFont fontFor(String text) throws IOException {
        if (latin == null) {
            latin = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        }
        if (encodable(latin, text)) {
            return latin;
        }
        if (!unicodeLoaded) {
            unicodeLoaded = true;
            for (Path candidate : UNICODE_FONTS) {
                if (Files.isRegularFile(candidate) && candidate.toString().endsWith(".ttf")) {
                    unicode = PDType0Font.load(document, candidate.toFile());
                    break;
                }
            }
        }
        return unicode != null && encodable(unicode, text) ? unicode : null;
    }

    private static boolean encodable(PDFont font, String text) {
        try {
            font.encode(text + " ");
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    public void save(Path out) throws IOException {
        document.save(out.toFile());
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
