package dev.toolocr.platform.auth.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.auth.AuthEvent;
import dev.toolocr.platform.auth.AuthException;
import dev.toolocr.platform.auth.AuthProperties;
import dev.toolocr.platform.auth.CredentialProvider;
import dev.toolocr.platform.auth.SessionEnded;
import dev.toolocr.platform.auth.StoredCredentialReauthentication;
import dev.toolocr.platform.events.SharedEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stored-credential re-authentication (SPEC 4.3, off by default): for sessions that keep the user's
 * AD credential, signs in to AD again {@code refresh-buffer} before the AD token expires. A
 * definitive rejection ends the session at once; {@code max-transient-failures} unanswered attempts
 * in a row end it too. Every attempt is published as a {@code reauthentication} event. The
 * credential is never logged, and sessions that ended by themselves (idle, lifetime) have it wiped.
 */
public class StoredCredentialReauthenticator implements SmartLifecycle, StoredCredentialReauthentication {

    static final String EVENT = "reauthentication";

    private static final Logger log = LoggerFactory.getLogger(StoredCredentialReauthenticator.class);

    private final CredentialProvider provider;
    private final UserSessionRepository sessions;
    private final UserAccountRepository users;
    private final TokenCipher cipher;
    private final AuthProperties properties;
    private final ApplicationEventPublisher events;
    private final SharedEvents shared;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService scheduler;
    private volatile boolean running;

