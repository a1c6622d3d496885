package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.Codes.Role;
import dev.toolocr.incident.rooms.Codes.Visibility;
import dev.toolocr.incident.rooms.RoomAccess.Standing;
import dev.toolocr.incident.rooms.RoomDtos.MemberView;
import dev.toolocr.platform.auth.AuthEvent;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.platform.auth.UserDirectory.UserInfo;
import dev.toolocr.platform.web.ApiException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members and roles; a room always keeps at least one owner. */
@Service
public class MemberService {

    private final RoomMemberRepository members;
    private final RoomAccess access;
    private final UserDirectory directory;
    private final SystemMessages system;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    MemberService(
            RoomMemberRepository members,
            RoomAccess access,
            UserDirectory directory,
            SystemMessages system,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.members = members;
        this.access = access;
        this.directory = directory;
        this.system = system;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MemberView> list(CurrentUser user, String roomId) {
        access.read(user, roomId);
        return members.findByRoomIdOrderByJoinedAtAsc(roomId).stream()
                .map(MemberView::of)
                .toList();
    }

    @Transactional
    public MemberView add(CurrentUser user, String roomId, String email, Role role) {
        access.manage(user, roomId);
        if (members.findByRoomIdAndEmail(roomId, RoomMember.normalise(email)).isPresent()) {
            throw ApiException.conflict("already-member", "That person is already a member.", Map.of());
        }
        return MemberView.of(addIfAbsent(roomId, email, role == null ? Role.RESPONDER : role, user));
    }

    /** Adds a member unless present; someone who never signed in becomes a pending member. */
    RoomMember addIfAbsent(String roomId, String email, Role role, CurrentUser by) {
        String key = RoomMember.normalise(email);
        Optional<RoomMember> existing = members.findByRoomIdAndEmail(roomId, key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<UserInfo> known = lookUp(key);
        RoomMember member = members.saveAndFlush(new RoomMember(
                roomId,
                key,
                known.map(UserInfo::id).orElse(null),
                known.map(UserInfo::displayName).orElse(null),
                role,
                clock.instant()));
        system.memberChanged(
                roomId, member, "added", by.displayName() + " added " + label(member) + " as " + role.code() + ".");
        known.ifPresent(u -> publisher.publishEvent(new RoomEvents.UserNotified(
                u.id(), Map.of("type", "room.added", "room_id", roomId, "role", role.code()))));
        return member;
    }

    @Transactional
    public MemberView changeRole(CurrentUser user, String roomId, String memberKey, Role role) {
        access.manage(user, roomId);
        RoomMember member = find(roomId, memberKey);
        if (member.role() == Role.OWNER && role != Role.OWNER) {
            requireAnotherOwner(roomId);
        }
        member.changeRole(role);
        members.flush();
        system.memberChanged(
                roomId,
                member,
                "role_changed",
                user.displayName() + " made " + label(member) + " " + role.code() + ".");
        return MemberView.of(member);
    }

    @Transactional
    public void remove(CurrentUser user, String roomId, String memberKey) {
        access.manage(user, roomId);
        RoomMember member = find(roomId, memberKey);
        drop(roomId, member, user.displayName() + " removed " + label(member) + ".");
    }

    @Transactional
    public MemberView join(CurrentUser user, String roomId) {
        Standing s = access.read(user, roomId);
        if (s.member().isPresent()) {
            return MemberView.of(s.member().get());
        }
        if (s.room().visibility() != Visibility.OPEN && !user.admin()) {
            throw ApiException.forbidden("Restricted rooms are joined by invitation.");
        }
        RoomMember member = members.saveAndFlush(
                new RoomMember(roomId, user.email(), user.id(), user.displayName(), Role.RESPONDER, clock.instant()));
        system.memberChanged(roomId, member, "added", user.displayName() + " joined.");
        return MemberView.of(member);
    }

    @Transactional
    public void leave(CurrentUser user, String roomId) {
        Standing s = access.read(user, roomId);
        RoomMember member =
                s.member().orElseThrow(() -> ApiException.conflict("not-member", "You are not a member.", Map.of()));
        drop(roomId, member, user.displayName() + " left.");
    }

    @Transactional
    public void markRead(CurrentUser user, String roomId, long seq) {
        Standing s = access.member(user, roomId);
        s.member().ifPresent(m -> m.markRead(seq, s.room().lastSeq()));
    }

    /** A pending member becomes a person at their first sign-in. */
    @EventListener
    @Transactional
    public void onSignIn(AuthEvent event) {
        if ("login_success".equals(event.type()) && event.userId() != null && event.email() != null) {
            directory
                    .findById(event.userId())
                    .ifPresent(u -> members.identifyPending(RoomMember.normalise(u.email()), u.id(), u.displayName()));
        }
    }

    private void drop(String roomId, RoomMember member, String text) {
        if (member.role() == Role.OWNER) {
            requireAnotherOwner(roomId);
        }
        members.delete(member);
        members.flush();
        system.memberChanged(roomId, member, "removed", text);
        publisher.publishEvent(new RoomEvents.AccessRevoked(roomId, member.email()));
    }

    private void requireAnotherOwner(String roomId) {
        if (members.countOwners(roomId) <= 1) {
            throw ApiException.conflict(
                    "last-owner", "A room keeps at least one owner: make someone else owner first.", Map.of());
        }
    }

    private RoomMember find(String roomId, String memberKey) {
        return members.findByRoomIdOrderByJoinedAtAsc(roomId).stream()
                .filter(m -> memberKey.equals(m.userId())
                        || RoomMember.normalise(memberKey).equals(m.email()))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Member"));
    }

    private Optional<UserInfo> lookUp(String email) {
        return directory.list(email, 0, 20, "email", false).getContent().stream()
                .filter(u -> u.email().equalsIgnoreCase(email))
                .findFirst();
    }

    private static String label(RoomMember m) {
        return m.displayName() != null ? m.displayName() : m.email();
    }
}
