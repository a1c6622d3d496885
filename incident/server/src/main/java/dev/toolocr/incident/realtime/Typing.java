package dev.toolocr.incident.realtime;

import dev.toolocr.incident.config.IncidentProperties;
import dev.toolocr.platform.auth.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ephemeral typing flags (no seq): shown on a renewal, cleared by the user or after the expiry. The
 * process that received the flag keeps it and clears it; through the broker relay its frames reach
 * the subscribers of every process. Should that process die, the flag has no one left to clear it:
 * clients drop a flag not renewed within the same expiry.
 */
@Component
class Typing {

    private static final Logger log = LoggerFactory.getLogger(Typing.class);

    private record Key(String roomId, String userId) {}

    private record Flag(String displayName, Instant until) {}

    private final Map<Key, Flag> flags = new ConcurrentHashMap<>();
    private final SimpMessagingTemplate broker;
    private final Clock clock;
    private final IncidentProperties.Realtime settings;

    Typing(SimpMessagingTemplate broker, Clock clock, IncidentProperties properties) {
        this.broker = broker;
        this.clock = clock;
        this.settings = properties.realtime();
    }

    void set(String roomId, CurrentUser user, boolean typing) {
        Key key = new Key(roomId, user.id());
        if (typing) {
            flags.put(key, new Flag(user.displayName(), clock.instant().plus(settings.typingExpiry())));
        } else if (flags.remove(key) == null) {
            return;
        }
        send(key, user.displayName(), typing);
    }

    @Scheduled(fixedDelay = 1000)
    void expire() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<Key, Flag>> it = flags.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Flag> e = it.next();
            if (!e.getValue().until().isAfter(now)) {
                it.remove();
                send(e.getKey(), e.getValue().displayName(), false);
            }
        }
    }

    private void send(Key key, String displayName, boolean typing) {
        try {
            broker.convertAndSend(
                    Destinations.typing(key.roomId()),
                    Map.of("user_id", key.userId(), "display_name", displayName, "typing", typing));
        } catch (MessagingException e) {
            // Ephemeral by nature: with the broker away a typing flag is simply not shown.
            log.debug("Typing flag not sent: {}", e.getMessage());
        }
    }
}
