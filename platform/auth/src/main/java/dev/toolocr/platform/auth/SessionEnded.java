package dev.toolocr.platform.auth;

import dev.toolocr.platform.events.SharedEvent;

/**
 * A session (or, with a null {@code sessionId}, every session of the user) ended: signed out,
 * revoked, replayed refresh token, user deactivated, AD refused re-authentication. Whatever a
 * process keeps for a session (cached checks, open WebSockets) must go.
 *
 * @param reason the revocation reason recorded on the session, e.g. {@code logout}
 */
public record SessionEnded(String userId, String sessionId, String reason) implements SharedEvent {

    public boolean endsAllOfTheUser() {
        return sessionId == null;
    }
}
