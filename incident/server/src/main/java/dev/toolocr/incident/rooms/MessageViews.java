package dev.toolocr.incident.rooms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Renders messages for one reader (whose reactions are "mine") or for a broadcast (no reader). */
@Component
public class MessageViews {

    private final ReactionRepository reactions;
    private final Attachments attachments;

    MessageViews(ReactionRepository reactions, Attachments attachments) {
        this.reactions = reactions;
        this.attachments = attachments;
    }

    public record ReactionView(String emoji, long count, boolean mine) {}

    public record MessageView(
            String id,
            String roomId,
            long seq,
            String kind,
            Message.Author author,
            String content,
            String replyTo,
            List<String> mentions,
            List<Attachments.Attachment> attachments,
            List<ReactionView> reactions,
            boolean pinned,
            Instant editedAt,
            boolean deleted,
            Instant createdAt) {}

    MessageView broadcast(Message m) {
        return render(List.of(m), null).get(0);
    }

    /** A message just created without files: it has no reactions and no attachments yet, so no query. */
    MessageView created(Message m) {
        return view(m, List.of(), List.of());
    }

    List<MessageView> render(List<Message> list, String readerId) {
        Map<String, Map<String, long[]>> byMessage = new LinkedHashMap<>();
        if (!list.isEmpty()) {
            for (Reaction r :
                    reactions.findByMessageIdIn(list.stream().map(Message::id).toList())) {
                long[] countAndMine = byMessage
                        .computeIfAbsent(r.messageId(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.emoji(), k -> new long[2]);
                countAndMine[0]++;
                if (r.userId().equals(readerId)) {
                    countAndMine[1] = 1;
                }
            }
        }
        Map<String, List<Attachments.Attachment>> files = list.isEmpty()
                ? Map.of()
                : attachments.of(list.stream().map(Message::id).toList());
        List<MessageView> views = new ArrayList<>();
        for (Message m : list) {
            List<ReactionView> rs = new ArrayList<>();
            byMessage
                    .getOrDefault(m.id(), Map.of())
                    .forEach((emoji, c) -> rs.add(new ReactionView(emoji, c[0], c[1] == 1)));
            // A deleted message keeps nothing it said, its files included.
            views.add(view(m, m.deleted() ? List.of() : files.getOrDefault(m.id(), List.of()), rs));
        }
        return views;
    }

    private static MessageView view(Message m, List<Attachments.Attachment> files, List<ReactionView> reactions) {
        return new MessageView(
                m.id(),
                m.roomId(),
                m.seq(),
                m.kind(),
                m.author(),
                m.content(),
                m.replyTo(),
                m.mentions(),
                files,
                reactions,
                m.pinned(),
                m.editedAt(),
                m.deleted(),
                m.createdAt());
    }
}
