package dev.toolocr.incident.export;

import dev.toolocr.incident.export.RoomRecord.PostedFile;
import dev.toolocr.incident.export.RoomRecord.StatusChange;
import dev.toolocr.incident.rooms.Attachments.Attachment;
import dev.toolocr.incident.rooms.MessageViews.MessageView;
import dev.toolocr.incident.rooms.RoomDtos.MemberView;
import dev.toolocr.incident.rooms.RoomDtos.RoomView;
import java.util.HashMap;
import java.util.Map;

/**
 * The record as CommonMark/GFM. Every piece of user text (titles, names, messages, file names) is
 * escaped so that it renders as exactly the characters typed: a {@code <script>}, an HTML tag, a
 * {@code [link](javascript:…)} or a heading marker in a message stays visible text, never markup.
 * Messages are quoted as the author wrote them, not re-rendered as the author's Markdown.
 */
final class MarkdownExport {

    /** Always escaped: what opens inline markup, links, HTML, entities and table cells. */
    private static final String INLINE = "\\`*_{}[]()<>!|~&";

    private MarkdownExport() {}

    static String render(RoomRecord r) {
        RoomView room = r.room();
        StringBuilder md = new StringBuilder();
        md.append("# Incident report: ").append(inline(room.title())).append("\n\n");
        md.append("Exported ")
                .append(Text.time(r.exportedAt(), r.zone()))
                .append(" (")
                .append(r.zone().getId())
                .append(") by ")
                .append(inline(r.exportedBy()))
                .append(". All times are ")
                .append(r.zone().getId())
                .append(".\n\n");

        md.append("## Fields\n\n| Field | Value |\n| --- | --- |\n");
        for (String[] row : Text.fields(room, r.zone())) {
            md.append("| ").append(row[0]).append(" | ").append(cell(row[1])).append(" |\n");
        }
        md.append('\n');
        if (room.description() != null && !room.description().isBlank()) {
            md.append("## Description\n\n")
                    .append(block(room.description(), ""))
                    .append('\n');
        }
        if (room.resolution() != null && !room.resolution().isBlank()) {
            md.append("## Resolution\n\n").append(block(room.resolution(), "")).append('\n');
        }

        md.append("## Timeline\n\n| Time | Status | Event |\n| --- | --- | --- |\n");
        for (StatusChange c : r.timeline()) {
            md.append("| ")
                    .append(Text.time(c.at(), r.zone()))
                    .append(" | ")
                    .append(cell(c.status()))
                    .append(" | ")
                    .append(cell(c.notice()))
                    .append(" |\n");
        }
        md.append('\n');

        md.append("## Members\n\n| Name | E-mail | Role | Joined |\n| --- | --- | --- | --- |\n");
        for (MemberView m : r.members()) {
            md.append("| ")
                    .append(cell(m.displayName() == null ? "(pending)" : m.displayName()))
                    .append(" | ")
                    .append(cell(m.email()))
                    .append(" | ")
                    .append(m.role().code())
                    .append(" | ")
                    .append(Text.time(m.joinedAt(), r.zone()))
                    .append(" |\n");
        }
        md.append('\n');

        md.append("## Transcript\n\n");
        Map<String, Long> seqOf = new HashMap<>();
        r.transcript().forEach(m -> seqOf.put(m.id(), m.seq()));
        for (MessageView m : r.transcript()) {
            md.append("**#").append(m.seq()).append(" · ").append(Text.time(m.createdAt(), r.zone()));
            md.append(" · ").append(inline(RoomRecord.authorName(m))).append("**");
            if (m.replyTo() != null && seqOf.containsKey(m.replyTo())) {
                md.append(" · reply to #").append(seqOf.get(m.replyTo()));
            }
            if (m.editedAt() != null && !m.deleted()) {
                md.append(" · edited");
            }
            if (m.pinned()) {
                md.append(" · pinned");
            }
            md.append("\n\n");
            if (m.deleted()) {
                md.append("> *message deleted*\n\n");
                continue;
            }
            if (m.content() != null && !m.content().isBlank()) {
                md.append(block(m.content(), "> "));
            }
            for (Attachment a : m.attachments()) {
                md.append("> 📎 ")
                        .append(inline(a.filename()))
                        .append(" (")
                        .append(a.mimeType())
                        .append(", ");
                md.append(Text.size(a.size())).append(")  \n");
            }
            md.append('\n');
        }

        md.append("## Attachments\n\n");
        if (r.attachments().isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| File | Type | Size | Pixels | Posted by | Message |\n| --- | --- | --- | --- | --- | --- |\n");
            for (PostedFile p : r.attachments()) {
                Attachment a = p.file();
                md.append("| ")
                        .append(cell(a.filename()))
                        .append(" | ")
                        .append(cell(a.mimeType()))
                        .append(" | ")
                        .append(Text.size(a.size()))
                        .append(" | ")
                        .append(a.width() == null ? "" : a.width() + "×" + a.height())
                        .append(" | ")
                        .append(cell(p.postedBy()))
                        .append(" | #")
                        .append(p.seq())
                        .append(" ")
                        .append(Text.time(p.postedAt(), r.zone()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** One line of user text, escaped; line breaks become spaces. */
    static String inline(String text) {
        return escapeLine(text == null ? "" : text.replaceAll("[\\r\\n]+", " ").strip());
    }

    /** A table cell: as {@link #inline}. The escaped {@code |} cannot end the cell. */
    static String cell(String text) {
        return inline(text);
    }

    /**
     * Multi-line user text as its own lines (each prefixed, e.g. {@code "> "}), every line escaped
     * and ended with a hard break so that the author's line breaks stay; blank lines separate.
     */
    static String block(String text, String prefix) {
        StringBuilder out = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String escaped = escapeLine(line.strip());
            if (escaped.isEmpty()) {
                out.append(prefix.stripTrailing()).append('\n');
            } else {
                out.append(prefix).append(escaped).append("  \n");
            }
        }
        if (prefix.isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    /**
     * Escapes one line: the inline set everywhere, and at the start what would open a block
     * (heading, list, quote, setext or thematic break, numbered list).
     */
    static String escapeLine(String line) {
        StringBuilder out = new StringBuilder(line.length() + 8);
        int digits = 0;
        boolean start = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(' ');
                start = false;
                continue;
            }
            boolean escape = INLINE.indexOf(c) >= 0
                    || (start && "#+-=>".indexOf(c) >= 0)
                    || (digits == i && i > 0 && (c == '.' || c == ')'));
            if (escape) {
                out.append('\\');
            }
            out.append(c);
            if (Character.isDigit(c) && digits == i) {
                digits++;
            }
            start = false;
        }
        return out.toString();
    }
}
