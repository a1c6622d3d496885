package dev.toolocr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile PDFs that hide what they would make the renderer do. */
class PdfBombTest {

    static final OcrProcessor processor = SharedProcessor.get();

    @TempDir
    Path dir;

    @Test
    void aHugeImageInsideAFormInsideAFormIsRefusedBeforeDecoding() throws Exception {
        Path pdf = dir.resolve("hidden-bomb.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDImageXObject bomb = declaredImage(doc, 35_000, 35_000);
            PDFormXObject inner = form(doc);
            inner.getResources().put(COSName.getPDFName("Im0"), bomb);
            draw(inner, "/Im0 Do");
            PDFormXObject outer = form(doc);
            outer.getResources().put(COSName.getPDFName("Fm1"), inner);
            draw(outer, "/Fm1 Do");
            page(doc, outer);
            doc.save(pdf.toFile());
        }

        assertThatThrownBy(() -> run(pdf))
                .isInstanceOf(OcrException.class)
                .hasMessage("Page 1 holds a 35000×35000 pixel image; the limit is 100000000 pixels.")
                .satisfies(e -> assertThat(((OcrException) e).code()).isEqualTo(ErrorCode.TOO_MANY_PIXELS));
    }

    @Test
    void formsNestedDeeperThanAnyRealDocumentAreRefused() throws Exception {
        Path pdf = dir.resolve("deep.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDFormXObject current = form(doc);
            draw(current, "0 0 10 10 re f");
            for (int level = 0; level < 40; level++) {
                PDFormXObject parent = form(doc);
                parent.getResources().put(COSName.getPDFName("Fm"), current);
                draw(parent, "/Fm Do");
                current = parent;
            }
            page(doc, current);
            doc.save(pdf.toFile());
        }

        assertThatThrownBy(() -> run(pdf))
                .isInstanceOf(OcrException.class)
                .hasMessage("Page 1 nests drawings more than 32 levels deep.")
                .satisfies(e -> assertThat(((OcrException) e).code()).isEqualTo(ErrorCode.CORRUPT_FILE));
    }

    private void run(Path pdf) throws Exception {
        processor.process(
                pdf,
                pdf.getFileName().toString(),
                OcrOptions.defaults(),
                dir.resolve("out"),
                "out",
                ProgressListener.NONE,
                CancellationToken.NEVER);
    }

    /** An image whose dictionary claims the size; its few data bytes are never reached. */
    private static PDImageXObject declaredImage(PDDocument doc, int width, int height) throws IOException {
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream out = stream.createRawOutputStream()) {
            out.write(new byte[16]);
        }
        stream.setItem(COSName.TYPE, COSName.XOBJECT);
        stream.setItem(COSName.SUBTYPE, COSName.IMAGE);
        stream.setInt(COSName.WIDTH, width);
        stream.setInt(COSName.HEIGHT, height);
        stream.setInt(COSName.BITS_PER_COMPONENT, 8);
        stream.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
        return new PDImageXObject(new org.apache.pdfbox.pdmodel.common.PDStream(stream), null);
    }

    private static PDFormXObject form(PDDocument doc) {
        PDFormXObject form = new PDFormXObject(doc);
        form.setBBox(new PDRectangle(0, 0, 100, 100));
        form.setResources(new PDResources());
        return form;
    }

    private static void draw(PDFormXObject form, String operators) throws IOException {
        try (OutputStream out = form.getContentStream().createOutputStream()) {
            out.write(operators.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private static void page(PDDocument doc, PDFormXObject form) throws IOException {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.drawForm(form);
        }
    }
}
