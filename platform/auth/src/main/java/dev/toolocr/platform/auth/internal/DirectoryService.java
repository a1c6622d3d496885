package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AuthEvent;
import dev.toolocr.platform.auth.AuthProperties;
import dev.toolocr.platform.auth.SessionEnded;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.platform.events.SharedEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@link UserDirectory} over our users and sessions tables. */
class DirectoryService implements UserDirectory {

    private static final Map<String, String> SORTABLE = Map.of(
            "email", "email", "display_name", "displayName", "created_at", "createdAt", "last_login_at", "lastLoginAt");

    private final UserAccountRepository users;
    private final UserSessionRepository sessions;
    private final AuthService auth;
    private final AuthProperties properties;
    private final ApplicationEventPublisher events;
    private final SharedEvents shared;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BCryptPasswordEncoder encoder;

    DirectoryService(
            UserAccountRepository users,
            UserSessionRepository sessions,
            AuthService auth,
            AuthProperties properties,
            ApplicationEventPublisher events,
            SharedEvents shared,
            TransactionTemplate tx,
            Clock clock,
            BCryptPasswordEncoder encoder) {
        this.encoder = encoder;
        this.users = users;
        this.sessions = sessions;
        this.auth = auth;
        this.properties = properties;
        this.events = events;
        this.shared = shared;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Optional<UserInfo> findById(String id) {
        return users.findById(id).map(this::info);
    }

    @Override
    public Page<UserInfo> list(String search, int page, int pageSize, String sortProperty, boolean descending) {
        String property = SORTABLE.get(sortProperty == null ? "created_at" : sortProperty);
        if (property == null) {
            throw new IllegalArgumentException("sort_by must be one of " + SORTABLE.keySet());
        }
        Sort sort = Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, property)
                .and(Sort.by("id"));
        PageRequest request = PageRequest.of(page, pageSize, sort);
        Page<UserAccount> result = search == null || search.isBlank()
                ? users.findAll(request)
                : users.search("%" + escape(search.strip().toLowerCase(Locale.ROOT)) + "%", request);
        return result.map(this::info);
    }

    @Override
    public long countUsers() {
        return users.count();
    }

    @Override
    public long countActiveSince(Instant since) {
        return users.countByLastLoginAtGreaterThanEqual(since);
    }

    @Override
    public long countActiveSessions() {
        Instant now = clock.instant();
        return sessions.countActive(now, now.minus(properties.idleTimeout()));
    }

    @Override
    public Map<String, Long> activeSessionsByUser(List<String> userIds) {
        Map<String, Long> counts = new HashMap<>();
        if (userIds.isEmpty()) {
            return counts;
        }
        Instant now = clock.instant();
        for (Object[] row : sessions.countActiveByUser(userIds, now, now.minus(properties.idleTimeout()))) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    @Override
    public UserInfo createLocalUser(String email, String displayName, String password, String byAdminId) {
        String normalised = UserAccount.normaliseEmail(email);
        if (!normalised.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("email must be an e-mail address");
        }
        if (password == null || password.length() < 12 || password.length() > 1024) {
            throw new IllegalArgumentException("password must be 12 to 1024 characters");
        }
        UserAccount created = tx.execute(status -> {
            if (users.findByEmail(normalised).isPresent()) {
                throw new IllegalArgumentException("a user with this e-mail already exists");
            }
            UserAccount user =
                    UserAccount.create(normalised, displayName, LocalCredentialProvider.NAME, clock.instant());
            user.setPasswordHash(encoder.encode(password), clock.instant());
            return users.save(user);
        });
        adminEvent("user_created", byAdminId, Map.of("target_user_id", created.id()));
        return info(created);
    }

    @Override
    public void deactivate(String userId, String byAdminId) {
        tx.executeWithoutResult(status -> {
            UserAccount user = users.findById(userId).orElseThrow(() -> new java.util.NoSuchElementException("user"));
            user.deactivate(clock.instant());
            users.save(user);
            sessions.revokeAllOf(userId, "user_deactivated", clock.instant());
        });
        shared.publish(new SessionEnded(userId, null, "user_deactivated"));
        adminEvent("user_deactivated", byAdminId, Map.of("target_user_id", userId));
    }

    @Override
    public void reactivate(String userId, String byAdminId) {
        tx.executeWithoutResult(status -> {
            UserAccount user = users.findById(userId).orElseThrow(() -> new java.util.NoSuchElementException("user"));
            user.reactivate(clock.instant());
            users.save(user);
        });
        adminEvent("user_reactivated", byAdminId, Map.of("target_user_id", userId));
    }

    @Override
    public void revokeSession(String sessionId, String byAdminId) {
        if (sessions.findById(sessionId).isEmpty()) {
            throw new java.util.NoSuchElementException("session");
        }
        auth.revoke(sessionId, "revoked_by_admin");
        adminEvent("session_revoked", byAdminId, Map.of("session_id", sessionId, "by", "admin"));
    }

    private void adminEvent(String type, String adminId, Map<String, String> details) {
        String email = users.findById(adminId).map(UserAccount::email).orElse(null);
        events.publishEvent(new AuthEvent(clock.instant(), type, "success", adminId, email, null, null, details));
    }

    private UserInfo info(UserAccount u) {
        return new UserInfo(
                u.id(),
                u.email(),
                u.displayName(),
                u.provider(),
                u.active(),
                auth.isAdmin(u),
                u.createdAt(),
                u.lastLoginAt());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
