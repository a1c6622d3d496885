package dev.toolocr.incident.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, String> {

    @Query("select d.id from WebhookDelivery d where d.state = 'pending' and d.nextAttemptAt <= :now"
            + " order by d.nextAttemptAt, d.id")
    List<String> due(Instant now, Pageable page);

    /** Takes the next attempt of a due delivery until {@code leaseUntil}; 1 for the one caller that did. */
    @Modifying
    @Query("update WebhookDelivery d set d.attempts = d.attempts + 1, d.nextAttemptAt = :leaseUntil"
            + " where d.id = :id and d.state = 'pending' and d.nextAttemptAt <= :now and d.attempts < :maxAttempts")
    int claim(String id, Instant now, Instant leaseUntil, int maxAttempts);

    /** The outcome of attempt {@code attempt}, unless another process has since taken a later one. */
    @Modifying
    @Query("update WebhookDelivery d set d.state = :state, d.nextAttemptAt = :next, d.lastError = :error,"
            + " d.settledAt = :settledAt where d.id = :id and d.attempts = :attempt and d.state = 'pending'")
    int settle(String id, int attempt, String state, Instant next, String error, Instant settledAt);

    Optional<WebhookDelivery> findByStepId(String stepId);
}
