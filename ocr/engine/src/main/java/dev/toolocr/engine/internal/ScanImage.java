package dev.toolocr.engine.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.OperatorName;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The scan inside a scanned PDF page, taken as it is stored. Most scanned pages draw one image over
 * the whole page and nothing else; at the resolution the page is to be read at, rendering that page
 * only resamples the image onto itself, which takes PDFBox most of a second per page. Anything
 * else on the page, a turned page, a mask or a resolution other than the one asked for, leaves the
 * page to the renderer.
 */
final class ScanImage {

    /** How far the image's own resolution may stray from the one asked for and still be used as it is. */
    private static final double DPI_TOLERANCE = 0.01;

    /** How far, in points, the image may miss the page's edges. */
    private static final double EDGE_TOLERANCE = 1.0;

    private ScanImage() {}

    /** The page's one image at {@code dpi}, or null when the page must be rendered. */
    static BufferedImage of(PDPage page, int dpi) throws IOException {
        if (page.getRotation() % 360 != 0 || !page.getAnnotations().isEmpty()) {
            return null;
        }
        PDResources resources = page.getResources();
        if (resources == null || !page.hasContents()) {
            return null;
        }
        // Only "q? cm? Do Q?": one image drawn through one plain scale and offset.
        List<Object> tokens = new PDFStreamParser(page).parse();
        double[] matrix = null;
        COSName drawn = null;
        List<COSBase> operands = new ArrayList<>();
        for (Object token : tokens) {
            if (token instanceof COSBase operand) {
                operands.add(operand);
                continue;
            }
            String op = ((Operator) token).getName();
            switch (op) {
                case OperatorName.SAVE, OperatorName.RESTORE -> {
                    if (!operands.isEmpty()) {
                        return null;
                    }
                }
                case OperatorName.CONCAT -> {
                    if (matrix != null || drawn != null || operands.size() != 6) {
                        return null;
                    }
                    matrix = new double[6];
                    for (int i = 0; i < 6; i++) {
                        if (!(operands.get(i) instanceof COSNumber n)) {
                            return null;
                        }
                        matrix[i] = n.floatValue();
                    }
                }
                case OperatorName.DRAW_OBJECT -> {
                    if (drawn != null || operands.size() != 1 || !(operands.get(0) instanceof COSName name)) {
                        return null;
                    }
                    drawn = name;
                }
                default -> {
                    return null;
                }
            }
            operands.clear();
        }
        if (drawn == null || matrix == null || matrix[1] != 0 || matrix[2] != 0 || matrix[0] <= 0 || matrix[3] <= 0) {
            return null;
        }
        PDXObject object = resources.getXObject(drawn);
        if (!(object instanceof PDImageXObject image)
                || image.isStencil()
                || image.getSoftMask() != null
                || image.getMask() != null) {
            return null;
        }
        PDRectangle box = page.getCropBox();
        if (Math.abs(matrix[4] - box.getLowerLeftX()) > EDGE_TOLERANCE
                || Math.abs(matrix[5] - box.getLowerLeftY()) > EDGE_TOLERANCE
                || Math.abs(matrix[0] - box.getWidth()) > EDGE_TOLERANCE
                || Math.abs(matrix[3] - box.getHeight()) > EDGE_TOLERANCE) {
            return null;
        }
        double wanted = box.getWidth() / 72.0 * dpi;
        double wantedHeight = box.getHeight() / 72.0 * dpi;
        if (Math.abs(image.getWidth() - wanted) > wanted * DPI_TOLERANCE
                || Math.abs(image.getHeight() - wantedHeight) > wantedHeight * DPI_TOLERANCE) {
            return null;
        }
        return image.getImage();
    }
}
