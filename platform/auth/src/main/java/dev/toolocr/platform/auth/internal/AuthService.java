package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AccessTokens;
import dev.toolocr.platform.auth.AuthEvent;
import dev.toolocr.platform.auth.AuthException;
import dev.toolocr.platform.auth.AuthProperties;
import dev.toolocr.platform.auth.ClientInfo;
import dev.toolocr.platform.auth.CredentialProvider;
import dev.toolocr.platform.auth.CurrentUser;
import dev.toolocr.platform.auth.SessionEnded;
import dev.toolocr.platform.events.SharedEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-in, session life and token rotation. */
public class AuthService implements AccessTokens {

    /** Last-access updates are written at most this often per session. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private static final int MAX_REVOKE_ATTEMPTS = 5;

    /**
     * How long the loser of a refresh race may present its previous token again (answered 409 each
     * time). The web app asks again for about seven seconds; any replay after that revokes the session.
     */
    static final Duration REFRESH_CONFLICT_WINDOW = Duration.ofSeconds(10);

    /**
     * @param refreshTokenLifetime how long the refresh cookie should be kept: until the session's
     *     absolute end, not a fresh 30 days on every refresh
     */
    public record LoginResult(
            TokenService.AccessToken accessToken,
            String refreshToken,
            Duration refreshTokenLifetime,
            CurrentUser user) {}

    private final CredentialProvider provider;
    private final UserAccountRepository users;
    private final UserSessionRepository sessions;
    private final TokenService tokens;
    private final TokenCipher cipher;
    private final LoginThrottle throttle;
    private final AuthProperties properties;
    private final Set<String> adminEmails;
    private final String bootstrapAdminEmail;
    private final ApplicationEventPublisher events;
    private final SharedEvents shared;
    private final SessionCheckCache checks;
    private final TransactionTemplate tx;
    private final Clock clock;

    AuthService(
            CredentialProvider provider,
            UserAccountRepository users,
            UserSessionRepository sessions,
            TokenService tokens,
            TokenCipher cipher,
            LoginThrottle throttle,
            AuthProperties properties,
            ApplicationEventPublisher events,
            SharedEvents shared,
            SessionCheckCache checks,
            TransactionTemplate tx,
            Clock clock) {
        this.cipher = cipher;
        this.provider = provider;
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttle = throttle;
        this.properties = properties;
        this.adminEmails = properties.adminEmails().stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.bootstrapAdminEmail = UserAccount.normaliseEmail(properties.local().bootstrapAdminEmail());
        this.events = events;
        this.shared = shared;
        this.checks = checks;
        this.tx = tx;
        this.clock = clock;
    }

    public LoginResult login(String username, String password, ClientInfo client) {
        if (username == null
                || username.isBlank()
                || password == null
                || password.isEmpty()
                || username.length() > 320
                || password.length() > 1024) {
            throw new AuthException(AuthException.Kind.BAD_REQUEST);
        }
        String attempted = UserAccount.normaliseEmail(username);
        long wait = throttle.attempt(attempted, client.ipAddress());
        if (wait > 0) {
            publish("login_throttled", "failure", null, attempted, client, Map.of("retry_after_seconds", "" + wait));
            throw new AuthException(
                    AuthException.Kind.THROTTLED,
                    "Too many sign-in attempts; try again in " + wait + " seconds.",
                    wait);
        }
        Optional<CredentialProvider.VerifiedIdentity> identity;
        try {
            identity = provider.authenticate(username.strip(), password);
        } catch (AuthException e) {
            publish("login_failure", "error", null, attempted, client, Map.of("reason", "provider_unavailable"));
            throw e;
        }
        Optional<UserAccount> existing =
                identity.flatMap(id -> users.findByEmail(UserAccount.normaliseEmail(id.email())));
        if (identity.isEmpty() || existing.map(u -> !u.active()).orElse(false)) {
            // Unknown user, wrong password and deactivated account answer identically; the audit
            // trail still attributes the attempt to the account it aimed at, when there is one.
            String targetId = existing.or(() -> users.findByEmail(attempted))
                    .map(UserAccount::id)
                    .orElse(null);
            publish("login_failure", "failure", targetId, attempted, client, Map.of("provider", provider.name()));
            throw new AuthException(AuthException.Kind.INVALID_CREDENTIALS);
        }
        throttle.succeeded(attempted, client.ipAddress());
        CredentialProvider.VerifiedIdentity who = identity.get();
        LoginResult result = tx.execute(status -> {
            Instant now = clock.instant();
            UserAccount user = users.findByEmail(UserAccount.normaliseEmail(who.email()))
                    .orElseGet(() -> UserAccount.create(who.email(), who.displayName(), provider.name(), now));
            user.signedIn(who.displayName(), who.jobTitle(), who.externalId(), now);
            users.save(user);
            UUID sessionId = UUID.randomUUID();
            String refresh = tokens.newRefreshToken(sessionId.toString());
            UserSession session = UserSession.open(
                    sessionId,
                    user.id(),
                    TokenService.hash(refresh),
                    client.ipAddress(),
                    client.userAgent(),
                    now,
                    properties.absoluteLifetime());
            if (who.tokens() != null) {
                String sid = sessionId.toString();
                session.storeExternalTokens(
                        cipher.encrypt(who.tokens().accessToken(), sid),
                        who.tokens().idToken() == null
                                ? null
                                : cipher.encrypt(who.tokens().idToken(), sid),
                        now.plusSeconds(who.tokens().expiresInSeconds()));
                if (properties.usesExternalProvider()
                        && properties.external().reauth().storedCredential()) {
                    // Opt-in trade-off (README, "Authentication"): the password, sealed to this row.
                    session.storeCredential(
                            StoredCredentialReauthenticator.seal(cipher, sid, username.strip(), password));
                }
            }
            sessions.save(session);
            return new LoginResult(
                    tokens.issueAccessToken(user.id(), session.id()),
                    refresh,
                    properties.absoluteLifetime(),
                    toCurrentUser(user, session.id()));
        });
        publish(
                "login_success",
                "success",
                result.user().id(),
                result.user().email(),
                client,
                Map.of("provider", provider.name(), "session_id", result.user().sessionId()));
        return result;
    }

