package dev.toolocr.incident.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.toolocr.incident.export.RoomRecord.PostedFile;
import dev.toolocr.incident.export.RoomRecord.StatusChange;
import dev.toolocr.incident.rooms.Attachments.Attachment;
import dev.toolocr.incident.rooms.MemberService;
import dev.toolocr.incident.rooms.MessageService;
import dev.toolocr.incident.rooms.MessageService.EventPage;
import dev.toolocr.incident.rooms.MessageService.MessagePage;
import dev.toolocr.incident.rooms.MessageViews.MessageView;
import dev.toolocr.incident.rooms.RoomDtos.RoomView;
import dev.toolocr.incident.rooms.RoomService;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Gathers a room's record through the rooms feature's public API (which checks access) and renders it. */
@Service
class ExportService {

    enum Format {
        MARKDOWN,
        PDF;

        static Format of(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ApiException.invalid("unknown-format", "format is markdown or pdf.");
            }
        }
    }

    record Rendered(byte[] bytes, String contentType, String filename) {}

    private static final int PAGE = 100;

    private final RoomService rooms;
    private final MemberService members;
    private final MessageService messages;
    private final PdfExport pdf;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ExportService(
            RoomService rooms,
            MemberService members,
            MessageService messages,
            PdfExport pdf,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.rooms = rooms;
        this.members = members;
        this.messages = messages;
        this.pdf = pdf;
        this.publisher = publisher;
        this.clock = clock;
    }

    Rendered export(CurrentUser user, String roomId, String formatName, String zoneName) {
        Format format = Format.of(formatName);
        ZoneId zone = zone(zoneName);
        RoomRecord record = collect(user, roomId, zone);
        String stem = "incident-" + record.room().id().substring(0, 8);
        Rendered rendered = switch (format) {
            case MARKDOWN ->
                new Rendered(
                        MarkdownExport.render(record).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "text/markdown;charset=UTF-8",
                        stem + ".md");
            case PDF -> new Rendered(pdf.render(record), "application/pdf", stem + ".pdf");
        };
        publisher.publishEvent(new RoomExported(
                roomId, user.id(), user.email(), format.name().toLowerCase(Locale.ROOT), record.exportedAt()));
        return rendered;
    }

    RoomRecord collect(CurrentUser user, String roomId, ZoneId zone) {
        RoomView room = rooms.get(user, roomId); // 404 for a room the caller may not read
        List<MessageView> transcript = new ArrayList<>();
        long after = 0;
        MessagePage page;
        do {
            page = messages.page(user, roomId, null, after, PAGE);
            transcript.addAll(page.messages());
            if (!page.messages().isEmpty()) {
                after = page.messages().get(page.messages().size() - 1).seq();
            }
        } while (page.hasMore());

        Map<Long, MessageView> bySeq = new HashMap<>();
        transcript.forEach(m -> bySeq.put(m.seq(), m));
        List<StatusChange> timeline = new ArrayList<>();
        String status = "open";
        timeline.add(new StatusChange(room.reportedAt(), status, "reported"));
        after = 0;
        EventPage events;
        do {
            events = messages.events(user, roomId, after, PAGE);
            for (JsonNode e : events.events()) {
                after = e.path("seq").asLong();
                if (!e.path("type").asText().equals("room.updated")) {
                    continue;
                }
                String next = e.path("room").path("status").asText(status);
                if (!next.equals(status)) {
                    // Every change is followed by its system message, which tells who and why.
                    MessageView notice = bySeq.get(after + 1);
                    String text = notice != null && "system".equals(notice.kind()) ? notice.content() : next;
                    timeline.add(new StatusChange(instant(e.path("room").path("updated_at")), next, text));
                    status = next;
                }
            }
        } while (events.hasMore());

        List<PostedFile> files = new ArrayList<>();
        for (MessageView m : transcript) {
            for (Attachment a : m.attachments()) {
                files.add(new PostedFile(a, m.seq(), RoomRecord.authorName(m), m.createdAt()));
            }
        }
        return new RoomRecord(
                room,
                members.list(user, roomId),
                timeline,
                transcript,
                files,
                clock.instant(),
                user.displayName() != null ? user.displayName() : user.email(),
                zone);
    }

    private static Instant instant(JsonNode node) {
        try {
            return node.isTextual() ? Instant.parse(node.asText()) : null;
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(name.trim());
        } catch (DateTimeException e) {
            throw ApiException.invalid("unknown-time-zone", "tz is an IANA time zone such as Asia/Taipei.");
        }
    }
}
