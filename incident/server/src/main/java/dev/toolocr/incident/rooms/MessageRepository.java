package dev.toolocr.incident.rooms;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MessageRepository extends JpaRepository<Message, String> {

    Optional<Message> findByAuthorIdAndClientId(String authorId, String clientId);

    Optional<Message> findByIdAndRoomId(String id, String roomId);

    @Query("select m from Message m where m.roomId = :roomId order by m.seq desc")
    List<Message> newest(String roomId, Pageable page);

    @Query("select m from Message m where m.roomId = :roomId and m.seq < :before order by m.seq desc")
    List<Message> before(String roomId, long before, Pageable page);

    @Query("select m from Message m where m.roomId = :roomId and m.seq > :after order by m.seq asc")
    List<Message> after(String roomId, long after, Pageable page);

    /** Unread: others' live messages (not system notices) past the reader's marker, per room. */
    @Query("""
            select m.roomId, count(m) from Message m, RoomMember rm
            where rm.roomId = m.roomId and rm.email = :email and m.roomId in :roomIds
              and m.seq > rm.readSeq and m.deleted = false and m.kind <> 'system'
              and m.authorId <> :userId
            group by m.roomId""")
    List<Object[]> unread(String email, String userId, Collection<String> roomIds);
}
