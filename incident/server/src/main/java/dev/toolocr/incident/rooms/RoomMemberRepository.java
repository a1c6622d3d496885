package dev.toolocr.incident.rooms;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RoomMemberRepository extends JpaRepository<RoomMember, String> {

    Optional<RoomMember> findByRoomIdAndEmail(String roomId, String email);

    List<RoomMember> findByRoomIdOrderByJoinedAtAsc(String roomId);

    List<RoomMember> findByEmailAndRoomIdIn(String email, Collection<String> roomIds);

    @Query("select count(m) from RoomMember m where m.roomId = :roomId and m.role = 'owner'")
    long countOwners(String roomId);

    @Query("select m.roomId, count(m) from RoomMember m where m.roomId in :roomIds group by m.roomId")
    List<Object[]> countByRoom(Collection<String> roomIds);

    /** A pending member becomes a person at their first sign-in. */
    @Modifying
    @Query("update RoomMember m set m.userId = :userId, m.displayName = :displayName"
            + " where m.email = :email and m.userId is null")
    int identifyPending(String email, String userId, String displayName);
}
