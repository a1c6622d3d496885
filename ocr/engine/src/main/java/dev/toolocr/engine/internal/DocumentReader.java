package dev.toolocr.engine.internal;

import dev.toolocr.engine.DetectedType;
import dev.toolocr.engine.ErrorCode;
import dev.toolocr.engine.OcrException;
import dev.toolocr.engine.OcrOptions;
import dev.toolocr.engine.model.PageResult;
import dev.toolocr.engine.model.PageResult.Table;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.DefaultResourceCache;
import org.apache.pdfbox.pdmodel.MissingResourceException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.pattern.PDTilingPattern;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceEntry;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Opens a document and yields its pages one at a time, so a long document never has more than the
 * pages in flight rasterised. Not thread-safe: one reader per run, read from one thread.
 */
public final class DocumentReader implements AutoCloseable {

    /** Rules are a few pixels wide even at this resolution; drawing paths alone at it is quick. */
    private static final int RULES_DPI = 150;

    /** Forms inside forms beyond this are refused; real documents stay within a handful. */
    private static final int MAX_FORM_DEPTH = 32;

    /** A page to recognise (image) or already carrying text (extracted). */
    public record Page(int index, BufferedImage image, int dpi, PageResult extracted) {}

    private final DetectedType type;
    private final OcrOptions options;
    private final PDDocument pdf;
    private final PDFRenderer renderer;
    private final RulesRenderer rulesRenderer;
    private final ImageInputStream imageStream;
    private final ImageReader imageReader;
    private final int pages;

