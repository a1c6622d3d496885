package dev.toolocr.incident.files;

import dev.toolocr.incident.files.FileEvents.Variant;
import dev.toolocr.incident.files.FileService.Download;
import dev.toolocr.incident.rooms.Attachments.Attachment;
import dev.toolocr.platform.auth.CurrentUser;
import java.io.IOException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload to a room; download, preview and thumbnail of a file. */
@RestController
class FileController {

    /** Even an image opened on its own gets no script, form, plugin or same-origin power. */
    static final String SANDBOX = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

    private final FileService files;

    FileController(FileService files) {
        this.files = files;
    }

    @PostMapping(path = "/api/v2/rooms/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment upload(
            CurrentUser user,
            @PathVariable String id,
            @RequestPart(name = "file", required = false) MultipartFile file) {
        return files.upload(user, id, file);
    }

    @GetMapping("/api/v2/files/{id}")
    ResponseEntity<InputStreamResource> download(
            CurrentUser user,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch)
            throws IOException {
        return send(files.open(user, id, Variant.ORIGINAL), ifNoneMatch);
    }

    @GetMapping("/api/v2/files/{id}/preview")
    ResponseEntity<InputStreamResource> preview(
            CurrentUser user,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch)
            throws IOException {
        return send(files.open(user, id, Variant.PREVIEW), ifNoneMatch);
    }

    @GetMapping("/api/v2/files/{id}/thumbnail")
    ResponseEntity<InputStreamResource> thumbnail(
            CurrentUser user,
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch)
            throws IOException {
        return send(files.open(user, id, Variant.THUMBNAIL), ifNoneMatch);
    }

    private static ResponseEntity<InputStreamResource> send(Download d, String ifNoneMatch) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.set(
                HttpHeaders.CONTENT_DISPOSITION,
                FileNames.contentDisposition(d.inline() ? "inline" : "attachment", d.filename()));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", SANDBOX);
        // Revalidated on every use, so that a reader who lost access to the room stops getting it.
        headers.setCacheControl("private, no-cache");
        headers.setETag(d.etag());
        if (d.etag().equals(ifNoneMatch)) {
            d.body().close();
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .headers(headers)
                    .build();
        }
        headers.setContentType(MediaType.parseMediaType(d.contentType()));
        if (d.length() >= 0) {
            headers.setContentLength(d.length());
        }
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(d.body()));
    }
}
