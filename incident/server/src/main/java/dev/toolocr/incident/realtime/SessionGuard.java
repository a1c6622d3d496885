package dev.toolocr.incident.realtime;

import dev.toolocr.incident.config.IncidentProperties;
import dev.toolocr.platform.auth.AccessTokens;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.auth.SessionEnded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the sockets of a sign-in session that ended. Logout, revocation, deactivation and a refused
 * re-authentication are announced as {@link SessionEnded} (to every process when events cross
 * processes) and act at once; idle and absolute expiry announce nothing, so each sign-in session
 * with an open socket is checked again every {@code session-check-interval}, each socket with the
 * token it holds. A socket therefore lives no longer than its token unless the client renews the
 * token over the socket ({@code SEND /app/session.token}).
 */
@Component
class SessionGuard {

    private static final Logger log = LoggerFactory.getLogger(SessionGuard.class);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    private final Subscriptions subscriptions;
    private final Sockets sockets;
    private final AccessTokens tokens;
    private final ObjectProvider<MessageChannel> toClients;
    private final ObjectProvider<TaskScheduler> scheduler;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Instant> checked = new ConcurrentHashMap<>();

    SessionGuard(
            Subscriptions subscriptions,
            Sockets sockets,
            AccessTokens tokens,
            @Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> toClients,
            @Qualifier("messageBrokerTaskScheduler") ObjectProvider<TaskScheduler> scheduler,
            Clock clock,
            IncidentProperties properties) {
        this.subscriptions = subscriptions;
        this.sockets = sockets;
        this.tokens = tokens;
        this.toClients = toClients;
        this.scheduler = scheduler;
        this.clock = clock;
        this.interval = properties.realtime().sessionCheckInterval();
    }

    @EventListener
    void ended(SessionEnded event) {
        for (Subscriptions.Session s : subscriptions.of(event.userId(), event.sessionId())) {
            end(s.id(), "session-ended: " + event.reason());
        }
    }

    /** Ticks each second; each sign-in session is checked once per interval. */
    @Scheduled(fixedDelay = 1000)
    void recheck() {
        Instant now = clock.instant();
        Map<String, List<Subscriptions.Session>> byAuthSession = subscriptions.all().stream()
                .collect(Collectors.groupingBy(s -> s.user().sessionId()));
        checked.keySet().retainAll(byAuthSession.keySet());
        byAuthSession.forEach((authSession, stompSessions) -> {
            Instant last = checked.putIfAbsent(authSession, now);
            if (last == null || now.isBefore(last.plus(interval))) {
                return;
            }
            checked.put(authSession, now);
            for (Subscriptions.Session s : stompSessions) {
                if (!alive(s)) {
                    end(s.id(), "session-ended: the sign-in session or its access token is no longer valid");
                }
            }
        });
    }

    /** Takes a fresher token for the socket when it belongs to the same person and sign-in session. */
    boolean renew(String stompSessionId, CurrentUser user, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        Optional<CurrentUser> renewed = tokens.authenticate(token.strip());
        if (renewed.isEmpty()
                || !renewed.get().id().equals(user.id())
                || !renewed.get().sessionId().equals(user.sessionId())) {
            return false;
        }
        subscriptions.renewed(stompSessionId, token.strip());
        return true;
    }

    private boolean alive(Subscriptions.Session s) {
        try {
            Optional<CurrentUser> now = tokens.authenticate(s.token());
            return now.isPresent()
                    && now.get().id().equals(s.user().id())
                    && now.get().sessionId().equals(s.user().sessionId());
        } catch (RuntimeException e) {
            // The database may be unreachable for a moment: that is no reason to drop everybody.
            log.warn("Could not check a socket's session, keeping it until the next check: {}", e.getMessage());
            return true;
        }
    }

    /**
     * Stops the session's frames at once, tells the client why with an ERROR frame (after which the
     * STOMP handler closes the socket) and closes it outright shortly after if it is still open.
     */
    void end(String stompSessionId, String why) {
        subscriptions.disconnected(stompSessionId);
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setSessionId(stompSessionId);
        error.setMessage(why);
        try {
            toClients.getObject().send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
        } catch (RuntimeException e) {
            log.debug("Could not send the ERROR frame to {}: {}", stompSessionId, e.getMessage());
        }
        TaskScheduler later = scheduler.getObject();
        later.schedule(
                () -> sockets.close(stompSessionId, Sockets.SESSION_ENDED),
                later.getClock().instant().plus(CLOSE_GRACE));
    }
}
