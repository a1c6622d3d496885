package dev.toolocr.incident.files;

import dev.toolocr.incident.rooms.Attachments;
import dev.toolocr.platform.web.ApiException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Files as messages carry them: claimed once, by their uploader, in their own room. */
@Component
class FileAttachments implements Attachments {

    private final StoredFileRepository files;

    FileAttachments(StoredFileRepository files) {
        this.files = files;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Attachment> attach(String roomId, String uploaderId, String messageId, List<String> fileIds) {
        if (files.claim(fileIds, roomId, uploaderId, messageId) != fileIds.size()) {
            // The caller's transaction rolls back with this exception, and with it any partial claim.
            Set<String> ours = files.findAllById(fileIds).stream()
                    .filter(f -> f.roomId().equals(roomId) && f.uploadedBy().equals(uploaderId) && !f.deleted())
                    .map(StoredFile::id)
                    .collect(Collectors.toSet());
            if (ours.size() < fileIds.size()) {
                // Another room's file and another person's upload look alike: neither is yours to attach.
                throw ApiException.invalid("unknown-attachment", "No such attachment of yours in this room.");
            }
            throw ApiException.conflict(
                    "attachment-in-use", "A file is already attached to another message.", Map.of());
        }
        return of(List.of(messageId)).getOrDefault(messageId, List.of());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, List<Attachment>> of(Collection<String> messageIds) {
        Map<String, List<Attachment>> byMessage = new LinkedHashMap<>();
        if (messageIds.isEmpty()) {
            return byMessage;
        }
        for (AttachedFile row : files.attachedTo(messageIds)) {
            byMessage
                    .computeIfAbsent(row.messageId(), k -> new java.util.ArrayList<>())
                    .add(row.view());
        }
        return byMessage;
    }
}