    StoredCredentialReauthenticator(
            CredentialProvider provider,
            UserSessionRepository sessions,
            UserAccountRepository users,
            TokenCipher cipher,
            AuthProperties properties,
            ApplicationEventPublisher events,
            SharedEvents shared,
            TransactionTemplate tx,
            Clock clock) {
        this.provider = provider;
        this.sessions = sessions;
        this.users = users;
        this.cipher = cipher;
        this.properties = properties;
        this.events = events;
        this.shared = shared;
        this.tx = tx;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "auth-reauth");
            t.setDaemon(true);
            return t;
        });
    }

    /** The associated data binding a stored credential to its session row (apart from its tokens). */
    static String credentialAssociatedData(String sessionId) {
        return sessionId + "/credential";
    }

    /** Seals a username and password for {@link UserSession#storeCredential}. */
    static String seal(TokenCipher cipher, String sessionId, String username, String password) {
        try {
            String plain = new ObjectMapper().writeValueAsString(Map.of("u", username, "p", password));
            return cipher.encrypt(plain, credentialAssociatedData(sessionId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the credential", e);
        }
    }

    /**
     * One round: every session whose AD token is due is re-authenticated once.
     *
     * @return the number of sessions AD was asked about
     */
    @Override
    public int reauthenticateDue() {
        Instant now = clock.instant();
        int asked = 0;
        for (String id :
                sessions.dueForReauth(now.plus(properties.external().reauth().refreshBuffer()))) {
            try {
                if (reauthenticate(id)) {
                    asked++;
                }
            } catch (RuntimeException e) {
                // One broken row must not stop the others; the exception type says enough.
                log.warn(
                        "Re-authentication of session {} failed: {}",
                        id,
                        e.getClass().getSimpleName());
            }
        }
        return asked;
    }

    private boolean reauthenticate(String sessionId) {
        Instant now = clock.instant();
        Optional<UserSession> found = sessions.findById(sessionId);
        if (found.isEmpty()
                || !found.get().isReauthDue(now, properties.external().reauth().refreshBuffer())) {
            return false;
        }
        UserSession session = found.get();
        if (!session.isAlive(now, properties.idleTimeout())) {
            apply(sessionId, UserSession::wipeSecrets);
            return false;
        }
        if (sessions.claim(sessionId, session.version()) != 1) {
            return false; // another process, a refresh or a logout got there first
        }
        Optional<String[]> credential = cipher.decrypt(
                        session.storedCredentialEnc(), credentialAssociatedData(sessionId))
                .flatMap(this::parse);
        if (credential.isEmpty()) {
            apply(sessionId, s -> s.revoke("reauth_credential_unreadable", clock.instant()));
            shared.publish(new SessionEnded(session.userId(), sessionId, "reauth_credential_unreadable"));
            publish(session, "failure", Map.of("reason", "credential_unreadable", "session_ended", "true"));
            return false;
        }
        Optional<CredentialProvider.VerifiedIdentity> identity;
        try {
            identity = provider.authenticate(credential.get()[0], credential.get()[1]);
        } catch (AuthException e) {
            int limit = properties.external().reauth().maxTransientFailures();
            int failures = update(sessionId, s -> s.reauthUnanswered(limit, clock.instant()))
                    .orElse(0);
            publish(
                    session,
                    "error",
                    Map.of(
                            "reason", "provider_unavailable",
                            "consecutive_failures", String.valueOf(failures),
                            "session_ended", String.valueOf(failures >= limit)));
            if (failures >= limit) {
                shared.publish(new SessionEnded(session.userId(), sessionId, "reauth_unavailable"));
            }
            return true;
        }
        if (identity.isEmpty()) {
            apply(sessionId, s -> s.revoke("reauth_rejected", clock.instant()));
            shared.publish(new SessionEnded(session.userId(), sessionId, "reauth_rejected"));
            publish(session, "failure", Map.of("reason", "credentials_rejected", "session_ended", "true"));
            return true;
        }
        CredentialProvider.ExternalTokens tokens = identity.get().tokens();
        if (tokens == null) {
            apply(sessionId, s -> s.revoke("reauth_no_tokens", clock.instant()));
            shared.publish(new SessionEnded(session.userId(), sessionId, "reauth_no_tokens"));
            publish(session, "failure", Map.of("reason", "no_tokens", "session_ended", "true"));
            return true;
        }
        Instant answered = clock.instant();
        apply(
                sessionId,
                s -> s.reauthenticated(
                        cipher.encrypt(tokens.accessToken(), sessionId),
                        tokens.idToken() == null ? null : cipher.encrypt(tokens.idToken(), sessionId),
                        answered.plusSeconds(tokens.expiresInSeconds())));
        publish(session, "success", Map.of());
        return true;
    }

    /**
     * Applies a change to the current row, unless the session ended or lost its credential meanwhile.
     *
     * @return what the change returned, or empty when it was not applied
     */
    private <T> Optional<T> update(String sessionId, Function<UserSession, T> change) {
        try {
            return tx.execute(status -> sessions.findById(sessionId)
                    .filter(s -> !s.isRevoked() && s.storedCredentialEnc() != null)
                    .map(s -> {
                        T result = change.apply(s);
                        sessions.save(s);
                        return result;
                    }));
        } catch (OptimisticLockingFailureException e) {
            log.info("Session {} changed during re-authentication; the next round looks at it again", sessionId);
            return Optional.empty();
        }
    }

    private void apply(String sessionId, Consumer<UserSession> change) {
        update(sessionId, s -> {
            change.accept(s);
            return Boolean.TRUE;
        });
    }

    private Optional<String[]> parse(String plain) {
        try {
            JsonNode node = json.readTree(plain);
            if (node.hasNonNull("u") && node.hasNonNull("p")) {
                return Optional.of(
                        new String[] {node.get("u").asText(), node.get("p").asText()});
            }
        } catch (JsonProcessingException e) {
            // unreadable: treated like a tampered ciphertext
        }
        return Optional.empty();
    }

    private void publish(UserSession session, String outcome, Map<String, String> extra) {
        Map<String, String> details = new HashMap<>(extra);
        details.put("session_id", session.id());
        String email = users.findById(session.userId()).map(UserAccount::email).orElse(null);
        events.publishEvent(
                new AuthEvent(clock.instant(), EVENT, outcome, session.userId(), email, null, null, details));
    }

    @Override
    public void start() {
        if (!properties.usesExternalProvider()) {
            log.warn("Stored-credential re-authentication is on but no AD API is configured; nothing to do");
            running = true;
            return;
        }
        long every = properties.external().reauth().checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::roundQuietly, every, every, TimeUnit.MILLISECONDS);
        running = true;
        log.info(
                "Stored-credential re-authentication is on: AD is asked again {} before its tokens expire",
                properties.external().reauth().refreshBuffer());
    }

    private void roundQuietly() {
        try {
            reauthenticateDue();
        } catch (RuntimeException e) {
            log.warn("Re-authentication round failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
