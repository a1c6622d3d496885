package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.Codes.Role;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A person's place in a room, keyed by lower-cased e-mail so that someone added before their first
 * sign-in (a pending member, without user id yet) is the same member once they sign in.
 */
@Entity
@Table(name = "room_members")
public class RoomMember {

    @Id
    private String id;

    private String roomId;
    private String email;
    private String userId;
    private String displayName;
    private String role;
    private Instant joinedAt;
    private long readSeq;

    protected RoomMember() {}

    RoomMember(String roomId, String email, String userId, String displayName, Role role, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.roomId = roomId;
        this.email = normalise(email);
        this.userId = userId;
        this.displayName = displayName;
        this.role = role.code();
        this.joinedAt = now;
    }

    static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    void changeRole(Role next) {
        this.role = next.code();
    }

    void identify(String userId, String displayName) {
        this.userId = userId;
        this.displayName = displayName;
    }

    /** The read marker only moves forward and never past the room's last event. */
    void markRead(long seq, long lastSeq) {
        readSeq = Math.max(readSeq, Math.min(seq, lastSeq));
    }

    public String id() {
        return id;
    }

    public String roomId() {
        return roomId;
    }

    public String email() {
        return email;
    }

    public String userId() {
        return userId;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return Role.of(role);
    }

    public Instant joinedAt() {
        return joinedAt;
    }

    public long readSeq() {
        return readSeq;
    }

    public boolean pending() {
        return userId == null;
    }
}