    public DocumentReader(Path file, DetectedType type, OcrOptions options) throws OcrException {
        this.type = type;
        this.options = options;
        try {
            if (type == DetectedType.PDF) {
                this.pdf = openPdf(file);
                this.renderer = new ScanRenderer(pdf);
                this.rulesRenderer = new RulesRenderer(pdf);
                this.imageStream = null;
                this.imageReader = null;
                this.pages = pdf.getNumberOfPages();
            } else {
                this.pdf = null;
                this.renderer = null;
                this.rulesRenderer = null;
                this.imageStream = ImageIO.createImageInputStream(file.toFile());
                Iterator<ImageReader> readers = imageStream == null ? null : ImageIO.getImageReaders(imageStream);
                if (readers == null || !readers.hasNext()) {
                    close();
                    throw new OcrException(ErrorCode.CORRUPT_FILE, "The image could not be decoded.");
                }
                this.imageReader = readers.next();
                // Metadata is read: it holds the resolution (PNG pHYs, TIFF, JFIF), which upscaling relies on.
                imageReader.setInput(imageStream, false, false);
                this.pages = type == DetectedType.TIFF || type == DetectedType.GIF ? imageReader.getNumImages(true) : 1;
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw new OcrException(ErrorCode.CORRUPT_FILE, "The file is damaged or truncated and cannot be read.", e);
        }
        if (pages < 1) {
            close();
            throw new OcrException(ErrorCode.CORRUPT_FILE, "The document has no pages.");
        }
        if (pages > options.maxPages()) {
            close();
            throw new OcrException(
                    ErrorCode.TOO_MANY_PAGES,
                    "The document has " + pages + " pages; the limit is " + options.maxPages() + ".");
        }
    }

    private static PDDocument openPdf(Path file) throws OcrException, IOException {
        try {
            PDDocument doc = Loader.loadPDF(file.toFile());
            doc.setResourceCache(new NoImageResourceCache());
            return doc;
        } catch (InvalidPasswordException e) {
            throw new OcrException(
                    ErrorCode.ENCRYPTED_PDF, "The PDF is password-protected; remove the password and upload it again.");
        }
    }

    public int pageCount() {
        return pages;
    }

    public DetectedType type() {
        return type;
    }

    public PDDocument pdf() {
        return pdf;
    }

    public Page page(int index) throws OcrException {
        try {
            return type == DetectedType.PDF ? pdfPage(index) : imagePage(index);
        } catch (MissingResourceException e) {
            throw new OcrException(
                    ErrorCode.CORRUPT_FILE,
                    "Page " + (index + 1) + " draws an image that is missing from the file; the PDF is damaged or"
                            + " truncated.",
                    e);
        } catch (IOException | RuntimeException e) {
            throw new OcrException(
                    ErrorCode.CORRUPT_FILE, "Page " + (index + 1) + " is damaged and cannot be read.", e);
        }
    }

    private Page imagePage(int index) throws IOException, OcrException {
        long pixels = (long) imageReader.getWidth(index) * imageReader.getHeight(index);
        if (pixels > options.maxPixelsPerPage()) {
            throw new OcrException(
                    ErrorCode.TOO_MANY_PIXELS,
                    "Page " + (index + 1) + " is " + imageReader.getWidth(index) + "×" + imageReader.getHeight(index)
                            + " pixels; the limit is " + options.maxPixelsPerPage() + " pixels.");
        }
        BufferedImage image = imageReader.read(index);
        int dpi = ImageDpi.of(imageReader, index);
        return new Page(index, image, dpi, null);
    }

    private Page pdfPage(int index) throws IOException, OcrException {
        PDPage page = pdf.getPage(index);
        if (!options.forceOcr()) {
            PageResult text = PdfTextExtractor.extract(pdf, index, options.renderDpi());
            if (text != null) {
                return new Page(index, null, options.renderDpi(), withTables(text, page));
            }
        }
        checkEmbeddedImages(page, index);
        PDRectangle box = page.getCropBox();
        int dpi = options.renderDpi();
        double pixels = (box.getWidth() / 72.0 * dpi) * (box.getHeight() / 72.0 * dpi);
        // A huge page is rendered at a lower resolution rather than exhausting memory.
        while (pixels > options.maxPixelsPerPage() && dpi > 72) {
            dpi = Math.max(72, dpi * 2 / 3);
            pixels = (box.getWidth() / 72.0 * dpi) * (box.getHeight() / 72.0 * dpi);
        }
        if (pixels > options.maxPixelsPerPage()) {
            throw new OcrException(ErrorCode.TOO_MANY_PIXELS, "Page " + (index + 1) + " is too large to render.");
        }
        BufferedImage image = ScanImage.of(page, dpi);
        if (image == null) {
            image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
        }
        return new Page(index, image, dpi, null);
    }

    /**
     * Finds ruled tables on a page whose text is extracted: its paths are drawn at {@link #RULES_DPI}
     * and the grid found there is scaled to the text's coordinates.
     */
    private PageResult withTables(PageResult text, PDPage page) {
        PDRectangle box = page.getCropBox();
        double pixels = (box.getWidth() / 72.0 * RULES_DPI) * (box.getHeight() / 72.0 * RULES_DPI);
        if (pixels > options.maxPixelsPerPage()) {
            return text;
        }
        try {
            BufferedImage rules = rulesRenderer.renderImageWithDPI(text.number() - 1, RULES_DPI, ImageType.GRAY);
            List<Table> tables = TableDetector.detect(rules, RULES_DPI, text.dpi() / (double) RULES_DPI, text.blocks());
            return new PageResult(
                    text.number(),
                    text.width(),
                    text.height(),
                    text.dpi(),
                    text.rotation(),
                    text.skew(),
                    text.textSource(),
                    text.blocks(),
                    tables,
                    text.languages());
        } catch (IOException | RuntimeException e) {
            // Tables are structure on top of text that is already there: a page whose drawing PDFBox
            // cannot follow keeps its text rather than failing.
            return text;
        }
    }

    /** Rendering decodes every image at full size first, so a bomb inside a PDF is refused up front. */
    /**
     * Refuses a page that would decode an image over the pixel limit: images drawn by the page, by
     * the forms and tiling patterns it uses (to any depth) and by its annotations' appearances, and
     * their masks, all checked from their dictionaries before anything is decoded.
     */
    private void checkEmbeddedImages(PDPage page, int index) throws IOException, OcrException {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        checkResources(page.getResources(), index, seen, 0);
        for (PDAnnotation annotation : page.getAnnotations()) {
            PDAppearanceDictionary appearance = annotation.getAppearance();
            PDAppearanceEntry normal = appearance == null ? null : appearance.getNormalAppearance();
            if (normal == null) {
                continue;
            }
            if (normal.isStream()) {
                checkResources(normal.getAppearanceStream().getResources(), index, seen, 1);
            } else if (normal.isSubDictionary()) {
                for (PDAppearanceStream state : normal.getSubDictionary().values()) {
                    checkResources(state.getResources(), index, seen, 1);
                }
            }
        }
    }

    private void checkResources(PDResources resources, int index, Set<COSBase> seen, int depth)
            throws IOException, OcrException {
        if (resources == null || !seen.add(resources.getCOSObject())) {
            return;
        }
        if (depth > MAX_FORM_DEPTH) {
            // Rendering recurses once per level; a chain this deep is built to exhaust the stack.
            throw new OcrException(
                    ErrorCode.CORRUPT_FILE,
                    "Page " + (index + 1) + " nests drawings more than " + MAX_FORM_DEPTH + " levels deep.");
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                checkImage(image, index);
                checkImage(image.getSoftMask(), index);
                checkImage(image.getMask(), index);
            } else if (object instanceof PDFormXObject form) {
                checkResources(form.getResources(), index, seen, depth + 1);
            }
        }
        for (COSName name : resources.getPatternNames()) {
            if (resources.getPattern(name) instanceof PDTilingPattern tiling) {
                checkResources(tiling.getResources(), index, seen, depth + 1);
            }
        }
    }

    private void checkImage(PDImageXObject image, int index) throws OcrException {
        if (image == null) {
            return;
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        if (pixels > options.maxPixelsPerPage()) {
            throw new OcrException(
                    ErrorCode.TOO_MANY_PIXELS,
                    "Page " + (index + 1) + " holds a " + image.getWidth() + "×" + image.getHeight()
                            + " pixel image; the limit is " + options.maxPixelsPerPage() + " pixels.");
        }
    }

    /**
     * PDFBox's default cache keeps every decoded page image (softly) for the document's life, so a long
     * scan fills the heap before the collector gives any back; images are used once per page anyway.
     * Fonts and forms stay cached: pages share them.
     */
    private static final class NoImageResourceCache extends DefaultResourceCache {
        @Override
        public void put(COSObject indirect, PDXObject xobject) {
            if (!(xobject instanceof PDImageXObject)) {
                super.put(indirect, xobject);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (imageReader != null) {
                imageReader.dispose();
            }
            if (imageStream != null) {
                imageStream.close();
            }
            if (pdf != null) {
                pdf.close();
            }
        } catch (IOException ignored) {
            // Closing a read-only input cannot lose data.
        }
    }
}
