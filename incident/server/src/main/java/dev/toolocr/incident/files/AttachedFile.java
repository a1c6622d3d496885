package dev.toolocr.incident.files;

import dev.toolocr.incident.rooms.Attachments.Attachment;

/** A file attached to a message, read as a row (see {@link StoredFileRepository#attachedTo}). */
record AttachedFile(
        String messageId,
        String id,
        String filename,
        String mimeType,
        long size,
        Integer width,
        Integer height,
        boolean hasPreview) {

    Attachment view() {
        return new Attachment(id, filename, mimeType, size, width, height, hasPreview);
    }
}
