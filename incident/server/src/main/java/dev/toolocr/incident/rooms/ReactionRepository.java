package dev.toolocr.incident.rooms;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ReactionRepository extends JpaRepository<Reaction, String> {

    List<Reaction> findByMessageIdIn(Collection<String> messageIds);

    boolean existsByMessageIdAndUserIdAndEmoji(String messageId, String userId, String emoji);

    @Modifying(flushAutomatically = true)
    @Query("delete from Reaction r where r.messageId = :messageId and r.userId = :userId and r.emoji = :emoji")
    int remove(String messageId, String userId, String emoji);

    long countByMessageIdAndEmoji(String messageId, String emoji);
}
