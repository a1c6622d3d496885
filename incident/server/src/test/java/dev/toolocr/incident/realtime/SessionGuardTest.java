package dev.toolocr.incident.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolocr.incident.config.IncidentProperties;
import dev.toolocr.platform.auth.AccessTokens;
import dev.toolocr.platform.auth.CurrentUser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The periodic re-check, for the endings nobody announces (idle and absolute expiry): the token
 * check stands in for the auth module's, whose session states the auth module's own tests cover.
 */
class SessionGuardTest {

    private static final CurrentUser ANN = new CurrentUser("u-ann", "ann@example.com", "Ann", false, "s-1");

    /** Which tokens are still good, as the auth module would answer. */
    private final Map<String, CurrentUser> live = new ConcurrentHashMap<>();

    private final AccessTokens tokens = token -> Optional.ofNullable(live.get(token));
    private final List<Message<?>> toClients = new CopyOnWriteArrayList<>();
    private final MessageChannel outbound = (message, timeout) -> toClients.add(message);
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final Subscriptions subscriptions = new Subscriptions();
    private Instant now = Instant.parse("2026-03-01T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SessionGuard guard;

    SessionGuardTest() {
        scheduler.initialize();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("clientOutboundChannel", outbound);
        beans.addBean("messageBrokerTaskScheduler", scheduler);
        IncidentProperties properties = new IncidentProperties(
                Path.of("target"),
                new IncidentProperties.Messages(30, Duration.ofSeconds(10), 4, 32, 10_000),
                new IncidentProperties.Realtime(Duration.ofSeconds(6), null, 61613, Duration.ofSeconds(30)));
        guard = new SessionGuard(
                subscriptions,
                new Sockets(),
                tokens,
                beans.getBeanProvider(MessageChannel.class),
                beans.getBeanProvider(TaskScheduler.class),
                clock,
                properties);
    }

    @AfterEach
    void stop() {
        scheduler.shutdown();
    }

    @Test
    void aSessionThatExpiredUnannouncedIsEndedAtTheNextCheckAndTheClientIsToldWhy() {
        live.put("t-1", ANN);
        subscriptions.connected("ws-1", ANN, "t-1");
        guard.recheck();

        live.remove("t-1"); // idle or absolute expiry: the auth module announces nothing
        now = now.plusSeconds(29);
        guard.recheck();
        assertThat(subscriptions.user("ws-1")).as("not before the interval").isNotNull();

        now = now.plusSeconds(2);
        guard.recheck();
        assertThat(subscriptions.user("ws-1")).isNull();
        assertThat(toClients).hasSize(1);
        StompHeaderAccessor error = StompHeaderAccessor.wrap(toClients.get(0));
        assertThat(error.getCommand()).isEqualTo(StompCommand.ERROR);
        assertThat(error.getSessionId()).isEqualTo("ws-1");
        assertThat(error.getMessage()).startsWith("session-ended");
    }

    @Test
    void aLiveSessionKeepsItsSocketsAndARenewedTokenOutlivesTheFirst() {
        live.put("t-1", ANN);
        live.put("t-2", ANN);
        subscriptions.connected("ws-1", ANN, "t-1");
        subscriptions.connected("ws-2", ANN, "t-1");
        guard.recheck();
        assertThat(guard.renew("ws-2", ANN, "t-2")).isTrue();

        live.remove("t-1"); // the first token expired; the session itself lives on
        now = now.plusSeconds(31);
        guard.recheck();
        assertThat(subscriptions.user("ws-1")).isNull();
        assertThat(subscriptions.user("ws-2")).isEqualTo(ANN);
    }

    @Test
    void aTokenOfSomeoneElseOrOfAnotherSignInDoesNotRenew() {
        live.put("t-1", ANN);
        live.put("bob", new CurrentUser("u-bob", "bob@example.com", "Bob", false, "s-9"));
        live.put("ann-elsewhere", new CurrentUser("u-ann", "ann@example.com", "Ann", false, "s-2"));
        subscriptions.connected("ws-1", ANN, "t-1");
        assertThat(guard.renew("ws-1", ANN, "bob")).isFalse();
        assertThat(guard.renew("ws-1", ANN, "ann-elsewhere")).isFalse();
        assertThat(guard.renew("ws-1", ANN, "nonsense")).isFalse();
        assertThat(guard.renew("ws-1", ANN, null)).isFalse();
    }

    @Test
    void anAnnouncedEndClosesOnlyThatSignInsSocketsOrAllOfTheUsers() {
        CurrentUser annOnPhone = new CurrentUser("u-ann", "ann@example.com", "Ann", false, "s-2");
        subscriptions.connected("ws-1", ANN, "t-1");
        subscriptions.connected("ws-2", annOnPhone, "t-2");
        guard.ended(new dev.toolocr.platform.auth.SessionEnded("u-ann", "s-1", "logout"));
        assertThat(subscriptions.user("ws-1")).isNull();
        assertThat(subscriptions.user("ws-2")).isNotNull();
        guard.ended(new dev.toolocr.platform.auth.SessionEnded("u-ann", null, "user_deactivated"));
        assertThat(subscriptions.user("ws-2")).isNull();
    }
}
