package dev.toolocr.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100-page scanned PDF (one 300 dpi A4 image per page) goes through the CLI in a JVM capped at
 * 512 MB and comes back whole in every format. Run by {@code ./mvnw verify} (failsafe).
 */
class LongScannedPdfIT {

    private static final int PAGES = 100;
    private static final Pattern PAGE_MARK = Pattern.compile("Page (\\d{1,3}) of 100");

    @TempDir
    Path dir;

    @Test
    void hundredScannedPagesCompleteWithin512Megabytes() throws Exception {
        Path input = dir.resolve("long-scan.pdf");
        writeScannedPdf(input);
        Path out = dir.resolve("out");

        Path log = dir.resolve("cli.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // An OutOfMemoryError anywhere must fail the run, not be reported as one failed page.
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                OcrCli.class.getName(),
                input.toString(),
                "--lang",
                "eng",
                "--formats",
                "json,md,pdf,txt",
                "--jobs",
                "2",
                "--out",
                out.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished).as("the CLI finished; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();

        for (String ext : List.of("json", "md", "pdf", "txt")) {
            assertThat(out.resolve("long-scan." + ext)).isNotEmptyFile();
        }
        JsonNode json =
                new ObjectMapper().readTree(out.resolve("long-scan.json").toFile());
        assertThat(json.get("pages")).hasSize(PAGES);
        try (PDDocument pdf = Loader.loadPDF(out.resolve("long-scan.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(PAGES);
        }
        String text = Files.readString(out.resolve("long-scan.txt"), StandardCharsets.UTF_8);
        Set<Integer> marks = new TreeSet<>();
        Matcher m = PAGE_MARK.matcher(text);
        while (m.find()) {
            marks.add(Integer.parseInt(m.group(1)));
        }
        // Every page carries its own number; allow a few misreads of a digit, not lost pages.
        assertThat(marks).hasSizeGreaterThanOrEqualTo(PAGES - 3);
        assertThat(text).contains("quick brown fox");
        assertThat(Files.readString(out.resolve("long-scan.md"))).contains("quick brown fox");
    }

    /** Each page its own 1-bit 300 dpi image (as a scanner writes them), a few lines of text on it. */
    private static void writeScannedPdf(Path target) throws Exception {
        int width = 2480;
        int height = 3508;
        try (PDDocument doc = new PDDocument()) {
            for (int n = 1; n <= PAGES; n++) {
                BufferedImage scan = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
                Graphics2D g = scan.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
                g.setColor(Color.BLACK);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
                g.setFont(new Font(Font.SERIF, Font.PLAIN, 50));
                g.drawString("Quarterly report", 300, 400);
                g.drawString("Page " + n + " of 100", 300, 520);
                g.drawString("The quick brown fox jumps over the lazy dog.", 300, 700);
                g.drawString("Pack my box with five dozen liquor jugs.", 300, 800);
                g.drawString("Sphinx of black quartz, judge my vow.", 300, 900);
                g.dispose();
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                // The 1-bit raster is already laid out as PDF wants it (0 black, rows byte-aligned).
                byte[] packed = ((DataBufferByte) scan.getRaster().getDataBuffer()).getData();
                ByteArrayOutputStream flate = new ByteArrayOutputStream();
                try (DeflaterOutputStream z = new DeflaterOutputStream(flate)) {
                    z.write(packed);
                }
                PDImageXObject image = new PDImageXObject(
                        doc,
                        new ByteArrayInputStream(flate.toByteArray()),
                        COSName.FLATE_DECODE,
                        width,
                        height,
                        1,
                        PDDeviceGray.INSTANCE);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(target.toFile());
        }
    }
}
