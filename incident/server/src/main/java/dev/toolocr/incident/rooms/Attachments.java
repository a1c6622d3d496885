package dev.toolocr.incident.rooms;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What messages need from the files feature, which implements this (files depend on rooms, never
 * the other way round). Both methods run in the caller's transaction.
 */
public interface Attachments {

    /** A file as a message shows it, and as its upload answers. */
    record Attachment(
            String id,
            String filename,
            String mimeType,
            long size,
            Integer width,
            Integer height,
            boolean hasPreview) {}

    /**
     * Attaches the files to the message: each must have been uploaded to this room by this user and
     * not be attached yet. Otherwise throws (400 {@code unknown-attachment}, 409 {@code
     * attachment-in-use}) and attaches none.
     */
    List<Attachment> attach(String roomId, String uploaderId, String messageId, List<String> fileIds);

    /** The attachments of each message that has any, in upload order. */
    Map<String, List<Attachment>> of(Collection<String> messageIds);
}
