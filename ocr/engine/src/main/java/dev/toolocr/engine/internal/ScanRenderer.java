package dev.toolocr.engine.internal;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.MissingResourceException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.rendering.PageDrawer;
import org.apache.pdfbox.rendering.PageDrawerParameters;

/**
 * Renders a page for recognition like PDFBox does, except that a page drawing an image or form the
 * file no longer holds fails instead of coming out blank. That is what a truncated upload looks
 * like once PDFBox has repaired its cross-references: the scan is the content, and OCR of a blank
 * stand-in would lose it silently.
 */
final class ScanRenderer extends PDFRenderer {

    ScanRenderer(PDDocument document) {
        super(document);
    }

    @Override
    protected PageDrawer createPageDrawer(PageDrawerParameters parameters) throws IOException {
        PageDrawer drawer = new PageDrawer(parameters) {
            @Override
            protected void operatorException(Operator operator, List<COSBase> operands, IOException e)
                    throws IOException {
                if (e instanceof MissingResourceException && OperatorName.DRAW_OBJECT.equals(operator.getName())) {
                    throw e;
                }
                super.operatorException(operator, operands, e);
            }
        };
        drawer.setAnnotationFilter(getAnnotationsFilter());
        return drawer;
    }
}
