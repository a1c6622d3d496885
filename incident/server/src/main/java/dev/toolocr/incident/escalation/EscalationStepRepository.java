package dev.toolocr.incident.escalation;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EscalationStepRepository extends JpaRepository<EscalationStep, String> {

    @Query("select s.id from EscalationStep s where s.state = 'armed' and s.dueAt <= :now order by s.dueAt, s.id")
    List<String> due(Instant now, Pageable page);

    /**
     * Takes an armed step for this transaction: 1 for the one caller that moved it, 0 for every other.
     * A second process updating the same row waits for the first to commit and then no longer matches
     * {@code state = 'armed'}; if the first rolls back, the step is armed again and fires later.
     */
    @Modifying(flushAutomatically = true)
    @Query("update EscalationStep s set s.state = 'fired', s.settledAt = :now where s.id = :id and s.state = 'armed'")
    int claim(String id, Instant now);

    List<EscalationStep> findByRoomIdOrderByStepNo(String roomId);
}
