package dev.toolocr.platform.auth;

import java.util.Optional;

/**
 * Authenticates an access token outside the HTTP filter chain, e.g. on a WebSocket's STOMP CONNECT.
 * The same check as a bearer request: a valid signature, not expired, and a session that is still
 * alive (not revoked, not idle too long, not past its absolute lifetime).
 */
public interface AccessTokens {

    /** The caller the token belongs to; empty for anything invalid, expired or of an ended session. */
    Optional<CurrentUser> authenticate(String accessToken);
}
