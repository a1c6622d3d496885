package dev.toolocr.incident.rooms;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RoomRepository extends JpaRepository<Room, String>, JpaSpecificationExecutor<Room> {

    /** Status changes read the room under a row lock so two concurrent actions cannot both pass. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Room r where r.id = :id")
    Optional<Room> findForUpdate(String id);

    @Modifying(flushAutomatically = true)
    @Query("update Room r set r.lastSeq = r.lastSeq + 1 where r.id = :id")
    int incrementSeq(String id);

    /** Gives back a seq this transaction took and will not use (a refused send), under the same lock. */
    @Modifying(flushAutomatically = true)
    @Query("update Room r set r.lastSeq = r.lastSeq - 1 where r.id = :id and r.lastSeq = :seq")
    int decrementSeq(String id, long seq);

    @Query("select r.lastSeq from Room r where r.id = :id")
    long currentSeq(String id);

    @Query("""
            select r from Room r where r.line = :line and r.category = :category
              and ((:equipment is null and r.equipment is null) or r.equipment = :equipment)
              and r.status in ('open', 'acknowledged', 'in_progress')
            order by r.reportedAt desc""")
    List<Room> findActiveLike(String line, String equipment, String category);
}
