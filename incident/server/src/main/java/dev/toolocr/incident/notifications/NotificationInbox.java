package dev.toolocr.incident.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.incident.notifications.NotificationViews.Inbox;
import dev.toolocr.incident.notifications.NotificationViews.Marked;
import dev.toolocr.incident.notifications.NotificationViews.NotificationView;
import dev.toolocr.incident.notifications.NotificationViews.RoomRef;
import dev.toolocr.incident.rooms.RoomAccess;
import dev.toolocr.incident.rooms.RoomDtos.RoomView;
import dev.toolocr.incident.rooms.RoomEvents;
import dev.toolocr.incident.rooms.RoomService;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's notification inbox. Every {@link RoomEvents.UserNotified} is stored in the transaction
 * that published it, so the stored copy exists exactly when the live frame (sent after the commit) is
 * sent. Reading checks each notice's room again: a notice of a room the person may no longer read is
 * left out, and counts for nothing.
 */
@Service
class NotificationInbox {

    static final int MAX_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(NotificationInbox.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final NotificationRepository notifications;
    private final RoomAccess access;
    private final RoomService rooms;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationInbox(
            NotificationRepository notifications,
            RoomAccess access,
            RoomService rooms,
            ObjectMapper json,
            Clock clock) {
        this.notifications = notifications;
        this.access = access;
        this.rooms = rooms;
        this.json = json;
        this.clock = clock;
    }

    /** Published inside the writing transaction (a message, a member added, an escalation firing). */
    @EventListener
    void record(RoomEvents.UserNotified event) {
        Map<String, Object> n = event.notification();
        Object type = n.get("type");
        Object roomId = n.get("room_id");
        if (event.userId() == null || !(type instanceof String t) || !(roomId instanceof String room)) {
            // Without a room there is nothing to check access against when it is read: live only.
            log.warn("A notification without a type or room was not stored ({})", n.keySet());
            return;
        }
        String payload;
        try {
            payload = json.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            // The live frame still goes out; losing the stored copy must not undo the message.
            log.warn("A notification could not be stored: {}", e.getOriginalMessage());
            return;
        }
        notifications.save(new Notification(event.userId(), t, room, payload, clock.instant()));
    }

    @Transactional(readOnly = true)
    Inbox list(CurrentUser user, boolean unreadOnly, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("bad-request", "limit is 1 to " + MAX_LIMIT + ".");
        }
        Rooms visible = new Rooms(user);
        List<NotificationView> page = new ArrayList<>();
        // Notices of rooms no longer readable are skipped, so a page may need more than one batch.
        int batch = Math.max(limit, 50);
        for (int i = 0; page.size() < limit; i++) {
            PageRequest request = PageRequest.of(i, batch);
            List<Notification> rows = unreadOnly
                    ? notifications.findByUserIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(user.id(), request)
                    : notifications.findByUserIdOrderByCreatedAtDescIdDesc(user.id(), request);
            for (Notification row : rows) {
                Optional<RoomRef> room = visible.get(row.roomId());
                if (room.isPresent() && page.size() < limit) {
                    page.add(new NotificationView(row.id(), row.createdAt(), row.read(), room.get(), body(row)));
                }
            }
            if (rows.size() < batch) {
                break;
            }
        }
        return new Inbox(List.copyOf(page), unread(user, visible));
    }

    @Transactional
    Marked markRead(CurrentUser user, List<String> ids) {
        int marked = ids == null
                ? notifications.markAllRead(user.id(), clock.instant())
                : ids.isEmpty() ? 0 : notifications.markRead(user.id(), new LinkedHashSet<>(ids), clock.instant());
        return new Marked(marked, unread(user, new Rooms(user)));
    }

    private long unread(CurrentUser user, Rooms visible) {
        long unread = 0;
        for (Object[] row : notifications.unreadPerRoom(user.id())) {
            if (visible.get((String) row[0]).isPresent()) {
                unread += ((Number) row[1]).longValue();
            }
        }
        return unread;
    }

    private Map<String, Object> body(Notification row) {
        try {
            return json.readValue(row.payload(), MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored notification " + row.id() + " is not JSON", e);
        }
    }

    /** The rooms of one answer, each looked up once through the rooms module. */
    private final class Rooms {

        private final CurrentUser user;
        private final Map<String, Optional<RoomRef>> seen = new HashMap<>();

        Rooms(CurrentUser user) {
            this.user = user;
        }

        Optional<RoomRef> get(String roomId) {
            return seen.computeIfAbsent(roomId, id -> {
                // canRead first: a refused get would mark this read-only transaction for rollback.
                if (!access.canRead(user, id)) {
                    return Optional.empty();
                }
                RoomView r = rooms.get(user, id);
                return Optional.of(
                        new RoomRef(r.id(), r.title(), r.line(), r.severity().code(), r.status()));
            });
        }
    }
}
