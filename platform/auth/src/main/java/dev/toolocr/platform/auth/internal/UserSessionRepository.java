package dev.toolocr.platform.auth.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface UserSessionRepository extends JpaRepository<UserSession, String> {

    @Query("select s from UserSession s where s.userId = :userId and s.revokedAt is null and s.expiresAt > :now"
            + " order by s.lastAccessAt desc")
    List<UserSession> liveOf(@Param("userId") String userId, @Param("now") Instant now);

    @Query(
            "select count(s) from UserSession s where s.revokedAt is null and s.expiresAt > :now and s.lastAccessAt > :idleCutoff")
    long countActive(@Param("now") Instant now, @Param("idleCutoff") Instant idleCutoff);

    @Query("select s.userId, count(s) from UserSession s where s.userId in :users and s.revokedAt is null"
            + " and s.expiresAt > :now and s.lastAccessAt > :idleCutoff group by s.userId")
    List<Object[]> countActiveByUser(
            @Param("users") List<String> users, @Param("now") Instant now, @Param("idleCutoff") Instant idleCutoff);

    /**
     * The atomic half of rotation: only the request that still holds the current hash succeeds, so of
     * two concurrent refreshes exactly one wins.
     */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UserSession s set s.previousRefreshTokenHash = s.refreshTokenHash, s.refreshTokenHash = :newHash,"
            + " s.refreshedAt = :now, s.refreshConflictUntil = null, s.refreshCount = s.refreshCount + 1,"
            + " s.lastAccessAt = :now, s.version = s.version + 1"
            + " where s.id = :id and s.refreshTokenHash = :oldHash and s.revokedAt is null")
    int rotate(
            @Param("id") String id,
            @Param("oldHash") String oldHash,
            @Param("newHash") String newHash,
            @Param("now") Instant now);

    /** Opens the window in which the loser of a refresh race may ask again with its previous token. */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UserSession s set s.refreshConflictUntil = :until, s.version = s.version + 1"
            + " where s.id = :id and s.previousRefreshTokenHash = :previousHash and s.revokedAt is null"
            + " and (s.refreshConflictUntil is null or s.refreshConflictUntil < :until)")
    int openRefreshConflictWindow(
            @Param("id") String id, @Param("previousHash") String previousHash, @Param("until") Instant until);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UserSession s set s.revokedAt = :now, s.revokedReason = :reason, s.version = s.version + 1,"
            + " s.storedCredentialEnc = null, s.externalAccessTokenEnc = null, s.externalIdTokenEnc = null"
            + " where s.userId = :userId and s.revokedAt is null")
    int revokeAllOf(@Param("userId") String userId, @Param("reason") String reason, @Param("now") Instant now);

    /** Sessions keeping a stored credential whose AD token expires before {@code dueBefore}. */
    @Query("select s.id from UserSession s where s.storedCredentialEnc is not null and s.revokedAt is null"
            + " and s.externalTokenExpiresAt <= :dueBefore order by s.externalTokenExpiresAt")
    List<String> dueForReauth(@Param("dueBefore") Instant dueBefore);

    /**
     * Takes a session for one re-authentication round; of several server processes only the one whose
     * update succeeds asks AD.
     */
    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UserSession s set s.version = s.version + 1 where s.id = :id and s.version = :version")
    int claim(@Param("id") String id, @Param("version") long version);

    @Transactional
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update UserSession s set s.lastAccessAt = :now where s.id = :id and s.lastAccessAt < :staleBefore")
    int touch(@Param("id") String id, @Param("now") Instant now, @Param("staleBefore") Instant staleBefore);
}
