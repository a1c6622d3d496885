package dev.toolocr.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/** A scanned page's image is taken as stored only where rendering would give the same pixels. */
class ScanImageTest {

    /** A grey page image of {@code width}×{@code height} with some structure, so misplaced pixels show. */
    private static BufferedImage scan(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = (x / 20 + y / 30) % 3 == 0 ? random.nextInt(80) : 200 + random.nextInt(56);
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        return image;
    }

    /** A page of {@code pageWidth}×{@code pageHeight} points drawing {@code image} over all of it. */
    private static PDPage scannedPage(PDDocument doc, BufferedImage image, float pageWidth, float pageHeight)
            throws Exception {
        PDPage page = new PDPage(new PDRectangle(pageWidth, pageHeight));
        doc.addPage(page);
        PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
            cs.drawImage(xobject, 0, 0, pageWidth, pageHeight);
        }
        return page;
    }

    @Test
    void aPageDrawingOneImageAtTheResolutionAskedGivesTheRenderedPixels() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            // 2 × 1.5 inches at 300 dpi.
            PDPage page = scannedPage(doc, scan(600, 450), 144, 108);
            BufferedImage stored = Images.toGray(ScanImage.of(page, 300));
            BufferedImage rendered = new PDFRenderer(doc).renderImageWithDPI(0, 300, ImageType.GRAY);
            // PDFBox rounds the rendered size down (449.99 rows become 449): the rows both have.
            assertThat(stored.getWidth()).isEqualTo(600);
            assertThat(stored.getHeight()).isEqualTo(450);
            assertThat(rendered.getWidth()).isBetween(599, 600);
            assertThat(rendered.getHeight()).isBetween(449, 450);
            int w = rendered.getWidth();
            int h = rendered.getHeight();
            int[] a = stored.getRaster().getPixels(0, 0, w, h, (int[]) null);
            int[] b = rendered.getRaster().getPixels(0, 0, w, h, (int[]) null);
            int same = 0;
            for (int i = 0; i < a.length; i++) {
                if (a[i] == b[i]) {
                    same++;
                }
            }
            System.out.println("ScanImage vs rendered: " + same + " of " + a.length + " pixels equal");
            assertThat(same).isEqualTo(a.length);
        }
    }

    @Test
    void anImageAtAnotherResolutionIsLeftToTheRenderer() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = scannedPage(doc, scan(400, 300), 144, 108); // 200 dpi
            assertThat(ScanImage.of(page, 300)).isNull();
            assertThat(ScanImage.of(page, 200)).isNotNull();
        }
    }

    @Test
    void aPageWithMoreThanItsImageIsLeftToTheRenderer() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = scannedPage(doc, scan(600, 450), 144, 108);
            try (PDPageContentStream cs =
                    new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.showText("stamp");
                cs.endText();
            }
            assertThat(ScanImage.of(page, 300)).isNull();
        }
    }

    @Test
    void aTurnedPageIsLeftToTheRenderer() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = scannedPage(doc, scan(600, 450), 144, 108);
            page.setRotation(90);
            assertThat(ScanImage.of(page, 300)).isNull();
        }
    }

    @Test
    void anImageCoveringPartOfThePageIsLeftToTheRenderer() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(144, 108));
            doc.addPage(page);
            PDImageXObject xobject = LosslessFactory.createFromImage(doc, scan(300, 225));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(xobject, 0, 0, 72, 54);
            }
            assertThat(ScanImage.of(page, 300)).isNull();
        }
    }
}
