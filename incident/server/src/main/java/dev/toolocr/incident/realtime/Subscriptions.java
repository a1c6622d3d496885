package dev.toolocr.incident.realtime;

import dev.toolocr.platform.auth.CurrentUser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The live STOMP sessions of this process, who they are and which rooms each may still receive. The
 * broker keeps its own subscriptions; this is what lets the outbound channel stop a room's frames at
 * once for someone who lost access, whichever broker delivers them. The access token a socket
 * connected with is kept (in memory only) to check its sign-in session again later.
 */
@Component
class Subscriptions {

    /** One STOMP session: the person, the token it proved itself with, and the rooms it may receive. */
    record Session(String id, CurrentUser user, String token, Set<String> rooms) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    void connected(String sessionId, CurrentUser user, String token) {
        sessions.put(sessionId, new Session(sessionId, user, token, ConcurrentHashMap.newKeySet()));
    }

    void disconnected(String sessionId) {
        sessions.remove(sessionId);
    }

    /** A fresher token of the same sign-in session (the old one expires before the session does). */
    void renewed(String sessionId, String token) {
        sessions.computeIfPresent(sessionId, (id, s) -> new Session(id, s.user(), token, s.rooms()));
    }

    CurrentUser user(String sessionId) {
        Session s = sessions.get(sessionId);
        return s == null ? null : s.user();
    }

    void allow(String sessionId, String roomId) {
        Session s = sessions.get(sessionId);
        if (s != null) {
            s.rooms().add(roomId);
        }
    }

    boolean allowed(String sessionId, String roomId) {
        Session s = sessions.get(sessionId);
        return s != null && s.rooms().contains(roomId);
    }

    /** Stops one session's frames of a room (it lost access); true for the one call that stopped them. */
    boolean forbid(String sessionId, String roomId) {
        Session s = sessions.get(sessionId);
        return s != null && s.rooms().remove(roomId);
    }

    /**
     * Ends a room for the sessions that {@code revoke} picks (given the user and the room) and answers
     * those sessions whose frames of it this call stopped (not those the outbound filter got to first).
     */
    List<Session> revoke(String roomId, BiPredicate<CurrentUser, String> revoke) {
        return sessions.values().stream()
                .filter(s -> s.rooms().contains(roomId) && revoke.test(s.user(), roomId))
                .filter(s -> s.rooms().remove(roomId))
                .toList();
    }

    static boolean sameEmail(CurrentUser user, String email) {
        return user.email().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT));
    }

    /** Every live session, for the periodic check of their sign-in sessions. */
    List<Session> all() {
        return List.copyOf(sessions.values());
    }

    /** The STOMP sessions of one sign-in session, or of every session of the user when it is null. */
    List<Session> of(String userId, String authSessionId) {
        return sessions.values().stream()
                .filter(s -> s.user().id().equals(userId)
                        && (authSessionId == null
                                || authSessionId.equals(s.user().sessionId())))
                .toList();
    }

    /** User ids with at least one live socket on this process. */
    Set<String> online() {
        return sessions.values().stream().map(s -> s.user().id()).collect(Collectors.toSet());
    }
}
