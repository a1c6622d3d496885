package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AuthProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Auth settings for unit tests: the defaults, with the few knobs tests turn. */
final class TestAuthProperties {

    private TestAuthProperties() {}

    static AuthProperties with(
            Path keyDir, String jwtSecret, URI adUrl, Duration adTimeout, int perUsername, int perIp) {
        return new AuthProperties(
                "Test app",
                keyDir,
                jwtSecret,
                List.of(),
                "test-issuer",
                "test_refresh",
                "test refresh-token tag v1",
                Duration.ofMinutes(30),
                Duration.ofDays(3),
                Duration.ofDays(30),
                Duration.ofSeconds(1),
                List.of(),
                List.of(),
                new AuthProperties.Local(true, "admin@localhost", null, "TEST_ADMIN_PASSWORD"),
                new AuthProperties.External(
                        adUrl,
                        "/api/auth/login",
                        adTimeout,
                        3,
                        2,
                        Duration.ofSeconds(30),
                        new AuthProperties.Oidc(null, null, null, Duration.ofSeconds(60)),
                        new AuthProperties.Reauth(false, Duration.ofSeconds(300), 3, Duration.ofSeconds(30)),
                        AuthProperties.ResponseMapping.spec()),
                new AuthProperties.Throttle(perUsername, perIp, Duration.ofMinutes(5)));
    }

    /** The same settings with other id_token verification and re-authentication settings. */
    static AuthProperties with(AuthProperties base, AuthProperties.Oidc oidc, AuthProperties.Reauth reauth) {
        return withExternal(base, oidc, reauth, base.external().response());
    }

    /** The same settings with another answer shape of the AD API. */
    static AuthProperties with(AuthProperties base, AuthProperties.ResponseMapping response) {
        return withExternal(base, base.external().oidc(), base.external().reauth(), response);
    }

    private static AuthProperties withExternal(
            AuthProperties base,
            AuthProperties.Oidc oidc,
            AuthProperties.Reauth reauth,
            AuthProperties.ResponseMapping response) {
        AuthProperties.External e = base.external();
        return copy(
                base,
                base.trustedProxies(),
                new AuthProperties.External(
                        e.apiUrl(),
                        e.endpoint(),
                        e.timeout(),
                        e.maxAttempts(),
                        e.breakerFailureThreshold(),
                        e.breakerOpenFor(),
                        oidc,
                        reauth,
                        response));
    }

    /** The same settings believing {@code X-Forwarded-For} from other proxies. */
    static AuthProperties withTrustedProxies(AuthProperties base, List<String> trustedProxies) {
        return copy(base, trustedProxies, base.external());
    }

    private static AuthProperties copy(
            AuthProperties base, List<String> trustedProxies, AuthProperties.External external) {
        return new AuthProperties(
                base.applicationName(),
                base.keyDir(),
                base.jwtSecret(),
                base.tokenKeys(),
                base.issuer(),
                base.refreshCookie(),
                base.refreshTokenLabel(),
                base.accessTokenTtl(),
                base.idleTimeout(),
                base.absoluteLifetime(),
                base.sessionCheckCache(),
                base.adminEmails(),
                trustedProxies,
                base.local(),
                external,
                base.throttle());
    }
}
