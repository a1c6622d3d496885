package dev.toolocr.incident.rooms;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface RoomEventRepository extends JpaRepository<RoomEvent, String> {

    @Query("select e from RoomEvent e where e.roomId = :roomId and e.seq > :after order by e.seq asc")
    List<RoomEvent> after(String roomId, long after, Pageable page);

    List<RoomEvent> findByMessageId(String messageId);
}
