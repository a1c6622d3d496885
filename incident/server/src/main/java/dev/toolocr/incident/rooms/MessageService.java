package dev.toolocr.incident.rooms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.incident.config.IncidentProperties;
import dev.toolocr.incident.rooms.Codes.Role;
import dev.toolocr.incident.rooms.MessageViews.MessageView;
import dev.toolocr.incident.rooms.RoomAccess.Standing;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Messages, reactions, pins and the events feed. REST and STOMP both send through {@link #send}. */
@Service
public class MessageService implements DisposableBean {

    /** The reactions offered; a fixed set so that counts stay comparable and rendering predictable. */
    public static final Set<String> EMOJIS =
            Set.of("👍", "👎", "❤️", "🎉", "😄", "😮", "😢", "🙏", "✅", "❌", "👀", "🔥", "⚠️", "🚨");

    /** Files one message may carry. */
    public static final int MAX_ATTACHMENTS = 10;

    public record SendMessage(
            String content, @Size(max = 64) String clientId, String replyTo, List<String> attachmentIds) {}

    public record EditMessage(String content) {}

    /** The sent message, and whether this call created it (false: a resend of the same client_id). */
    public record Sent(MessageView message, boolean created) {}

    public record MessagePage(List<MessageView> messages, boolean hasMore) {}

    public record EventPage(List<JsonNode> events, boolean hasMore) {}

    private final MessageRepository messages;
    private final ReactionRepository reactions;
    private final RoomEventRepository events;
    private final RoomMemberRepository members;
    private final RoomAccess access;
    private final RoomEventLog log;
    private final MessageViews views;
    private final Attachments attachments;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final SendLimit sendLimit;
    private final GroupCommit<Queued> batches;

    MessageService(
            MessageRepository messages,
            ReactionRepository reactions,
            RoomEventRepository events,
            RoomMemberRepository members,
            RoomAccess access,
            RoomEventLog log,
            MessageViews views,
            Attachments attachments,
            ApplicationEventPublisher publisher,
            PlatformTransactionManager transactions,
            ObjectMapper json,
            Clock clock,
            SendLimit sendLimit,
            IncidentProperties properties) {
        this.messages = messages;
        this.reactions = reactions;
        this.events = events;
        this.members = members;
        this.access = access;
        this.log = log;
        this.views = views;
        this.attachments = attachments;
        this.publisher = publisher;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.sendLimit = sendLimit;
        IncidentProperties.Messages settings = properties.messages();
        this.batches = new GroupCommit<>(
                "message-commit",
                settings.commitLanes(),
                settings.commitBatch(),
                settings.commitQueue(),
                this::commitBatch);
    }

    /** Sends and waits for the commit; refusals are thrown as {@link ApiException}s. */
    public Sent send(CurrentUser user, String roomId, SendMessage body) {
        try {
            return sendAsync(user, roomId, body).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Sends without waiting: the future completes once the message is committed (or refused, with
     * an {@link ApiException}). Checks of the body alone throw at once. Text messages go through the
     * group commit; messages with files, and calls inside a transaction, are sent on their own.
     */
    public CompletableFuture<Sent> sendAsync(CurrentUser user, String roomId, SendMessage body) {
        Outgoing out = checked(body);
        if (out.fileIds().isEmpty() && !TransactionSynchronizationManager.isActualTransactionActive()) {
            Queued queued = new Queued(user, roomId, out, new CompletableFuture<>());
            if (batches.submit(queued)) {
                return queued.done();
            }
        }
        try {
            return CompletableFuture.completedFuture(sendAlone(user, roomId, out));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A send whose body passed the checks that need no database. */
    private record Outgoing(String content, String clientId, String replyTo, List<String> fileIds) {}

    private record Queued(CurrentUser user, String roomId, Outgoing out, CompletableFuture<Sent> done)
            implements GroupCommit.Pending {}

    private static Outgoing checked(SendMessage body) {
        List<String> fileIds = checkedAttachmentIds(body.attachmentIds());
        // A photo needs no caption; a message without files needs text.
        String content =
                fileIds.isEmpty() || (body.content() != null && !body.content().isBlank())
                        ? checkedContent(body.content())
                        : "";
        String clientId = body.clientId() == null || body.clientId().isBlank() ? null : body.clientId();
        if (clientId != null && clientId.length() > 64) {
            throw ApiException.invalid("validation-failed", "client_id is at most 64 characters.");
        }
        return new Outgoing(content, clientId, body.replyTo(), fileIds);
    }

    /** One send in a transaction of its own. */
    private Sent sendAlone(CurrentUser user, String roomId, Outgoing out) {
        try {
            return tx.execute(status -> store(user, roomId, out));
        } catch (DataIntegrityViolationException raced) {
            // A concurrent resend of the same client_id committed first: answer with its message.
            return tx.execute(status -> replay(user, roomId, out.clientId())).orElseThrow(() -> raced);
        }
    }

    /**
     * Commits a lane's queued sends in one transaction (rooms in a fixed order, so that two
     * processes' batches take room locks in the same order), then answers each. A refusal of one
     * send writes nothing and the others go on. If the batch as a whole fails (a lost connection, a
     * deadlock, a concurrent resend of one client_id), nothing of it was committed or broadcast, and
     * each send is tried again on its own, which answers it exactly as an unbatched send would.
     */
    private void commitBatch(List<Queued> batch) {
        List<Queued> ordered = new ArrayList<>(batch);
        ordered.sort(Comparator.comparing(Queued::roomId)); // stable: a room's sends keep their order
        List<Object> outcomes = new ArrayList<>(ordered.size());
        try {
            tx.executeWithoutResult(status -> {
                for (Queued q : ordered) {
                    try {
                        outcomes.add(store(q.user(), q.roomId(), q.out()));
                    } catch (ApiException refused) {
                        outcomes.add(refused);
                    }
                }
            });
        } catch (RuntimeException failed) {
            for (Queued q : ordered) {
                try {
                    q.done().complete(sendAlone(q.user(), q.roomId(), q.out()));
                } catch (RuntimeException e) {
                    q.done().completeExceptionally(e);
                }
            }
            return;
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (outcomes.get(i) instanceof Sent sent) {
                ordered.get(i).done().complete(sent);
            } else {
                ordered.get(i).done().completeExceptionally((ApiException) outcomes.get(i));
            }
        }
    }

    /**
     * Stores one send in the current transaction. A refusal throws before anything is written (or,
     * for the send limit, after giving the seq back), so the transaction can still commit others.
     */
    private Sent store(CurrentUser user, String roomId, Outgoing out) {
        Optional<Sent> replay = replay(user, roomId, out.clientId());
        if (replay.isPresent()) {
            return replay.get();
        }
        Standing s = access.act(user, roomId, false);
        if (out.replyTo() != null
                && messages.findByIdAndRoomId(out.replyTo(), roomId).isEmpty()) {
            throw ApiException.invalid("invalid-reply", "A reply must answer a message of the same room.");
        }
        // A mention is written with an @: without one, no need to read the room's members.
        List<String> mentions = out.content().indexOf('@') < 0 ? List.of() : mentions(roomId, out.content(), user.id());
        // The seq's row lock first: the limit then counts this room's sends one at a time.
        long seq = log.nextSeq(s.room().id());
        Optional<ApiException> limited = sendLimit.tryCount(user.id(), roomId);
        if (limited.isPresent()) {
            log.giveBack(roomId, seq);
            throw limited.get();
        }
        Message.Author author = new Message.Author(user.id(), user.email(), user.displayName());
        List<String> fileIds = out.fileIds();
        Message m = messages.saveAndFlush(
                fileIds.isEmpty()
                        ? Message.text(
                                roomId,
                                seq,
                                author,
                                out.content(),
                                out.clientId(),
                                out.replyTo(),
                                mentions,
                                clock.instant())
                        : Message.file(
                                roomId,
                                seq,
                                author,
                                out.content(),
                                out.clientId(),
                                out.replyTo(),
                                mentions,
                                clock.instant()));
        MessageView view;
        if (fileIds.isEmpty()) {
            view = views.created(m);
        } else {
            // Refuses (and so rolls back this message and its seq: files are never batched) unless
            // every file is the sender's own upload to this room and not attached elsewhere yet.
            attachments.attach(roomId, user.id(), m.id(), fileIds);
            view = views.broadcast(m);
        }
        log.record(roomId, seq, "message.created", m.id(), Map.of("message", view));
        notifyMentions(mentions, roomId, m.id(), seq);
        return new Sent(view, true);
    }

    /** Commits what is still queued before the database goes away. */
    @Override
    public void destroy() {
        batches.close();
    }

    public MessagePage page(CurrentUser user, String roomId, Long beforeSeq, Long afterSeq, int limit) {
        int size = checkLimit(limit);
        return tx.execute(status -> {
            access.read(user, roomId);
            PageRequest page = PageRequest.of(0, size + 1);
            List<Message> found;
            if (afterSeq != null) {
                found = messages.after(roomId, afterSeq, page);
            } else {
                found = new ArrayList<>(
                        beforeSeq != null ? messages.before(roomId, beforeSeq, page) : messages.newest(roomId, page));
            }
            boolean more = found.size() > size;
            List<Message> kept = new ArrayList<>(found.subList(0, Math.min(size, found.size())));
            if (afterSeq == null) {
                java.util.Collections.reverse(kept);
            }
            return new MessagePage(views.render(kept, user.id()), more);
        });
    }

    public EventPage events(CurrentUser user, String roomId, long afterSeq, int limit) {
        int size = checkLimit(limit);
        return tx.execute(status -> {
            access.read(user, roomId);
            List<RoomEvent> found = events.after(roomId, afterSeq, PageRequest.of(0, size + 1));
            List<JsonNode> frames = new ArrayList<>();
            for (RoomEvent e : found.subList(0, Math.min(size, found.size()))) {
                try {
                    frames.add(json.readTree(e.payload()));
                } catch (Exception ex) {
                    throw new IllegalStateException("stored event unreadable", ex);
                }
            }
            return new EventPage(frames, found.size() > size);
        });
    }

    public MessageView edit(CurrentUser user, String roomId, String messageId, EditMessage body) {
        String content = checkedContent(body.content());
        return tx.execute(status -> {
            access.read(user, roomId);
            Message m =
                    messages.findByIdAndRoomId(messageId, roomId).orElseThrow(() -> ApiException.notFound("Message"));
            if (!user.id().equals(m.authorId())) {
                throw ApiException.forbidden("Only the author can edit a message.");
            }
            Set<String> before = Set.copyOf(m.mentions());
            List<String> mentioned = mentions(roomId, content, user.id());
            m.edit(content, mentioned, clock.instant());
            messages.flush();
            MessageView view = views.broadcast(m);
            long seq = log.append(roomId, "message.updated", m.id(), Map.of("message", view));
            // Only people the edit newly names are told; the others heard of it when first named.
            notifyMentions(mentioned.stream().filter(id -> !before.contains(id)).toList(), roomId, m.id(), seq);
            return view;
        });
    }

    public void delete(CurrentUser user, String roomId, String messageId) {
        tx.executeWithoutResult(status -> {
            Standing s = access.read(user, roomId);
            Message m =
                    messages.findByIdAndRoomId(messageId, roomId).orElseThrow(() -> ApiException.notFound("Message"));
            boolean author = user.id().equals(m.authorId());
            if (!author && s.effectiveRole() != Role.OWNER) {
                throw ApiException.forbidden("Only the author or an owner can delete a message.");
            }
            if (m.deleted()) {
                return;
            }
            m.delete(clock.instant());
            messages.flush();
            MessageView view = views.broadcast(m);
            log.redact(roomId, m.id(), Map.of("message", view));
            log.append(roomId, "message.deleted", m.id(), Map.of("message_id", m.id()));
        });
    }

    public void react(CurrentUser user, String roomId, String messageId, String emoji, boolean add) {
        if (!EMOJIS.contains(emoji)) {
            throw ApiException.invalid("unknown-emoji", "That emoji is not one of the reactions offered.");
        }
        tx.executeWithoutResult(status -> {
            access.member(user, roomId);
            Message m =
                    messages.findByIdAndRoomId(messageId, roomId).orElseThrow(() -> ApiException.notFound("Message"));
            boolean present = reactions.existsByMessageIdAndUserIdAndEmoji(m.id(), user.id(), emoji);
            if (present == add) {
                return; // already as asked: no event, no seq
            }
            if (add) {
                reactions.saveAndFlush(new Reaction(m.id(), user.id(), emoji, clock.instant()));
            } else {
                reactions.remove(m.id(), user.id(), emoji);
            }
            long count = reactions.countByMessageIdAndEmoji(m.id(), emoji);
            log.append(
                    roomId,
                    "reaction.changed",
                    m.id(),
                    Map.of("message_id", m.id(), "emoji", emoji, "count", count, "user_id", user.id(), "reacted", add));
        });
    }

    public void pin(CurrentUser user, String roomId, String messageId, boolean pinned) {
        tx.executeWithoutResult(status -> {
            access.act(user, roomId, false);
            Message m =
                    messages.findByIdAndRoomId(messageId, roomId).orElseThrow(() -> ApiException.notFound("Message"));
            if (m.deleted()) {
                throw ApiException.conflict("message-deleted", "A deleted message cannot be pinned.", Map.of());
            }
            if (m.pinned() == pinned) {
                return;
            }
            m.pin(pinned);
            messages.flush();
            log.append(roomId, "pin.changed", m.id(), Map.of("message_id", m.id(), "pinned", pinned));
        });
    }

    private Optional<Sent> replay(CurrentUser user, String roomId, String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return messages.findByAuthorIdAndClientId(user.id(), clientId).map(m -> {
            if (!m.roomId().equals(roomId)) {
                throw ApiException.conflict(
                        "client-id-reused", "That client_id was already used for another room's message.", Map.of());
            }
            access.read(user, roomId);
            return new Sent(views.render(List.of(m), user.id()).get(0), false);
        });
    }

    private void notifyMentions(List<String> userIds, String roomId, String messageId, long seq) {
        for (String mentioned : userIds) {
            publisher.publishEvent(new RoomEvents.UserNotified(
                    mentioned, Map.of("type", "mention", "room_id", roomId, "message_id", messageId, "seq", seq)));
        }
    }

    /** Members named as {@code @email} or {@code @display name}, except the author. */
    private List<String> mentions(String roomId, String content, String authorId) {
        String lower = content.toLowerCase(Locale.ROOT);
        Set<String> ids = new LinkedHashSet<>();
        for (RoomMember m : members.findByRoomIdOrderByJoinedAtAsc(roomId)) {
            if (m.userId() == null || m.userId().equals(authorId)) {
                continue;
            }
            boolean byEmail = lower.contains("@" + m.email());
            boolean byName = m.displayName() != null
                    && lower.contains("@" + m.displayName().toLowerCase(Locale.ROOT));
            if (byEmail || byName) {
                ids.add(m.userId());
            }
        }
        return List.copyOf(ids);
    }

    private static String checkedContent(String content) {
        if (content == null || content.isBlank()) {
            throw ApiException.invalid("empty-message", "A message needs some text.");
        }
        if (content.codePointCount(0, content.length()) > Message.MAX_CONTENT) {
            throw ApiException.invalid("content-too-long", "A message is at most 4,000 characters.");
        }
        return content;
    }

    private static List<String> checkedAttachmentIds(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        if (ids.size() > MAX_ATTACHMENTS) {
            throw ApiException.invalid("too-many-attachments", "A message carries at most 10 files.");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank() || id.length() > 36) {
                throw ApiException.invalid("unknown-attachment", "No such attachment in this room.");
            }
            distinct.add(id);
        }
        return List.copyOf(distinct);
    }

    private static int checkLimit(int limit) {
        if (limit < 1 || limit > 100) {
            throw ApiException.invalid("bad-request", "limit is 1 to 100.");
        }
        return limit;
    }
}
