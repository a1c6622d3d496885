package dev.toolocr.incident.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, String> {

    /** Newest first; the id only orders notices of the same instant, so that pages do not overlap. */
    List<Notification> findByUserIdOrderByCreatedAtDescIdDesc(String userId, Pageable page);

    List<Notification> findByUserIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(String userId, Pageable page);

    /** Rows of {@code [roomId, count]}: the person's unread notices per room. */
    @Query("select n.roomId, count(n) from Notification n where n.userId = :userId and n.readAt is null"
            + " group by n.roomId")
    List<Object[]> unreadPerRoom(String userId);

    /** The person's own only: ids of anyone else's notices match nothing. */
    @Modifying(flushAutomatically = true)
    @Query("update Notification n set n.readAt = :now"
            + " where n.userId = :userId and n.readAt is null and n.id in :ids")
    int markRead(String userId, Collection<String> ids, Instant now);

    @Modifying(flushAutomatically = true)
    @Query("update Notification n set n.readAt = :now where n.userId = :userId and n.readAt is null")
    int markAllRead(String userId, Instant now);

    @Modifying
    @Query("delete from Notification n where n.createdAt < :cutoff")
    int deleteOlderThan(Instant cutoff);

    /** People holding more than {@code keep} notices. */
    @Query("select n.userId from Notification n group by n.userId having count(n) > :keep")
    List<String> usersHoldingMoreThan(long keep, Pageable page);

    @Modifying
    @Query("delete from Notification n where n.userId = :userId and n.createdAt < :cutoff")
    int deleteOlderThan(String userId, Instant cutoff);
}
