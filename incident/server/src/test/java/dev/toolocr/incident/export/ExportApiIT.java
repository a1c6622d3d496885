package dev.toolocr.incident.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A room in Traditional Chinese, exported in both formats over real HTTP and read back. */
class ExportApiIT extends LiveServer {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TITLE = "沖壓線三號站液壓油洩漏";
    private static final String FIRST = "液壓油從四號沖床的密封圈滲出，已停機並圍起警戒區。";
    private static final String SECOND = "更換密封圈後試車三十分鐘，無滲漏，恢復生產。";
    private static final String HOSTILE = "<script>alert(1)</script> [點我](javascript:alert(2))";

    private Person lead;
    private Person outsider;
    private String room;

    @BeforeEach
    void aResolvedIncidentWithATranscript() throws Exception {
        lead = person("王大明");
        outsider = person("Nosy Neighbour");
        Person responder = person("陳小華");
        Answer created = call(
                "POST",
                "/api/v2/rooms",
                lead,
                Map.of(
                        "title", TITLE,
                        "description", "早班發現地面有油漬。",
                        "line", "沖壓線 A",
                        "equipment", "press-" + UUID.randomUUID(),
                        "category", "machine_down",
                        "severity", "high",
                        "visibility", "restricted"));
        room = created.json().path("id").asText();
        addMember(lead, room, responder, "responder");
        call("POST", "/api/v2/rooms/" + room + "/acknowledge", lead, Map.of("note", "我來處理"));
        post(lead, room, FIRST, null);
        call("POST", "/api/v2/rooms/" + room + "/start", responder, Map.of());
        String photo = uploadPng(responder, "油漬照片.png");
        call(
                "POST",
                "/api/v2/rooms/" + room + "/messages",
                responder,
                Map.of("content", SECOND, "attachment_ids", List.of(photo)));
        post(responder, room, HOSTILE, null);
        call("POST", "/api/v2/rooms/" + room + "/resolve", lead, Map.of("resolution", "更換密封圈"));
    }

    private String uploadPng(Person as, String name) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, 1);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        String boundary = "b" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(png.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v2/rooms/" + room + "/files"))
                        .header("Authorization", "Bearer " + as.token())
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asText();
    }

    private HttpResponse<byte[]> export(Person as, String query) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/v2/rooms/" + room + "/export" + query))
                        .header("Authorization", "Bearer " + as.token())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void markdownHoldsFieldsTimelineMembersTranscriptAndAttachmentsWithUserTextInert() throws Exception {
        HttpResponse<byte[]> r = export(lead, "?format=markdown&tz=Asia/Taipei");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        String md = new String(r.body(), StandardCharsets.UTF_8);

        assertThat(md).contains("# Incident report: " + TITLE);
        assertThat(md).contains("| Line | 沖壓線 A |").contains("| Status | resolved |");
        assertThat(md).contains("## Timeline").contains("| acknowledged |").contains("我來處理");
        assertThat(md).contains("| in\\_progress |").contains("| resolved |");
        assertThat(md).contains("王大明").contains("陳小華").contains("| responder |");
        assertThat(md).contains("> " + FIRST).contains("> " + SECOND);
        assertThat(md).contains("## Attachments").contains("油漬照片.png");
        assertThat(md).contains("Asia/Taipei");
        // The transcript is in seq order.
        assertThat(md.indexOf(FIRST)).isLessThan(md.indexOf(SECOND));

        String html =
                HtmlRenderer.builder().build().render(Parser.builder().build().parse(md));
        assertThat(html).doesNotContain("<script").doesNotContain("href=\"javascript");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void pdfEmbedsASubsetOfTheBuildsFontAndReadsBackInTraditionalChinese() throws Exception {
        HttpResponse<byte[]> r = export(lead, "?format=pdf");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            String text = new PDFTextStripper().getText(pdf);
            String flat = text.replaceAll("\\s+", "");
            assertThat(flat).contains(TITLE).contains(FIRST).contains(SECOND);
            assertThat(flat).contains("王大明").contains("陳小華").contains("油漬照片.png");
            assertThat(flat).contains("<script>alert(1)</script>");
            assertThat(text).contains("Timeline").contains("acknowledged").contains("我來處理");
            List<String> fonts = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).isTrue();
                    fonts.add(font.getName());
                }
                assertThat(page.getAnnotations()).isEmpty();
            }
            // "ABCDEF+NotoSansTC-Regular": only the glyphs used, from the font the build ships.
            assertThat(fonts).isNotEmpty().allMatch(f -> f.matches("[A-Z]{6}\\+NotoSansTC.*"));
        }
        assertThat(r.body().length).isLessThan(2_000_000);
    }

    @Test
    void nonReadersGet404AndAnUnknownFormatIs400() throws Exception {
        HttpResponse<byte[]> hidden = export(outsider, "?format=pdf");
        assertThat(hidden.statusCode()).isEqualTo(404);
        JsonNode problem = JSON.readTree(hidden.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:irs:problem:not-found");
        HttpResponse<byte[]> bad = export(lead, "?format=docx");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("type").asText()).isEqualTo("urn:irs:problem:unknown-format");
        HttpResponse<byte[]> zone = export(lead, "?format=markdown&tz=Mars/Olympus");
        assertThat(JSON.readTree(zone.body()).path("type").asText()).isEqualTo("urn:irs:problem:unknown-time-zone");
    }
}
