package dev.toolocr.incident.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.LiveServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Uploads, renditions and downloads over real HTTP, with images made in the test. */
class FileApiIT extends LiveServer {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(Person as, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + as.token())
                .GET()
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    private JsonNode uploaded(Person as, String roomId, String filename, String type, byte[] data) throws Exception {
        HttpResponse<byte[]> r = upload(as, roomId, filename, type, data);
        assertThat(r.statusCode())
                .as(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(201);
        return json(r);
    }

    @Test
    void everyImageFormatGetsAPreviewAndAThumbnailReEncoded() throws Exception {
        Person owner = person("Amy Lo");
        String room = room(owner, "open");
        BufferedImage image = Fixtures.halves(1600, 800);
        for (String format : List.of("png", "jpeg", "gif", "bmp", "tiff", "webp")) {
            JsonNode file =
                    uploaded(owner, room, "shot." + format, "application/octet-stream", Fixtures.encode(image, format));
            assertThat(file.path("mime_type").asText()).as(format).isEqualTo("image/" + format);
            assertThat(file.path("width").asInt()).as(format).isEqualTo(1600);
            assertThat(file.path("height").asInt()).as(format).isEqualTo(800);
            assertThat(file.path("has_preview").asBoolean()).as(format).isTrue();
            String id = file.path("id").asText();

            HttpResponse<byte[]> preview = get(owner, "/api/v2/files/" + id + "/preview");
            assertThat(preview.statusCode()).as(format).isEqualTo(200);
            assertThat(header(preview, "Content-Type")).isIn("image/jpeg", "image/png");
            BufferedImage shown = ImageIO.read(new ByteArrayInputStream(preview.body()));
            assertThat(shown.getWidth()).as(format).isEqualTo(1280);
            assertThat(shown.getHeight()).as(format).isEqualTo(640);
            assertThat((shown.getRGB(100, 320) >> 16) & 0xff).as(format).isGreaterThan(200);
            assertThat(shown.getRGB(1180, 320) & 0xff).as(format).isGreaterThan(200);

            HttpResponse<byte[]> thumbnail = get(owner, "/api/v2/files/" + id + "/thumbnail");
            BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.body()));
            assertThat(small.getWidth()).as(format).isEqualTo(320);
            assertThat(small.getHeight()).as(format).isEqualTo(160);

            HttpResponse<byte[]> original = get(owner, "/api/v2/files/" + id);
            assertThat(original.body()).as(format).isEqualTo(Fixtures.encode(image, format));
            assertThat(header(original, "Content-Type")).isEqualTo("image/" + format);
        }
    }

    @Test
    void exifOrientationIsAppliedAndNoExifSurvivesInTheRenditions() throws Exception {
        Person owner = person("Ben Wu");
        String room = room(owner, "open");
        // Stored 200×100, red left: EXIF 6 says "turn 90° clockwise to show", so red is on top.
        byte[] jpeg = Fixtures.jpegWithExif(Fixtures.halves(200, 100), 6, "SecretCam GPS 25.0330N 121.5654E");
        JsonNode file = uploaded(owner, room, "phone.jpg", "image/jpeg", jpeg);
        assertThat(file.path("width").asInt()).isEqualTo(100);
        assertThat(file.path("height").asInt()).isEqualTo(200);
        String id = file.path("id").asText();

        for (String variant : List.of("preview", "thumbnail")) {
            byte[] bytes = get(owner, "/api/v2/files/" + id + "/" + variant).body();
            BufferedImage shown = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(shown.getWidth()).isEqualTo(100);
            assertThat(shown.getHeight()).isEqualTo(200);
            assertThat((shown.getRGB(50, 20) >> 16) & 0xff).isGreaterThan(200);
            assertThat(shown.getRGB(50, 180) & 0xff).isGreaterThan(200);
            String raw = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain("Exif").doesNotContain("SecretCam");
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile("rendition", ".jpg");
            java.nio.file.Files.write(tmp, bytes);
            assertThat(ExifOrientation.read(tmp, FileType.JPEG)).isEqualTo(1);
            java.nio.file.Files.delete(tmp);
        }
        // The original is the uploader's file, byte for byte.
        assertThat(get(owner, "/api/v2/files/" + id).body()).isEqualTo(jpeg);
    }

    @Test
    void disguisedMarkupIsStoredAsAnOpaqueDownloadNeverAsAnImage() throws Exception {
        Person owner = person("Cho Lin");
        String room = room(owner, "open");
        String html = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>";
        JsonNode page = uploaded(owner, room, "photo.jpg", "image/jpeg", html.getBytes(StandardCharsets.UTF_8));
        assertThat(page.path("mime_type").asText()).isEqualTo("text/html");
        assertThat(page.path("has_preview").asBoolean()).isFalse();
        assertThat(page.path("width").isNull()).isTrue();
        assertThat(page.path("filename").asText()).isEqualTo("photo.jpg");

        String svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">"
                + "<script>alert(2)</script><rect width=\"10\" height=\"10\"/></svg>";
        JsonNode drawing = uploaded(owner, room, "logo.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
        assertThat(drawing.path("mime_type").asText()).isEqualTo("image/svg+xml");
        assertThat(drawing.path("has_preview").asBoolean()).isFalse();

        for (JsonNode file : List.of(page, drawing)) {
            String id = file.path("id").asText();
            HttpResponse<byte[]> download = get(owner, "/api/v2/files/" + id);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(header(download, "Content-Type")).isEqualTo("application/octet-stream");
            assertThat(header(download, "Content-Disposition")).startsWith("attachment;");
            assertThat(header(download, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(download, "Content-Security-Policy")).contains("sandbox");
            assertThat(get(owner, "/api/v2/files/" + id + "/preview").statusCode())
                    .isEqualTo(404);
            assertThat(get(owner, "/api/v2/files/" + id + "/thumbnail").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aPolyglotIsEitherTheImageItDecodesAsOrRefused() throws Exception {
        Person owner = person("Dan Yeh");
        String room = room(owner, "open");
        // An image with a page appended: kept as the image; only its pixels reach the renditions.
        byte[] jpeg = Fixtures.encode(Fixtures.halves(64, 32), "jpeg");
        byte[] polyglot =
                Fixtures.concat(jpeg, "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        JsonNode file = uploaded(owner, room, "x.html", "text/html", polyglot);
        assertThat(file.path("mime_type").asText()).isEqualTo("image/jpeg");
        HttpResponse<byte[]> download =
                get(owner, "/api/v2/files/" + file.path("id").asText());
        assertThat(header(download, "Content-Type")).isEqualTo("image/jpeg");
        assertThat(header(download, "X-Content-Type-Options")).isEqualTo("nosniff");
        byte[] preview = get(owner, "/api/v2/files/" + file.path("id").asText() + "/preview")
                .body();
        assertThat(new String(preview, StandardCharsets.ISO_8859_1)).doesNotContain("<script>");

        // Image magic bytes in front of a script that is no image at all: refused, nothing stored.
        HttpResponse<byte[]> fake = upload(
                owner,
                room,
                "a.gif",
                "image/gif",
                "GIF89a/*<script>alert(1)</script>*/".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.statusCode()).isEqualTo(400);
        assertThat(json(fake).path("type").asText()).isEqualTo("urn:irs:problem:unreadable-image");
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecoding() throws Exception {
        Person owner = person("Eve Kuo");
        String room = room(owner, "open");
        // 20,000 × 20,000 RGBA would need 1.6 GB decoded; the file is a few kilobytes.
        HttpResponse<byte[]> r = upload(owner, room, "bomb.png", "image/png", Fixtures.pngBomb(20_000, 20_000));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(header(r, "Content-Type")).startsWith("application/problem+json");
        JsonNode problem = json(r);
        assertThat(problem.path("type").asText()).isEqualTo("urn:irs:problem:image-too-large");
        assertThat(problem.path("width").asInt()).isEqualTo(20_000);
        assertThat(problem.path("max_pixels").asLong()).isEqualTo(40_000_000L);
    }

    @Test
    void aFileOverTheSizeLimitGets413AndEmptyOrMissingFilesAreRefused() throws Exception {
        Person owner = person("Fay Ho");
        String room = room(owner, "open");
        byte[] big = new byte[50 * 1024 * 1024 + 1];
        HttpResponse<byte[]> r = upload(owner, room, "big.bin", "application/octet-stream", big);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(header(r, "Content-Type")).startsWith("application/problem+json");
        assertThat(json(r).path("type").asText()).isEqualTo("urn:irs:problem:file-too-large");
        assertThat(json(r).path("max_bytes").asLong()).isEqualTo(50L * 1024 * 1024);

        HttpResponse<byte[]> empty = upload(owner, room, "empty.txt", "text/plain", new byte[0]);
        assertThat(json(empty).path("type").asText()).isEqualTo("urn:irs:problem:empty-file");
        Answer noPart = call("POST", "/api/v2/rooms/" + room + "/files", owner, Map.of("file", "x"));
        assertThat(noPart.status()).isEqualTo(415);
    }

    @Test
    void onlyReadersSeeFilesAndOnlyOwnersAndRespondersUpload() throws Exception {
        Person owner = person("Gus Chen");
        Person viewer = person("Hana Tsai");
        Person outsider = person("Ian Lu");
        String room = room(owner, "restricted");
        addMember(owner, room, viewer, "viewer");
        byte[] png = Fixtures.encode(Fixtures.halves(40, 20), "png");
        String id = uploaded(owner, room, "a.png", "image/png", png).path("id").asText();

        HttpResponse<byte[]> byViewer = upload(viewer, room, "b.png", "image/png", png);
        assertThat(byViewer.statusCode()).isEqualTo(403);
        HttpResponse<byte[]> byOutsider = upload(outsider, room, "c.png", "image/png", png);
        assertThat(byOutsider.statusCode()).isEqualTo(404);
        assertThat(json(byOutsider).path("type").asText()).isEqualTo("urn:irs:problem:not-found");

        assertThat(get(viewer, "/api/v2/files/" + id).statusCode()).isEqualTo(200);
        assertThat(get(viewer, "/api/v2/files/" + id + "/thumbnail").statusCode())
                .isEqualTo(200);
        for (String path : List.of("", "/preview", "/thumbnail")) {
            HttpResponse<byte[]> r = get(outsider, "/api/v2/files/" + id + path);
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(json(r).path("type").asText()).isEqualTo("urn:irs:problem:not-found");
        }
        assertThat(get(owner, "/api/v2/files/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);

        // An open room: a signed-in non-member may read its files but must join to upload.
        String open = room(owner, "open");
        String shared =
                uploaded(owner, open, "d.png", "image/png", png).path("id").asText();
        assertThat(get(outsider, "/api/v2/files/" + shared).statusCode()).isEqualTo(200);
        assertThat(upload(outsider, open, "e.png", "image/png", png).statusCode())
                .isEqualTo(403);
    }

    @Test
    void downloadsNameTheFileSafelyPerRfc6266() throws Exception {
        Person owner = person("Jay Sun");
        String room = room(owner, "open");
        String claimed = "../../壓機 照片\u202Egnp.exe.txt";
        JsonNode file = uploaded(owner, room, claimed, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(file.path("filename").asText()).isEqualTo("壓機 照片gnp.exe.txt");
        HttpResponse<byte[]> r = get(owner, "/api/v2/files/" + file.path("id").asText());
        String disposition = header(r, "Content-Disposition");
        assertThat(disposition).startsWith("attachment; filename=\"").contains("filename*=UTF-8''");
        assertThat(disposition).doesNotContain("/").doesNotContain("\u202E");
        String star = disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17);
        assertThat(URLDecoder.decode(star, StandardCharsets.UTF_8)).isEqualTo("壓機 照片gnp.exe.txt");
        assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(r, "Content-Type")).isEqualTo("application/octet-stream");
        assertThat(header(r, "Cache-Control")).contains("private");
        String etag = header(r, "ETag");
        HttpRequest again = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v2/files/"
                        + file.path("id").asText()))
                .header("Authorization", "Bearer " + owner.token())
                .header("If-None-Match", etag)
                .build();
        assertThat(HTTP.send(again, HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(304);
    }

    @Test
    void messagesCarryTheSendersOwnUnattachedUploadsOfTheSameRoomOnly() throws Exception {
        Person owner = person("Kim Pan");
        Person responder = person("Leo Xu");
        String room = room(owner, "open");
        String other = room(owner, "open");
        addMember(owner, room, responder, "responder");
        byte[] png = Fixtures.encode(Fixtures.halves(40, 20), "png");
        String mine =
                uploaded(owner, room, "mine.png", "image/png", png).path("id").asText();
        String elsewhere =
                uploaded(owner, other, "other.png", "image/png", png).path("id").asText();
        String theirs = uploaded(responder, room, "theirs.png", "image/png", png)
                .path("id")
                .asText();
        long seq = call("GET", "/api/v2/rooms/" + room, owner, null)
                .json()
                .path("last_seq")
                .asLong();

        Answer foreign = call(
                "POST",
                "/api/v2/rooms/" + room + "/messages",
                owner,
                Map.of("content", "see", "attachment_ids", List.of(elsewhere)));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().path("type").asText()).isEqualTo("urn:irs:problem:unknown-attachment");
        Answer notMine = call(
                "POST",
                "/api/v2/rooms/" + room + "/messages",
                owner,
                Map.of("content", "see", "attachment_ids", List.of(mine, theirs)));
        assertThat(notMine.json().path("type").asText()).isEqualTo("urn:irs:problem:unknown-attachment");
        assertThat(call("GET", "/api/v2/rooms/" + room, owner, null)
                        .json()
                        .path("last_seq")
                        .asLong())
                .isEqualTo(seq);

        // A photo needs no caption.
        Answer sent = call(
                "POST",
                "/api/v2/rooms/" + room + "/messages",
                owner,
                Map.of("content", "", "attachment_ids", List.of(mine)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().path("kind").asText()).isEqualTo("file");
        JsonNode attachment = sent.json().path("attachments").get(0);
        assertThat(attachment.path("id").asText()).isEqualTo(mine);
        assertThat(attachment.path("mime_type").asText()).isEqualTo("image/png");
        assertThat(attachment.path("has_preview").asBoolean()).isTrue();

        Answer twice = call(
                "POST",
                "/api/v2/rooms/" + room + "/messages",
                owner,
                Map.of("content", "again", "attachment_ids", List.of(mine)));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("type").asText()).isEqualTo("urn:irs:problem:attachment-in-use");

        JsonNode event = call("GET", "/api/v2/rooms/" + room + "/events?after_seq=" + seq, owner, null)
                .json()
                .path("events")
                .get(0);
        assertThat(event.path("message").path("attachments").get(0).path("id").asText())
                .isEqualTo(mine);

        // Deleting the message removes its file with it.
        String mid = sent.json().path("id").asText();
        assertThat(call("DELETE", "/api/v2/rooms/" + room + "/messages/" + mid, owner, null)
                        .status())
                .isEqualTo(204);
        assertThat(get(owner, "/api/v2/files/" + mine).statusCode()).isEqualTo(404);
    }
}
