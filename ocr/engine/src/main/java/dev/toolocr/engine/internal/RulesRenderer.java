package dev.toolocr.engine.internal;

import java.io.IOException;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Draws a PDF page's paths only: no text, images or shadings. Enough to find the rules of a table on
 * a page whose text is extracted rather than recognised, without the cost (or the decompression risk)
 * of decoding its images.
 */
final class RulesRenderer extends PDFRenderer {

    RulesRenderer(PDDocument document) {
        super(document);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        return new PageDrawer(parameters) {
            @Override
            protected void showFontGlyph(Matrix matrix, PDFont font, int code, Vector displacement) {
                // Letters are what the text layer already gives; drawn, they would only add strokes.
            }

            @Override
            public void drawImage(PDImage image) {
                // Skipped: a scan or photo on a text page is no table rule and may be large to decode.
            }

            @Override
            public void shadingFill(COSName shadingName) {
                // Gradients are areas, never rules.
            }
        };
    }
}
