package dev.toolocr.incident.audit;

import dev.toolocr.incident.export.RoomExported;
import dev.toolocr.incident.files.FileEvents;
import dev.toolocr.platform.audit.AuditLog;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Downloads and exports, as INCIDENT-SPEC 8 lists them. Only the original bytes count as a
 * download: previews and thumbnails are what the room view shows anyone reading it.
 */
@Component
class FileAndExportAudit {

    private final AuditLog audit;

    FileAndExportAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(FileEvents.FileDownloaded e) {
        if (e.variant() != FileEvents.Variant.ORIGINAL) {
            return;
        }
        audit.recordNow(
                "file_download",
                "success",
                e.userId(),
                e.userEmail(),
                Map.of("file_id", e.fileId(), "room_id", e.roomId()));
    }

    @EventListener
    void on(FileEvents.FileUploaded e) {
        audit.recordNow(
                "file_upload",
                "success",
                e.userId(),
                null,
                Map.of(
                        "file_id", e.fileId(),
                        "room_id", e.roomId(),
                        "mime_type", e.mimeType(),
                        "size", Long.toString(e.size()),
                        "sha256", e.sha256()));
    }

    @EventListener
    void on(RoomExported e) {
        audit.recordNow(
                "room_export",
                "success",
                e.userId(),
                e.userEmail(),
                Map.of("room_id", e.roomId(), "format", e.format()));
    }
}
