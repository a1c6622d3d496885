package dev.toolocr.incident.files;

import dev.toolocr.incident.rooms.Attachments.Attachment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An uploaded file: what the API tells of it and where its bytes are kept. */
@Entity
@Table(name = "files")
class StoredFile {

    @Id
    private String id;

    private String roomId;
    private String uploadedBy;
    private String filename;
    private String mimeType;

    @Column(name = "size_bytes")
    private long size;

    private String sha256;
    private Integer width;
    private Integer height;
    private boolean hasPreview;
    private String storageKey;
    private String messageId;
    private boolean deleted;
    private Instant createdAt;

    protected StoredFile() {}

    StoredFile(
            String id,
            String roomId,
            String uploadedBy,
            String filename,
            String mimeType,
            long size,
            String sha256,
            Integer width,
            Integer height,
            boolean hasPreview,
            String storageKey,
            Instant now) {
        this.id = id;
        this.roomId = roomId;
        this.uploadedBy = uploadedBy;
        this.filename = filename;
        this.mimeType = mimeType;
        this.size = size;
        this.sha256 = sha256;
        this.width = width;
        this.height = height;
        this.hasPreview = hasPreview;
        this.storageKey = storageKey;
        this.createdAt = now;
    }

    /** Where the original's bytes are; previews sit beside it. */
    static String prefix(String roomId, String fileId) {
        return "incident/rooms/" + roomId + "/files/" + fileId;
    }

    Attachment view() {
        return new Attachment(id, filename, mimeType, size, width, height, hasPreview);
    }

    String id() {
        return id;
    }

    String roomId() {
        return roomId;
    }

    String uploadedBy() {
        return uploadedBy;
    }

    String filename() {
        return filename;
    }

    String mimeType() {
        return mimeType;
    }

    long size() {
        return size;
    }

    String sha256() {
        return sha256;
    }

    boolean hasPreview() {
        return hasPreview;
    }

    String storageKey() {
        return storageKey;
    }

    String messageId() {
        return messageId;
    }

    boolean deleted() {
        return deleted;
    }
}
