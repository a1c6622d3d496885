package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.Codes.Category;
import dev.toolocr.incident.rooms.Codes.Role;
import dev.toolocr.incident.rooms.Codes.Severity;
import dev.toolocr.incident.rooms.Codes.Visibility;
import dev.toolocr.incident.rooms.RoomAccess.Standing;
import dev.toolocr.incident.rooms.RoomDtos.Action;
import dev.toolocr.incident.rooms.RoomDtos.CreateRoom;
import dev.toolocr.incident.rooms.RoomDtos.RoomPage;
import dev.toolocr.incident.rooms.RoomDtos.RoomView;
import dev.toolocr.incident.rooms.RoomDtos.UpdateRoom;
import dev.toolocr.incident.templates.TemplateService;
import dev.toolocr.incident.templates.TemplateView;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rooms: creating, listing, describing and moving an incident through its lifecycle. */
@Service
public class RoomService {

    /** The lifecycle actions of {@code POST /rooms/{id}/{action}}. */
    public enum Transition {
        ACKNOWLEDGE,
        START,
        RESOLVE,
        CLOSE,
        CANCEL,
        REOPEN
    }

    private final RoomRepository rooms;
    private final RoomMemberRepository members;
    private final MessageRepository messages;
    private final RoomAccess access;
    private final MemberService memberService;
    private final SystemMessages system;
    private final TemplateService templates;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    RoomService(
            RoomRepository rooms,
            RoomMemberRepository members,
            MessageRepository messages,
            RoomAccess access,
            MemberService memberService,
            SystemMessages system,
            TemplateService templates,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.rooms = rooms;
        this.members = members;
        this.messages = messages;
        this.access = access;
        this.memberService = memberService;
        this.system = system;
        this.templates = templates;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional
    public RoomView create(CurrentUser user, CreateRoom body) {
        Optional<TemplateView> template = Optional.ofNullable(body.templateId())
                .filter(id -> !id.isBlank())
                .map(id -> templates
                        .find(id)
                        .orElseThrow(() -> ApiException.invalid("unknown-template", "There is no such template.")));
        // A template fills what the body leaves unset.
        Category category = body.category() != null
                ? body.category()
                : template.map(t -> Category.of(t.category())).orElse(null);
        Severity severity = body.severity() != null
                ? body.severity()
                : template.map(t -> Severity.of(t.defaultSeverity())).orElse(null);
        if (category == null || severity == null) {
            throw ApiException.invalid("validation-failed", "category and severity are required without a template.");
        }
        String prefix = template.map(TemplateView::titlePrefix).orElse(null);
        String title = prefix == null || body.title().strip().startsWith(prefix)
                ? body.title()
                : prefix + " " + body.title().strip();
        if (title.length() > 120) {
            throw ApiException.invalid(
                    "validation-failed", "The title with the template's prefix exceeds 120 characters.");
        }
        String description = body.description() != null && !body.description().isBlank()
                ? body.description()
                : template.map(TemplateView::description).orElse(null);
        Room.RoomContext context = new Room.RoomContext(
                title,
                description,
                body.line(),
                body.station(),
                body.equipment(),
                body.workOrder(),
                category,
                severity);
        if (!Boolean.TRUE.equals(body.allowDuplicate())) {
            String equipment = blankToNull(body.equipment());
            for (Room existing : rooms.findActiveLike(body.line().strip(), equipment, category.code())) {
                if (access.canRead(user, existing.id())) {
                    throw ApiException.conflict(
                            "possible-duplicate",
                            "An active incident for this line, equipment and category exists.",
                            Map.of("room_id", existing.id()));
                }
            }
        }
        Instant now = clock.instant();
        Visibility visibility = body.visibility() == null ? Visibility.OPEN : body.visibility();
        Room room = rooms.saveAndFlush(
                new Room(context, visibility, template.map(TemplateView::id).orElse(null), user.id(), now));
        members.save(new RoomMember(room.id(), user.email(), user.id(), user.displayName(), Role.OWNER, now));
        List<String> checklist = template.map(TemplateView::checklist).orElse(List.of());
        if (!checklist.isEmpty()) {
            system.post(
                    room.id(),
                    "Checklist:\n"
                            + checklist.stream().map(item -> "- [ ] " + item).collect(Collectors.joining("\n")));
        }
        system.post(room.id(), user.displayName() + " reported the incident.");
        Set<String> invited = new LinkedHashSet<>(
                template.map(TemplateView::defaultMemberEmails).orElse(List.of()));
        if (body.memberEmails() != null) {
            invited.addAll(body.memberEmails());
        }
        for (String email : invited) {
            memberService.addIfAbsent(room.id(), email, Role.RESPONDER, user);
        }
        publisher.publishEvent(new RoomEvents.Created(room.id(), room.templateId(), user.id(), now));
        return view(user, reload(room.id()));
    }

    @Transactional(readOnly = true)
    public RoomView get(CurrentUser user, String roomId) {
        return view(user, access.read(user, roomId).room());
    }

    @Transactional(readOnly = true)
    public RoomPage list(CurrentUser user, RoomQuery query, int page, int pageSize) {
        if (page < 1 || pageSize < 1 || pageSize > 100) {
            throw ApiException.invalid("bad-request", "page starts at 1 and page_size is 1 to 100.");
        }
        Page<Room> found = rooms.findAll(query.specification(user), PageRequest.of(page - 1, pageSize, query.order()));
        List<String> ids = found.getContent().stream().map(Room::id).toList();
        Map<String, Role> roles = new HashMap<>();
        Map<String, Long> unread = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            String email = RoomMember.normalise(user.email());
            members.findByEmailAndRoomIdIn(email, ids).forEach(m -> roles.put(m.roomId(), m.role()));
            messages.unread(email, user.id(), ids).forEach(r -> unread.put((String) r[0], (Long) r[1]));
            members.countByRoom(ids).forEach(r -> counts.put((String) r[0], (Long) r[1]));
        }
        List<RoomView> views = found.getContent().stream()
                .map(r -> RoomView.of(
                        r,
                        r.lastSeq(),
                        roles.get(r.id()),
                        unread.getOrDefault(r.id(), 0L),
                        counts.getOrDefault(r.id(), 0L)))
                .toList();
        return new RoomPage(views, found.getTotalElements(), page, pageSize, found.hasNext());
    }

