package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.RoomDtos.Action;
import dev.toolocr.incident.rooms.RoomDtos.AddMember;
import dev.toolocr.incident.rooms.RoomDtos.ChangeRole;
import dev.toolocr.incident.rooms.RoomDtos.CreateRoom;
import dev.toolocr.incident.rooms.RoomDtos.MemberView;
import dev.toolocr.incident.rooms.RoomDtos.Members;
import dev.toolocr.incident.rooms.RoomDtos.ReadMarker;
import dev.toolocr.incident.rooms.RoomDtos.RoomPage;
import dev.toolocr.incident.rooms.RoomDtos.RoomView;
import dev.toolocr.incident.rooms.RoomDtos.UpdateRoom;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/rooms}: incidents, their lifecycle and their members. */
@RestController
@RequestMapping("/api/v2/rooms")
class RoomController {

    private final RoomService rooms;
    private final MemberService members;

    RoomController(RoomService rooms, MemberService members) {
        this.rooms = rooms;
        this.members = members;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    RoomView create(CurrentUser user, @Valid @RequestBody CreateRoom body) {
        return rooms.create(user, body);
    }

    @GetMapping
    RoomPage list(
            CurrentUser user,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String line,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(name = "date_from", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate dateFrom,
            @RequestParam(name = "date_to", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate dateTo,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(name = "page_size", defaultValue = "20") int pageSize,
            @RequestParam(defaultValue = "reported_at") String sort,
            @RequestParam(name = "order_desc", defaultValue = "true") boolean orderDesc) {
        RoomQuery query = new RoomQuery(status, severity, category, line, q, mine, dateFrom, dateTo, sort, orderDesc);
        return rooms.list(user, query, page, pageSize);
    }

    @GetMapping("/{id}")
    RoomView get(CurrentUser user, @PathVariable String id) {
        return rooms.get(user, id);
    }

    @PatchMapping("/{id}")
    RoomView update(CurrentUser user, @PathVariable String id, @Valid @RequestBody UpdateRoom body) {
        return rooms.update(user, id, body);
    }

    @PostMapping("/{id}/{action:acknowledge|start|resolve|close|cancel|reopen}")
    RoomView transition(
            CurrentUser user,
            @PathVariable String id,
            @PathVariable String action,
            @Valid @RequestBody(required = false) Action body) {
        RoomService.Transition transition = RoomService.Transition.valueOf(action.toUpperCase(Locale.ROOT));
        return rooms.transition(user, id, transition, body);
    }

    @GetMapping("/{id}/members")
    Members members(CurrentUser user, @PathVariable String id) {
        return new Members(members.list(user, id));
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    MemberView addMember(CurrentUser user, @PathVariable String id, @Valid @RequestBody AddMember body) {
        return members.add(user, id, body.email(), body.role());
    }

    /** {@code member} is the user id, or the e-mail of a pending member. */
    @PatchMapping("/{id}/members/{member}")
    MemberView changeRole(
            CurrentUser user,
            @PathVariable String id,
            @PathVariable String member,
            @Valid @RequestBody ChangeRole body) {
        return members.changeRole(user, id, member, body.role());
    }

    @DeleteMapping("/{id}/members/{member}")
    ResponseEntity<Void> removeMember(CurrentUser user, @PathVariable String id, @PathVariable String member) {
        members.remove(user, id, member);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/join")
    MemberView join(CurrentUser user, @PathVariable String id) {
        return members.join(user, id);
    }

    @PostMapping("/{id}/leave")
    ResponseEntity<Void> leave(CurrentUser user, @PathVariable String id) {
        members.leave(user, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(CurrentUser user, @PathVariable String id, @Valid @RequestBody ReadMarker body) {
        if (body.seq() == null) {
            throw ApiException.invalid("validation-failed", "seq is required.");
        }
        members.markRead(user, id, body.seq());
        return ResponseEntity.noContent().build();
    }
}
