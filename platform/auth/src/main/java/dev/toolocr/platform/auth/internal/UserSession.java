package dev.toolocr.platform.auth.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A signed-in session. The refresh token is stored only as a hash; each refresh rotates it and
 * keeps the previous hash briefly, so a concurrent refresh that lost the race is told apart from a
 * stolen, replayed token.
 */
@Entity
@Table(name = "sessions")
public class UserSession {

    @Id
    private String id;

    private String userId;
    private String refreshTokenHash;
    private String previousRefreshTokenHash;
    private Instant refreshedAt;
    private Instant refreshConflictUntil;
    private int refreshCount;
    private Instant createdAt;
    private Instant lastAccessAt;
    private Instant expiresAt;
    private Instant revokedAt;
    private String revokedReason;
    private String ipAddress;
    private String userAgent;
    private String externalAccessTokenEnc;
    private String externalIdTokenEnc;
    private Instant externalTokenExpiresAt;
    private String storedCredentialEnc;
    private int reauthFailures;

    @Version
    private long version;

    protected UserSession() {
        // for JPA
    }

    static UserSession open(
            UUID id, String userId, String refreshHash, String ip, String userAgent, Instant now, Duration lifetime) {
        UserSession s = new UserSession();
        s.id = id.toString();
        s.userId = userId;
        s.refreshTokenHash = refreshHash;
        s.createdAt = now;
        s.lastAccessAt = now;
        s.expiresAt = now.plus(lifetime);
        s.ipAddress = ip;
        s.userAgent = userAgent == null || userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
        return s;
    }

    boolean isAlive(Instant now, Duration idleTimeout) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(lastAccessAt.plus(idleTimeout));
    }

    /** Why the session is no longer usable, for the audit trail. */
    String deathReason(Instant now, Duration idleTimeout) {
        if (revokedAt != null) {
            return "revoked";
        }
        return now.isBefore(expiresAt) ? "idle_timeout" : "absolute_lifetime";
    }

    /** Keeps the identity source's tokens, already encrypted and bound to this session. */
    void storeExternalTokens(String accessTokenEnc, String idTokenEnc, Instant expiresAt) {
        externalAccessTokenEnc = accessTokenEnc;
        externalIdTokenEnc = idTokenEnc;
        externalTokenExpiresAt = expiresAt;
    }

    String externalAccessTokenEnc() {
        return externalAccessTokenEnc;
    }

    /** Keeps the user's AD credential, already encrypted and bound to this session (stored-credential mode). */
    void storeCredential(String credentialEnc) {
        storedCredentialEnc = credentialEnc;
    }

    String storedCredentialEnc() {
        return storedCredentialEnc;
    }

    /** A live session holding a credential whose AD token expires within {@code buffer}. */
    boolean isReauthDue(Instant now, Duration buffer) {
        return revokedAt == null
                && storedCredentialEnc != null
                && externalTokenExpiresAt != null
                && !now.isBefore(externalTokenExpiresAt.minus(buffer));
    }

    /** AD accepted the stored credential again: fresh tokens, and the failure streak ends. */
    void reauthenticated(String accessTokenEnc, String idTokenEnc, Instant tokenExpiresAt) {
        storeExternalTokens(accessTokenEnc, idTokenEnc, tokenExpiresAt);
        reauthFailures = 0;
    }

    /**
     * AD could not be asked (down, timing out). Ends the session once {@code limit} attempts in a
     * row have failed.
     *
     * @return the number of consecutive failures so far
     */
    int reauthUnanswered(int limit, Instant now) {
        reauthFailures++;
        if (reauthFailures >= limit) {
            revoke("reauth_unavailable", now);
        }
        return reauthFailures;
    }

    /** Forgets the stored credential and AD tokens without ending the session (it has ended by itself). */
    void wipeSecrets() {
        storedCredentialEnc = null;
        externalAccessTokenEnc = null;
        externalIdTokenEnc = null;
    }

    /** Ends the session; its stored credential and AD tokens are wiped at once. */
    void revoke(String reason, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason;
        }
        wipeSecrets();
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    String revokedReason() {
        return revokedReason;
    }

    long version() {
        return version;
    }

    void touch(Instant now) {
        lastAccessAt = now;
    }

    void rotate(String newHash, Instant now) {
        previousRefreshTokenHash = refreshTokenHash;
        refreshTokenHash = newHash;
        refreshedAt = now;
        refreshConflictUntil = null;
        refreshCount++;
        lastAccessAt = now;
    }

    /**
     * The token presented was the current one when this request arrived, and another request rotated
     * it since: a parallel refresh that lost the race, not a theft. A replay always arrives after the
     * rotation it replays, however soon. Compared in microseconds, the precision the row keeps.
     */
    boolean wasRotatedWhileInFlight(String presentedHash, Instant arrivedAt) {
        return presentedHash.equals(previousRefreshTokenHash)
                && refreshedAt != null
                && !arrivedAt.truncatedTo(ChronoUnit.MICROS).isAfter(refreshedAt);
    }

    /**
     * A refresh with this token already lost a race and was told so (409); its page may ask again
     * with the same cookie until the window closes, because the winner's answer, which carries the
     * new cookie, can reach the browser later than the loser's (a page reloaded mid-refresh).
     */
    boolean mayRetryAfterConflict(String presentedHash, Instant now) {
        return presentedHash.equals(previousRefreshTokenHash)
                && refreshConflictUntil != null
                && now.isBefore(refreshConflictUntil);
    }

    public String id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    String refreshTokenHash() {
        return refreshTokenHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastAccessAt() {
        return lastAccessAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String ipAddress() {
        return ipAddress;
    }

    public String userAgent() {
        return userAgent;
    }
}
