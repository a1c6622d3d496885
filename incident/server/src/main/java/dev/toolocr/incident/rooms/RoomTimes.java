package dev.toolocr.incident.rooms;

import dev.toolocr.platform.auth.CurrentUser;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle facts of the rooms a person may read, for figures across many rooms (the supervisors'
 * statistics). Only what the figures need is fetched, one small row per room, never a whole room.
 */
@Component
public class RoomTimes {

    /** One room's facts; the durations are null until the room was acknowledged or resolved. */
    public record Row(
            String status,
            String severity,
            String category,
            String line,
            Instant reportedAt,
            Long timeToAcknowledgeS,
            Long timeToResolveS) {}

    /** What the query itself returns: the stored columns, before the durations are derived. */
    record Stored(
            String status,
            String severity,
            String category,
            String line,
            Instant reportedAt,
            Instant acknowledgedAt,
            Instant resolvedAt) {}

    private final EntityManager entities;

    RoomTimes(EntityManager entities) {
        this.entities = entities;
    }

    /**
     * Rooms reported in {@code [from, to)} (either bound may be null) on {@code line} (any case; null
     * for every line) that {@code user} may read, at most {@code limit}; admins read every room.
     */
    @Transactional(readOnly = true)
    public List<Row> readable(CurrentUser user, Instant from, Instant to, String line, int limit) {
        StringBuilder jpql = new StringBuilder("select new " + Stored.class.getName()
                + "(r.status, r.severity, r.category, r.line, r.reportedAt, r.acknowledgedAt, r.resolvedAt)"
                + " from Room r where 1 = 1");
        if (!user.admin()) {
            jpql.append(" and (r.visibility = 'open' or r.id in"
                    + " (select m.roomId from RoomMember m where m.email = :email))");
        }
        if (from != null) {
            jpql.append(" and r.reportedAt >= :from");
        }
        if (to != null) {
            jpql.append(" and r.reportedAt < :to");
        }
        if (line != null) {
            jpql.append(" and lower(r.line) = :line");
        }
        TypedQuery<Stored> query = entities.createQuery(jpql.toString(), Stored.class);
        if (!user.admin()) {
            query.setParameter("email", RoomMember.normalise(user.email()));
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (line != null) {
            query.setParameter("line", line.strip().toLowerCase(Locale.ROOT));
        }
        return query.setMaxResults(limit).getResultList().stream()
                .map(s -> new Row(
                        s.status(),
                        s.severity(),
                        s.category(),
                        s.line(),
                        s.reportedAt(),
                        seconds(s.reportedAt(), s.acknowledgedAt()),
                        seconds(s.reportedAt(), s.resolvedAt())))
                .toList();
    }

    /** As {@link Room#timeToAcknowledgeSeconds()}: whole seconds between the two instants. */
    private static Long seconds(Instant from, Instant to) {
        return to == null ? null : Duration.between(from, to).toSeconds();
    }
}
