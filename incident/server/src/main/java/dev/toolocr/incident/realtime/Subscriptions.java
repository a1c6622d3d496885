package dev.toolocr.incident.realtime;

import dev.toolocr.platform.auth.CurrentUser;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The live STOMP sessions, who they are and which rooms each may still receive. The broker keeps its
 * own subscriptions; this is what lets the outbound channel stop a room's frames at once for someone
 * who lost access, whichever broker delivers them.
 */
@Component
class Subscriptions {

    private record Session(CurrentUser user, Set<String> rooms) {}

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    void connected(String sessionId, CurrentUser user) {
        sessions.put(sessionId, new Session(user, ConcurrentHashMap.newKeySet()));
    }

    void disconnected(String sessionId) {
        sessions.remove(sessionId);
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

    /**
     * Ends a room for the sessions that {@code revoke} picks (given the user and the room) and answers
     * the user ids affected.
     */
    Set<String> revoke(String roomId, BiPredicate<CurrentUser, String> revoke) {
        return sessions.values().stream()
                .filter(s -> s.rooms().contains(roomId) && revoke.test(s.user(), roomId))
                .peek(s -> s.rooms().remove(roomId))
                .map(s -> s.user().id())
                .collect(Collectors.toSet());
    }

    static boolean sameEmail(CurrentUser user, String email) {
        return user.email().toLowerCase(Locale.ROOT).equals(email);
    }

    /** User ids with at least one live socket. */
    Set<String> online() {
        return sessions.values().stream().map(s -> s.user().id()).collect(Collectors.toSet());
    }
}