    /**
     * Rotates the refresh token; replaying one this server issued earlier for the session revokes the
     * whole session, while a made-up one is merely refused.
     */
    public LoginResult refresh(String refreshToken, ClientInfo client) {
        String sessionId = TokenService.sessionIdOf(refreshToken)
                .orElseThrow(() -> new AuthException(AuthException.Kind.UNAUTHENTICATED));
        Instant now = clock.instant();
        UserSession session =
                sessions.findById(sessionId).orElseThrow(() -> new AuthException(AuthException.Kind.UNAUTHENTICATED));
        UserAccount user = users.findById(session.userId())
                .orElseThrow(() -> new AuthException(AuthException.Kind.UNAUTHENTICATED));
        String presented = TokenService.hash(refreshToken);
        if (!session.isAlive(now, properties.idleTimeout()) || !user.active()) {
            throw new AuthException(AuthException.Kind.UNAUTHENTICATED);
        }
        if (!presented.equals(session.refreshTokenHash())) {
            if (session.wasRotatedWhileInFlight(presented, now)) {
                // The browser receives the winner's cookie; its page asks again with that one.
                throw refreshConflict(session.id(), presented, now);
            }
            if (session.mayRetryAfterConflict(presented, now)) {
                // The winner's cookie has not reached the browser yet; still not a replay.
                throw new AuthException(AuthException.Kind.REFRESH_CONFLICT);
            }
            if (!tokens.issuedHere(refreshToken)) {
                // Made up by someone who knows the session id: refused, but it must not end the session.
                publish(
                        "token_refresh",
                        "failure",
                        user.id(),
                        user.email(),
                        client,
                        Map.of("session_id", session.id(), "reason", "forged_token"));
                throw new AuthException(AuthException.Kind.UNAUTHENTICATED);
            }
            revoke(session.id(), "refresh_token_reuse");
            publish(
                    "refresh_reuse_detected",
                    "failure",
                    user.id(),
                    user.email(),
                    client,
                    Map.of("session_id", session.id()));
            throw new AuthException(AuthException.Kind.UNAUTHENTICATED);
        }
        String next = tokens.newRefreshToken(session.id());
        // Stamped as late as possible: a request that arrived before this moment ran alongside this one.
        Instant rotatedAt = clock.instant();
        if (sessions.rotate(session.id(), presented, TokenService.hash(next), rotatedAt) != 1) {
            // A concurrent refresh with the same token won; this one loses without harming the session.
            throw refreshConflict(session.id(), presented, now);
        }
        publish("token_refresh", "success", user.id(), user.email(), client, Map.of("session_id", session.id()));
        return new LoginResult(
                tokens.issueAccessToken(user.id(), session.id()),
                next,
                Duration.between(rotatedAt, session.expiresAt()),
                toCurrentUser(user, session.id()));
    }

    /** A refresh that lost a race: its token may be presented again for a short while (409 each time). */
    private AuthException refreshConflict(String sessionId, String presentedHash, Instant now) {
        sessions.openRefreshConflictWindow(sessionId, presentedHash, now.plus(REFRESH_CONFLICT_WINDOW));
        return new AuthException(AuthException.Kind.REFRESH_CONFLICT);
    }

