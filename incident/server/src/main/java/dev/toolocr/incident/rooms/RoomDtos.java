package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.Codes.Category;
import dev.toolocr.incident.rooms.Codes.Role;
import dev.toolocr.incident.rooms.Codes.Severity;
import dev.toolocr.incident.rooms.Codes.Visibility;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** The request and answer shapes of rooms and members (JSON names are snake_case). */
public final class RoomDtos {

    private RoomDtos() {}

    public record CreateRoom(
            @NotBlank @Size(max = 120) String title,
            @Size(max = 4000) String description,
            @NotBlank @Size(max = 120) String line,
            @Size(max = 120) String station,
            @Size(max = 120) String equipment,
            @Size(max = 120) String workOrder,
            Category category,
            Severity severity,
            Visibility visibility,
            @Size(max = 36) String templateId,
            @Size(max = 50) List<@Email @NotBlank String> memberEmails,
            Boolean allowDuplicate) {}

    public record UpdateRoom(
            @Size(min = 1, max = 120) String title,
            @Size(max = 4000) String description,
            @Size(min = 1, max = 120) String line,
            @Size(max = 120) String station,
            @Size(max = 120) String equipment,
            @Size(max = 120) String workOrder,
            Category category,
            Severity severity,
            Visibility visibility) {}

    public record Action(
            @Size(max = 4000) String note, @Size(max = 4000) String resolution) {}

    public record RoomView(
            String id,
            String title,
            String description,
            String line,
            String station,
            String equipment,
            String workOrder,
            Category category,
            Severity severity,
            Visibility visibility,
            String status,
            String templateId,
            String createdBy,
            Instant reportedAt,
            Instant acknowledgedAt,
            Instant resolvedAt,
            Instant closedAt,
            Instant cancelledAt,
            String resolution,
            Long timeToAcknowledgeS,
            Long timeToResolveS,
            Instant updatedAt,
            long lastSeq,
            Role myRole,
            long unreadCount,
            long memberCount) {

        static RoomView of(Room r, long lastSeq, Role myRole, long unread, long memberCount) {
            return new RoomView(
                    r.id(),
                    r.title(),
                    r.description(),
                    r.line(),
                    r.station(),
                    r.equipment(),
                    r.workOrder(),
                    r.category(),
                    r.severity(),
                    r.visibility(),
                    r.status().code(),
                    r.templateId(),
                    r.createdBy(),
                    r.reportedAt(),
                    r.acknowledgedAt(),
                    r.resolvedAt(),
                    r.closedAt(),
                    r.cancelledAt(),
                    r.resolution(),
                    r.timeToAcknowledgeSeconds(),
                    r.timeToResolveSeconds(),
                    r.updatedAt(),
                    lastSeq,
                    myRole,
                    unread,
                    memberCount);
        }
    }

    public record RoomPage(List<RoomView> rooms, long total, int page, int pageSize, boolean hasMore) {}

    public record AddMember(
            @NotBlank @Email @Size(max = 320) String email, Role role) {}

    public record ChangeRole(@NotNull Role role) {}

    /** {@code user_id} is null for a pending member (never signed in yet). */
    public record MemberView(
            String userId, String email, String displayName, Role role, boolean pending, Instant joinedAt) {

        static MemberView of(RoomMember m) {
            return new MemberView(m.userId(), m.email(), m.displayName(), m.role(), m.pending(), m.joinedAt());
        }
    }

    public record Members(List<MemberView> members) {}

    public record ReadMarker(@NotNull @PositiveOrZero Long seq) {}
}
