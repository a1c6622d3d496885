package dev.toolocr.platform.auth;

import java.time.Instant;
import java.util.Map;

/**
 * Published for every authentication event so the host application can audit it. Never carries a
 * password or a token.
 *
 * @param type e.g. {@code login_success}, {@code login_failure}, {@code login_throttled}, {@code logout},
 *     {@code token_refresh}, {@code refresh_reuse_detected}, {@code session_revoked}
 * @param userId null when the user is unknown (a failed login)
 * @param email the user's e-mail, or the normalised attempted username of a failed login
 */
public record AuthEvent(
        Instant occurredAt,
        String type,
        String outcome,
        String userId,
        String email,
        String ipAddress,
        String userAgent,
        Map<String, String> details) {

    public AuthEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
