package dev.toolocr.incident.export;

import dev.toolocr.incident.rooms.Attachments.Attachment;
import dev.toolocr.incident.rooms.MessageViews.MessageView;
import dev.toolocr.incident.rooms.RoomDtos.MemberView;
import dev.toolocr.incident.rooms.RoomDtos.RoomView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A room's record for the 8D report, as one reader may see it: everything the exports print. All
 * text in it is what people typed and is treated as such by both formats.
 */
record RoomRecord(
        RoomView room,
        List<MemberView> members,
        List<StatusChange> timeline,
        List<MessageView> transcript,
        List<PostedFile> attachments,
        Instant exportedAt,
        String exportedBy,
        ZoneId zone) {

    /** A move of the status, with the room's own notice of who made it and why. */
    record StatusChange(Instant at, String status, String notice) {}

    /** A file as carried by a message of the transcript. */
    record PostedFile(Attachment file, long seq, String postedBy, Instant postedAt) {}

    static String authorName(MessageView m) {
        if (m.author() == null) {
            return "system";
        }
        return m.author().displayName() != null && !m.author().displayName().isBlank()
                ? m.author().displayName()
                : m.author().email();
    }
}
