package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.Codes.Role;
import dev.toolocr.incident.rooms.Codes.Visibility;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.web.ApiException;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may do what in a room. A room the caller may not read is reported exactly like a room that does
 * not exist, so restricted incidents cannot be discovered by probing ids.
 */
@Component
public class RoomAccess {

    private final RoomRepository rooms;
    private final RoomMemberRepository members;

    RoomAccess(RoomRepository rooms, RoomMemberRepository members) {
        this.rooms = rooms;
        this.members = members;
    }

    /** The caller's standing in a room they may read. */
    record Standing(Room room, Optional<RoomMember> member, boolean admin) {

        /** Admins manage every room as its owners do. */
        Role effectiveRole() {
            if (admin) {
                return Role.OWNER;
            }
            return member.map(RoomMember::role).orElse(null);
        }

        Role myRole() {
            return member.map(RoomMember::role).orElse(null);
        }
    }

    /** True when the user may read the room (and so subscribe to it). */
    @Transactional(readOnly = true)
    public boolean canRead(CurrentUser user, String roomId) {
        return rooms.findById(roomId).flatMap(r -> readable(user, r)).isPresent();
    }

    /**
     * For features outside rooms (uploads): passes when the user may post in the room; 404 when they
     * may not read it, 403 when they are a viewer or not a member.
     */
    @Transactional(readOnly = true)
    public void requireCanAct(CurrentUser user, String roomId) {
        act(user, roomId, false);
    }

    Standing read(CurrentUser user, String roomId) {
        Room room = rooms.findById(roomId).orElseThrow(() -> ApiException.notFound("Room"));
        return readable(user, room).orElseThrow(() -> ApiException.notFound("Room"));
    }

    Standing readForUpdate(CurrentUser user, String roomId) {
        Room room = rooms.findForUpdate(roomId).orElseThrow(() -> ApiException.notFound("Room"));
        return readable(user, room).orElseThrow(() -> ApiException.notFound("Room"));
    }

    /** Owners and responders (and admins): post, upload, move the status, pin. */
    Standing act(CurrentUser user, String roomId, boolean lock) {
        Standing s = lock ? readForUpdate(user, roomId) : read(user, roomId);
        Role role = s.effectiveRole();
        if (role == null || !role.canAct()) {
            throw ApiException.forbidden(role == null ? "Join the room first." : "Viewers cannot do that.");
        }
        return s;
    }

    /** Owners (and admins): manage the room and its members. */
    Standing manage(CurrentUser user, String roomId) {
        Standing s = read(user, roomId);
        if (s.effectiveRole() != Role.OWNER) {
            throw ApiException.forbidden("Only the room's owners can do that.");
        }
        return s;
    }

    /** Any member (or admin): react, move the read marker. */
    Standing member(CurrentUser user, String roomId) {
        Standing s = read(user, roomId);
        if (s.effectiveRole() == null) {
            throw ApiException.forbidden("Join the room first.");
        }
        return s;
    }

    private Optional<Standing> readable(CurrentUser user, Room room) {
        Optional<RoomMember> member = members.findByRoomIdAndEmail(room.id(), RoomMember.normalise(user.email()));
        boolean visible = user.admin() || room.visibility() == Visibility.OPEN || member.isPresent();
        return visible ? Optional.of(new Standing(room, member, user.admin())) : Optional.empty();
    }
}
