package dev.toolocr.incident.realtime;

import dev.toolocr.incident.rooms.MemberService;
import dev.toolocr.incident.rooms.MessageService;
import dev.toolocr.incident.rooms.MessageService.SendMessage;
import dev.toolocr.incident.rooms.RoomAccess;
import dev.toolocr.incident.rooms.RoomDtos.MemberView;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import dev.toolocr.platform.web.ProblemTypes;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** What clients SEND over STOMP, and who is online. Sending uses the same service as REST. */
@Controller
class RealtimeController {

    record TypingFlag(boolean typing) {}

    /** A fresher access token of the same sign-in session, so the socket outlives the first one. */
    record TokenRenewal(String accessToken) {}

    record Presence(List<MemberView> online) {}

    private static final Logger log = LoggerFactory.getLogger(RealtimeController.class);

    private final MessageService messages;
    private final MemberService members;
    private final RoomAccess access;
    private final Typing typing;
    private final SessionGuard guard;
    private final SimpUserRegistry users;
    private final SimpMessagingTemplate broker;
    private final ProblemTypes problemTypes;

    RealtimeController(
            MessageService messages,
            MemberService members,
            RoomAccess access,
            Typing typing,
            SessionGuard guard,
            SimpUserRegistry users,
            SimpMessagingTemplate broker,
            ProblemTypes problemTypes) {
        this.messages = messages;
        this.members = members;
        this.access = access;
        this.typing = typing;
        this.guard = guard;
        this.users = users;
        this.broker = broker;
        this.problemTypes = problemTypes;
    }

    /**
     * The message reaches subscribers as {@code message.created} once committed; a refusal goes to
     * /user/queue/errors. The inbound thread only queues the send for the group commit, so that a
     * few inbound threads are not held by database round trips.
     */
    @MessageMapping("rooms.{roomId}.messages")
    void send(
            @DestinationVariable String roomId,
            @Payload SendMessage body,
            Principal principal,
            SimpMessageHeaderAccessor headers) {
        CurrentUser user = ((StompUser) principal).user();
        String sessionId = headers.getSessionId();
        try {
            messages.sendAsync(user, roomId, body).whenComplete((sent, failed) -> {
                Throwable cause = failed instanceof CompletionException c ? c.getCause() : failed;
                if (cause instanceof ApiException e) {
                    refuseSend(user, sessionId, roomId, body, e);
                } else if (cause != null) {
                    log.warn("A STOMP send to room {} failed", roomId, cause);
                }
            });
        } catch (ApiException e) {
            refuseSend(user, sessionId, roomId, body, e);
        }
    }

    private void refuseSend(CurrentUser user, String sessionId, String roomId, SendMessage body, ApiException e) {
        Map<String, Object> error = problem(e);
        error.put("room_id", roomId);
        if (body.clientId() != null) {
            error.put("client_id", body.clientId());
        }
        refuse(user, sessionId, error);
    }

    @MessageMapping("rooms.{roomId}.typing")
    void typing(@DestinationVariable String roomId, @Payload TypingFlag body, Principal principal) {
        CurrentUser user = ((StompUser) principal).user();
        if (access.canRead(user, roomId)) {
            typing.set(roomId, user, body.typing());
        }
    }

    @MessageMapping("session.token")
    void renew(@Payload TokenRenewal body, Principal principal, SimpMessageHeaderAccessor headers) {
        CurrentUser user = ((StompUser) principal).user();
        if (!guard.renew(headers.getSessionId(), user, body.accessToken())) {
            refuse(
                    user,
                    headers.getSessionId(),
                    problem(new ApiException(
                            ProblemType.UNAUTHENTICATED,
                            "That token is not a valid token of this socket's sign-in session.")));
        }
    }

    /** A body that is not JSON of the expected shape: the sender hears of it, nothing else happens. */
    @MessageExceptionHandler(MessagingException.class)
    void unreadable(MessagingException e, Principal principal, SimpMessageHeaderAccessor headers) {
        if (principal instanceof StompUser u) {
            refuse(
                    u.user(),
                    headers.getSessionId(),
                    problem(new ApiException(ProblemType.BAD_REQUEST, "The frame's body could not be read.")));
        }
    }

    /**
     * Members with a live socket on any process: the user registry is this process's own, or, with
     * the broker relay, every process's as they broadcast it (a process that died drops out of it
     * within the registry's 20 s expiry).
     */
    @GetMapping("/api/v2/rooms/{id}/presence")
    @ResponseBody
    Presence presence(CurrentUser user, @PathVariable String id) {
        return new Presence(members.list(user, id).stream()
                .filter(m -> m.userId() != null && users.getUser(m.userId()) != null)
                .toList());
    }

    private Map<String, Object> problem(ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", problemTypes.resolve(e.type()).toString());
        error.put("status", e.status().value());
        error.put("detail", e.getMessage());
        error.putAll(e.properties());
        return error;
    }

    /** To the socket that sent the frame only, not to the user's other sockets. */
    private void refuse(CurrentUser user, String sessionId, Map<String, Object> error) {
        SimpMessageHeaderAccessor to = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        to.setSessionId(sessionId);
        to.setLeaveMutable(true);
        broker.convertAndSendToUser(user.id(), "/queue/errors", error, to.getMessageHeaders());
    }
}