    @Transactional
    public RoomView update(CurrentUser user, String roomId, UpdateRoom body) {
        access.manage(user, roomId);
        Room room = rooms.findForUpdate(roomId).orElseThrow(() -> ApiException.notFound("Room"));
        room.apply(new Room.RoomContext(
                or(body.title(), room.title()),
                body.description() != null ? body.description() : room.description(),
                or(body.line(), room.line()),
                body.station() != null ? body.station() : room.station(),
                body.equipment() != null ? body.equipment() : room.equipment(),
                body.workOrder() != null ? body.workOrder() : room.workOrder(),
                body.category() != null ? body.category() : room.category(),
                body.severity() != null ? body.severity() : room.severity()));
        boolean restricted = body.visibility() != null && body.visibility() != room.visibility();
        if (body.visibility() != null) {
            room.setVisibility(body.visibility());
        }
        room.touch(clock.instant());
        rooms.flush();
        system.roomUpdated(room, user.displayName() + " updated the incident.");
        if (restricted && room.visibility() == Visibility.RESTRICTED) {
            system.restricted(room.id());
        }
        return view(user, reload(roomId));
    }

    @Transactional
    public RoomView transition(CurrentUser user, String roomId, Transition action, Action body) {
        Standing standing = access.act(user, roomId, true);
        Room room = standing.room();
        Instant now = clock.instant();
        String note = body == null || body.note() == null || body.note().isBlank()
                ? ""
                : ": " + body.note().strip();
        String verb;
        switch (action) {
            case ACKNOWLEDGE -> {
                room.acknowledge(now);
                verb = "acknowledged the incident";
            }
            case START -> {
                room.start(now);
                verb = "started work";
            }
            case RESOLVE -> {
                String resolution = body == null ? null : body.resolution();
                if (resolution == null || resolution.isBlank()) {
                    throw ApiException.invalid("resolution-required", "A resolution is required to resolve.");
                }
                room.resolve(resolution, now);
                verb = "resolved the incident";
            }
            case CLOSE -> {
                room.close(now);
                verb = "closed the incident";
            }
            case CANCEL -> {
                room.cancel(now);
                verb = "cancelled the incident";
            }
            case REOPEN -> {
                room.reopen(now);
                verb = "reopened the incident";
            }
            default -> throw new IllegalStateException(action.name());
        }
        rooms.flush();
        system.roomUpdated(room, user.displayName() + " " + verb + note);
        return view(user, reload(roomId));
    }

    private Room reload(String roomId) {
        // lastSeq is written by a bulk update the persistence context does not see.
        Room room = rooms.findById(roomId).orElseThrow();
        rooms.flush();
        return room;
    }

    private RoomView view(CurrentUser user, Room room) {
        Map<String, Long> unread = new LinkedHashMap<>();
        String email = RoomMember.normalise(user.email());
        messages.unread(email, user.id(), List.of(room.id())).forEach(r -> unread.put((String) r[0], (Long) r[1]));
        Role myRole = members.findByRoomIdAndEmail(room.id(), email)
                .map(RoomMember::role)
                .orElse(null);
        long count = members.countByRoom(List.of(room.id())).stream()
                .mapToLong(r -> (Long) r[1])
                .sum();
        return RoomView.of(room, rooms.currentSeq(room.id()), myRole, unread.getOrDefault(room.id(), 0L), count);
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
