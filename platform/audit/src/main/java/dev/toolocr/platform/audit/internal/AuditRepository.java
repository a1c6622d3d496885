package dev.toolocr.platform.audit.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface AuditRepository extends JpaRepository<AuditEntry, String>, JpaSpecificationExecutor<AuditEntry> {

    @Query("select a.eventType, count(a) from AuditEntry a where a.userId = :userId group by a.eventType")
    List<Object[]> countByEventType(@Param("userId") String userId);

    @Query("select min(a.occurredAt), max(a.occurredAt) from AuditEntry a where a.userId = :userId")
    List<Object[]> firstAndLastSeen(@Param("userId") String userId);

    @Query("select count(a) from AuditEntry a where a.userId = :userId and a.eventType = :type and a.outcome = :outcome"
            + " and a.occurredAt >= :since")
    long countSince(
            @Param("userId") String userId,
            @Param("type") String type,
            @Param("outcome") String outcome,
            @Param("since") Instant since);

    @Query("select extract(date from a.occurredAt), count(a) from AuditEntry a where a.eventType = :type"
            + " and a.occurredAt >= :from group by extract(date from a.occurredAt)")
    List<Object[]> countPerDaySince(@Param("type") String type, @Param("from") Instant from);

    /** Retention is the only deletion the audit log knows. */
    @Transactional
    @Modifying
    @Query("delete from AuditEntry a where a.occurredAt < :cutoff")
    int deleteOlderThan(@Param("cutoff") Instant cutoff);
}
