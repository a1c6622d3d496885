package dev.toolocr.incident.notifications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the inbox endpoints take and answer. */
final class NotificationViews {

    private NotificationViews() {}

    /**
     * One notice. {@code notification} is the body the live queue {@code /user/queue/notifications}
     * carried for it, unchanged, so a client can tell a live frame and its stored copy apart from
     * others; {@code room} is the room as it is now.
     */
    record NotificationView(
            String id, Instant createdAt, boolean read, RoomRef room, Map<String, Object> notification) {}

    record RoomRef(String id, String title, String line, String severity, String status) {}

    /** Newest first; {@code unread} counts every unread notice the caller may still see, not only this page's. */
    record Inbox(List<NotificationView> notifications, long unread) {}

    /** No {@code ids} (or null) marks every notice of the caller read; otherwise only those of these that are theirs. */
    record MarkRead(@Size(max = 500) List<@NotBlank @Size(max = 36) String> ids) {}

    /** How many notices this call marked, and how many unread are left. */
    record Marked(int marked, long unread) {}
}
