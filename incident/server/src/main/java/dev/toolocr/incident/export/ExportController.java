package dev.toolocr.incident.export;

import dev.toolocr.incident.export.ExportService.Rendered;
import dev.toolocr.platform.auth.CurrentUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v2/rooms/{id}/export?format=markdown|pdf&tz=Asia/Taipei}: the room's record for the 8D report. */
@RestController
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/v2/rooms/{id}/export")
    ResponseEntity<byte[]> export(
            CurrentUser user,
            @PathVariable String id,
            @RequestParam(defaultValue = "markdown") String format,
            @RequestParam(required = false) String tz) {
        Rendered r = exports.export(user, id, format, tz);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(r.contentType()));
        // Server-made ASCII name; the export is a document to save, not a page to open here.
        headers.setContentDisposition(
                ContentDisposition.attachment().filename(r.filename()).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.setCacheControl("private, no-store");
        return ResponseEntity.ok().headers(headers).body(r.bytes());
    }
}
