package dev.toolocr.incident.rooms;

import dev.toolocr.platform.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A message in a room. Content is stored as the text the author typed; no HTML is ever made of it here. */
@Entity
@Table(name = "messages")
public class Message extends AssignedIdEntity {

    public static final int MAX_CONTENT = 4000;

    @Id
    private String id;

    private String roomId;
    private long seq;
    private String kind;
    private String authorId;
    private String authorEmail;
    private String authorName;
    private String content;
    private String clientId;
    private String replyTo;
    private String mentions;
    private boolean pinned;
    private boolean deleted;
    private Instant editedAt;
    private Instant createdAt;

    protected Message() {}

    private Message(String roomId, long seq, String kind, String content, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roomId = roomId;
        this.seq = seq;
        this.kind = kind;
        this.content = content;
        this.createdAt = now;
    }

    @Override
    public String getId() {
        return id;
    }

    static Message system(String roomId, long seq, String content, Instant now) {
        return new Message(roomId, seq, "system", content, now);
    }

    static Message text(
            String roomId,
            long seq,
            Author author,
            String content,
            String clientId,
            String replyTo,
            List<String> mentions,
            Instant now) {
        Message m = new Message(roomId, seq, "text", content, now);
        m.authorId = author.id();
        m.authorEmail = author.email();
        m.authorName = author.displayName();
        m.clientId = clientId;
        m.replyTo = replyTo;
        m.mentions = String.join(",", mentions);
        return m;
    }

    /** A message that carries files; its text is a caption and may be empty. */
    static Message file(
            String roomId,
            long seq,
            Author author,
            String caption,
            String clientId,
            String replyTo,
            List<String> mentions,
            Instant now) {
        Message m = text(roomId, seq, author, caption, clientId, replyTo, mentions, now);
        m.kind = "file";
        return m;
    }

    public record Author(String id, String email, String displayName) {}

    void edit(String newContent, List<String> newMentions, Instant now) {
        if (deleted) {
            throw dev.toolocr.platform.web.ApiException.conflict(
                    "message-deleted", "A deleted message cannot be edited.", java.util.Map.of());
        }
        content = newContent;
        mentions = String.join(",", newMentions);
        editedAt = now;
    }

    /** The message stays in the transcript as "deleted"; what it said is gone. */
    void delete(Instant now) {
        deleted = true;
        content = null;
        mentions = "";
        pinned = false;
        editedAt = now;
    }

    void pin(boolean value) {
        pinned = value;
    }

    public String id() {
        return id;
    }

    public String roomId() {
        return roomId;
    }

    public long seq() {
        return seq;
    }

    public String kind() {
        return kind;
    }

    public Author author() {
        return authorId == null ? null : new Author(authorId, authorEmail, authorName);
    }

    public String authorId() {
        return authorId;
    }

    public String content() {
        return content;
    }

    public String clientId() {
        return clientId;
    }

    public String replyTo() {
        return replyTo;
    }

    public List<String> mentions() {
        return mentions == null || mentions.isEmpty() ? List.of() : Arrays.asList(mentions.split(","));
    }

    public boolean pinned() {
        return pinned;
    }

    public boolean deleted() {
        return deleted;
    }

    public Instant editedAt() {
        return editedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