    /**
     * Resolves a bearer token to the caller. The JWT alone is not enough: its session must still be
     * alive (not revoked, not idle, not past its lifetime) and the user active.
     */
    @Override
    public Optional<CurrentUser> authenticate(String accessToken) {
        Optional<TokenService.Verified> verified = tokens.verify(accessToken);
        if (verified.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<CurrentUser> cached =
                checks.get(verified.get().sessionId(), verified.get().userId(), now);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<UserSession> session = sessions.findById(verified.get().sessionId())
                .filter(s -> s.userId().equals(verified.get().userId()))
                .filter(s -> s.isAlive(now, properties.idleTimeout()));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserAccount> user = users.findById(verified.get().userId()).filter(UserAccount::active);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        if (session.get().lastAccessAt().isBefore(now.minus(TOUCH_INTERVAL))) {
            sessions.touch(session.get().id(), now, now.minus(TOUCH_INTERVAL));
        }
        CurrentUser current = toCurrentUser(user.get(), session.get().id());
        Instant idleEnd = session.get().lastAccessAt().plus(properties.idleTimeout());
        Instant absoluteEnd = session.get().expiresAt();
        checks.put(current, now, idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd);
        return Optional.of(current);
    }

    public void logout(CurrentUser user, ClientInfo client) {
        revoke(user.sessionId(), "logout");
        publish("logout", "success", user.id(), user.email(), client, Map.of("session_id", user.sessionId()));
    }

    /** Logout by refresh cookie alone (the access token may already have expired). */
    public void logoutByRefreshToken(String refreshToken, ClientInfo client) {
        TokenService.sessionIdOf(refreshToken).flatMap(sessions::findById).ifPresent(s -> {
            if (TokenService.hash(refreshToken).equals(s.refreshTokenHash())) {
                revoke(s.id(), "logout");
                users.findById(s.userId())
                        .ifPresent(u ->
                                publish("logout", "success", u.id(), u.email(), client, Map.of("session_id", s.id())));
            }
        });
    }

    public List<UserSession> sessionsOf(String userId) {
        Instant now = clock.instant();
        return sessions.liveOf(userId, now).stream()
                .filter(s -> s.isAlive(now, properties.idleTimeout()))
                .toList();
    }

    /** Revokes one of the caller's own sessions; another user's session id is simply not found. */
    public void revokeOwn(CurrentUser user, String sessionId, ClientInfo client) {
        UserSession session = sessions.findById(sessionId)
                .filter(s -> s.userId().equals(user.id()))
                .orElseThrow(() -> new AuthException(AuthException.Kind.NOT_FOUND));
        revoke(session.id(), "revoked_by_user");
        publish("session_revoked", "success", user.id(), user.email(), client, Map.of("session_id", sessionId));
    }

    /** Revokes all of the caller's sessions but the current one. */
    public int revokeOthers(CurrentUser user, ClientInfo client) {
        int n = 0;
        for (UserSession s : sessionsOf(user.id())) {
            if (!s.id().equals(user.sessionId())) {
                revoke(s.id(), "revoked_by_user");
                n++;
            }
        }
        publish("session_revoked", "success", user.id(), user.email(), client, Map.of("others_revoked", "" + n));
        return n;
    }

    void revoke(String sessionId, String reason) {
        // A refresh or re-authentication may update the row between our read and write; the version
        // check then refuses the write, and reading the row again settles it (a revoke always wins).
        for (int attempt = 1; ; attempt++) {
            try {
                String userId = tx.execute(status -> sessions.findById(sessionId)
                        .map(s -> {
                            s.revoke(reason, clock.instant());
                            sessions.save(s);
                            return s.userId();
                        })
                        .orElse(null));
                if (userId != null) {
                    shared.publish(new SessionEnded(userId, sessionId, reason));
                }
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == MAX_REVOKE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Admins are those in {@code ADMIN_EMAILS}, and the local provider's bootstrap account: it exists
     * to administer a fresh installation, so it needs no other setting to do so.
     */
    boolean isAdmin(UserAccount user) {
        return adminEmails.contains(user.email())
                || (LocalCredentialProvider.NAME.equals(user.provider())
                        && user.email().equals(bootstrapAdminEmail));
    }

    private CurrentUser toCurrentUser(UserAccount user, String sessionId) {
        return new CurrentUser(user.id(), user.email(), user.displayName(), isAdmin(user), sessionId);
    }

    void publish(
            String type, String outcome, String userId, String email, ClientInfo client, Map<String, String> details) {
        events.publishEvent(new AuthEvent(
                clock.instant(), type, outcome, userId, email, client.ipAddress(), client.userAgent(), details));
    }
}
