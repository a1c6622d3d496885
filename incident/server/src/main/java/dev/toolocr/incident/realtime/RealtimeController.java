package dev.toolocr.incident.realtime;

import dev.toolocr.incident.rooms.MemberService;
import dev.toolocr.incident.rooms.MessageService;
import dev.toolocr.incident.rooms.MessageService.SendMessage;
import dev.toolocr.incident.rooms.RoomAccess;
import dev.toolocr.incident.rooms.RoomDtos.MemberView;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemTypes;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/** What clients SEND over STOMP, and who is online. Sending uses the same service as REST. */
@Controller
class RealtimeController {

    record TypingFlag(boolean typing) {}

    record Presence(List<MemberView> online) {}

    private final MessageService messages;
    private final MemberService members;
    private final RoomAccess access;
    private final Typing typing;
    private final Subscriptions subscriptions;
    private final SimpMessagingTemplate broker;
    private final ProblemTypes problemTypes;

    RealtimeController(
            MessageService messages,
            MemberService members,
            RoomAccess access,
            Typing typing,
            Subscriptions subscriptions,
            SimpMessagingTemplate broker,
            ProblemTypes problemTypes) {
        this.messages = messages;
        this.members = members;
        this.access = access;
        this.typing = typing;
        this.subscriptions = subscriptions;
        this.broker = broker;
        this.problemTypes = problemTypes;
    }

    /** The message reaches subscribers as {@code message.created}; a refusal goes to /user/queue/errors. */
    @MessageMapping("rooms.{roomId}.messages")
    void send(@DestinationVariable String roomId, @Payload SendMessage body, Principal principal) {
        CurrentUser user = ((StompUser) principal).user();
        try {
            messages.send(user, roomId, body);
        } catch (ApiException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", problemTypes.resolve(e.type()).toString());
            error.put("status", e.status().value());
            error.put("detail", e.getMessage());
            error.put("room_id", roomId);
            if (body.clientId() != null) {
                error.put("client_id", body.clientId());
            }
            error.putAll(e.properties());
            broker.convertAndSendToUser(user.id(), "/queue/errors", error);
        }
    }

    @MessageMapping("rooms.{roomId}.typing")
    void typing(@DestinationVariable String roomId, @Payload TypingFlag body, Principal principal) {
        CurrentUser user = ((StompUser) principal).user();
        if (access.canRead(user, roomId)) {
            typing.set(roomId, user, body.typing());
        }
    }

    @GetMapping("/api/v2/rooms/{id}/presence")
    @ResponseBody
    Presence presence(CurrentUser user, @PathVariable String id) {
        Set<String> online = subscriptions.online();
        return new Presence(members.list(user, id).stream()
                .filter(m -> m.userId() != null && online.contains(m.userId()))
                .toList());
    }
}
