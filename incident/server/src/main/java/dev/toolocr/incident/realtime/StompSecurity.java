package dev.toolocr.incident.realtime;

import dev.toolocr.incident.rooms.RoomAccess;
import dev.toolocr.platform.auth.AccessTokens;
import dev.toolocr.platform.auth.CurrentUser;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Checks every frame a client sends: CONNECT needs a live access token, SUBSCRIBE only to a room the
 * user may read or to their own queues, SEND only to the application's destinations. A refused frame
 * raises an exception, which Spring answers with an ERROR frame.
 */
@Component
class StompSecurity implements ChannelInterceptor {

    static String bearer(String header) {
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
    }

    private final AccessTokens tokens;
    private final RoomAccess access;
    private final Subscriptions subscriptions;
    private final boolean echoBenchmark;

    StompSecurity(AccessTokens tokens, RoomAccess access, Subscriptions subscriptions, Environment environment) {
        this.tokens = tokens;
        this.access = access;
        this.subscriptions = subscriptions;
        this.echoBenchmark = environment.acceptsProfiles(Profiles.of(EchoBenchmark.PROFILE));
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        StompCommand command = stomp.getCommand();
        switch (command) {
            case CONNECT, STOMP -> connect(stomp);
            case SUBSCRIBE -> subscribe(stomp);
            case SEND -> requireUser(stomp, "send").ifPresent(u -> requireAppDestination(stomp));
            case DISCONNECT -> subscriptions.disconnected(stomp.getSessionId());
            default -> {}
        }
        return message;
    }

    private void connect(StompHeaderAccessor stomp) {
        String token = bearer(stomp.getFirstNativeHeader("Authorization"));
        CurrentUser user = token == null ? null : tokens.authenticate(token).orElse(null);
        if (user == null) {
            throw new MessageDeliveryException("unauthenticated: a valid Authorization: Bearer token is required");
        }
        // With the broker relay the CONNECT frame travels on to RabbitMQ: the token must not.
        stomp.removeNativeHeader("Authorization");
        stomp.setUser(new StompUser(user));
        subscriptions.connected(stomp.getSessionId(), user, token);
    }

    private void subscribe(StompHeaderAccessor stomp) {
        CurrentUser user = requireUser(stomp, "subscribe").orElseThrow();
        String destination = stomp.getDestination();
        Optional<String> room = Destinations.roomOf(destination);
        if (room.isPresent()) {
            if (!access.canRead(user, room.get())) {
                // Same answer for a room that does not exist and one the user may not read.
                throw new MessageDeliveryException("not-found: no such room");
            }
            subscriptions.allow(stomp.getSessionId(), room.get());
            return;
        }
        if (echoBenchmark
                && destination != null
                && EchoBenchmark.TOPIC.matcher(destination).matches()) {
            return;
        }
        if (!"/user/queue/notifications".equals(destination) && !"/user/queue/errors".equals(destination)) {
            throw new MessageDeliveryException("not-found: no such destination");
        }
    }

    /** The socket's person, as long as its sign-in session has not ended meanwhile. */
    private Optional<CurrentUser> requireUser(StompHeaderAccessor stomp, String what) {
        if (stomp.getUser() instanceof StompUser u && subscriptions.user(stomp.getSessionId()) != null) {
            return Optional.of(u.user());
        }
        throw new MessageDeliveryException("unauthenticated: connect before you " + what);
    }

    private static void requireAppDestination(StompHeaderAccessor stomp) {
        String destination = stomp.getDestination();
        if (destination == null || !destination.startsWith("/app/")) {
            throw new MessageDeliveryException("not-found: no such destination");
        }
    }
}
