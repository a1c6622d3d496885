package dev.toolocr.platform.auth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;

/** Read and administer users and sessions without touching the auth module's tables. */
public interface UserDirectory {

    record UserInfo(
            String id,
            String email,
            String displayName,
            String provider,
            boolean active,
            boolean admin,
            Instant createdAt,
            Instant lastLoginAt) {}

    record SessionInfo(
            String id,
            String userId,
            Instant createdAt,
            Instant lastAccessAt,
            Instant expiresAt,
            String ipAddress,
            String userAgent) {}

    Optional<UserInfo> findById(String id);

    /** Users whose e-mail or name contains {@code search} (any case); all when blank. */
    Page<UserInfo> list(String search, int page, int pageSize, String sortProperty, boolean descending);

    long countUsers();

    long countActiveSince(Instant since);

    long countActiveSessions();

    Map<String, Long> activeSessionsByUser(List<String> userIds);

    /**
     * Creates a local account (local provider). Fails with IllegalArgumentException when the e-mail
     * is taken or the password is shorter than 12 characters.
     */
    UserInfo createLocalUser(String email, String displayName, String password, String byAdminId);

    /** Deactivates a user and revokes every session at once. */
    void deactivate(String userId, String byAdminId);

    void reactivate(String userId, String byAdminId);

    /** Revokes any session (admin action). */
    void revokeSession(String sessionId, String byAdminId);
}
