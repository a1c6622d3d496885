package dev.toolocr.incident.notifications;

import dev.toolocr.incident.notifications.NotificationViews.Inbox;
import dev.toolocr.incident.notifications.NotificationViews.MarkRead;
import dev.toolocr.incident.notifications.NotificationViews.Marked;
import dev.toolocr.platform.auth.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/notifications}: the caller's own inbox, and nobody else's. */
@RestController
@RequestMapping("/api/v2/notifications")
@Tag(
        name = "Notifications",
        description = "The caller's inbox of mentions, escalations and rooms they were added to; the same notices"
                + " as the live queue /user/queue/notifications, kept across reloads")
class NotificationController {

    private final NotificationInbox inbox;

    NotificationController(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(
            summary = "The caller's notifications, newest first, with the number unread",
            description = "Notices of rooms the caller may no longer read are left out and not counted.")
    Inbox list(
            CurrentUser user,
            @Parameter(description = "only the unread ones") @RequestParam(name = "unread_only", defaultValue = "false")
                    boolean unreadOnly,
            @Parameter(description = "1 to 100") @RequestParam(defaultValue = "50") int limit) {
        return inbox.list(user, unreadOnly, limit);
    }

    @PostMapping("/read")
    @Operation(
            summary = "Mark the caller's notifications read",
            description = "With ids, those of them that are the caller's; without (an empty body or no ids), all of"
                    + " the caller's. Ids of anyone else's notices change nothing.")
    Marked read(CurrentUser user, @Valid @RequestBody(required = false) MarkRead body) {
        return inbox.markRead(user, body == null ? null : body.ids());
    }
}
