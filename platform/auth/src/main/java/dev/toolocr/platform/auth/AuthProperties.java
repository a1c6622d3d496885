package dev.toolocr.platform.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the auth module. Names that differ between the applications hosting it (the product
 * name in the first-start banner, the token issuer, the refresh cookie, the refresh-token tag's key
 * label) are settings too, so two applications on one host keep their sessions apart.
 *
 * @param applicationName the product name people see, e.g. in the first-start banner
 * @param issuer {@code iss} of the access tokens
 * @param refreshCookie name of the HttpOnly refresh cookie; cookies are per host, not per port, so
 *     two applications on one host need different names
 * @param refreshTokenLabel label of the key that tags refresh tokens; changing it invalidates every
 *     refresh token issued before
 * @param sessionCheckCache how long a session found alive is believed without reading it again; any
 *     end of the session this process hears of drops it at once ({@code 0s} turns it off)
 * @param keyDir where generated signing keys are kept when none is configured
 * @param jwtSecret base64 HMAC key (at least 32 bytes) for access tokens; generated into keyDir when blank
 * @param tokenKeys AES-256 keys for secrets at rest, {@code <key id>:<base64>}, the first encrypts and all
 *     decrypt (rotation); generated into keyDir when empty
 * @param adminEmails e-mails with the admin role ({@code ADMIN_EMAILS})
 * @param trustedProxies remote addresses whose {@code X-Forwarded-For} is believed
 */
@Validated
@ConfigurationProperties("platform.auth")
public record AuthProperties(
        @DefaultValue("This application") @NotBlank String applicationName,
        @NotNull Path keyDir,
        String jwtSecret,
        @DefaultValue List<String> tokenKeys,
        @DefaultValue("platform-auth") @NotBlank String issuer,

        @DefaultValue("refresh_token")
        @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 of A-Z a-z 0-9 _ -")
        String refreshCookie,

        @DefaultValue("refresh-token tag v1") @NotBlank String refreshTokenLabel,

        @DefaultValue("30m") @NotNull Duration accessTokenTtl,
        @DefaultValue("3d") @NotNull Duration idleTimeout,
        @DefaultValue("30d") @NotNull Duration absoluteLifetime,
        @DefaultValue("1s") @NotNull Duration sessionCheckCache,
        @DefaultValue List<String> adminEmails,
        @DefaultValue List<String> trustedProxies,
        @Valid @NotNull @DefaultValue Local local,
        @Valid @NotNull @DefaultValue External external,
        @Valid @NotNull @DefaultValue Throttle throttle) {

    /**
     * @param bootstrapAdmin whether this process creates the bootstrap admin when no local account
     *     exists; a host turns it off in processes nobody signs in to (task workers), so that only a
     *     serving process creates the account and prints its password
     * @param bootstrapAdminEmail the account created when no local account exists
     * @param bootstrapAdminPassword its password; generated and printed once when blank
     * @param bootstrapAdminPasswordVariable how the banner names the setting that chooses the password
     */
    public record Local(
            @DefaultValue("true") boolean bootstrapAdmin,
            @DefaultValue("admin@localhost") @NotBlank String bootstrapAdminEmail,
            String bootstrapAdminPassword,

            @DefaultValue("platform.auth.local.bootstrap-admin-password") @NotBlank
            String bootstrapAdminPasswordVariable) {}

    /**
     * @param apiUrl base URL of the corporate AD API ({@code EXTERNAL_AUTH_API_URL}); blank selects local accounts
     * @param endpoint login path ({@code EXTERNAL_AUTH_ENDPOINT})
     * @param timeout connect and read timeout ({@code EXTERNAL_AUTH_TIMEOUT}, seconds)
     * @param oidc optional verification of the {@code id_token} the API returns
     * @param reauth optional stored-credential re-authentication (off by default; see the README for its risk)
     * @param response where the API's answer keeps each field
     */
    public record External(
            URI apiUrl,
            @DefaultValue("/api/auth/login") @NotBlank String endpoint,
            @DefaultValue("30s") @NotNull Duration timeout,
            @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
            @DefaultValue("5") @Min(1) @Max(100) int breakerFailureThreshold,
            @DefaultValue("30s") @NotNull Duration breakerOpenFor,
            @Valid @NotNull @DefaultValue Oidc oidc,
            @Valid @NotNull @DefaultValue Reauth reauth,
            @Valid @NotNull @DefaultValue ResponseMapping response) {}

    /**
     * Where the AD API's answer keeps each field, as JSON Pointers (RFC 6901), because deployments
     * differ; the defaults are SPEC 4.1's shape. A blank {@code success} lets an HTTP 200 alone mean
     * success; a blank optional field is not read.
     */
    public record ResponseMapping(
            @DefaultValue(SUCCESS) @Pattern(regexp = POINTER, message = POINTER_MESSAGE)
            String success,

            @DefaultValue(EMAIL) @NotBlank @Pattern(regexp = POINTER, message = POINTER_MESSAGE)
            String email,

            @DefaultValue(NAME) @Pattern(regexp = POINTER, message = POINTER_MESSAGE)
            String name,

            @DefaultValue(JOB_TITLE) @Pattern(regexp = POINTER, message = POINTER_MESSAGE)
            String jobTitle,

            @DefaultValue(USER_ID) @Pattern(regexp = POINTER, message = POINTER_MESSAGE)
            String userId,

            @DefaultValue(ACCESS_TOKEN) @Pattern(regexp = POINTER, message = POINTER_MESSAGE)
            String accessToken,

            @DefaultValue(ID_TOKEN) @Pattern(regexp = POINTER, message = POINTER_MESSAGE)
            String idToken,

            @DefaultValue(EXPIRES_IN) @Pattern(regexp = POINTER, message = POINTER_MESSAGE)
            String expiresIn) {

        // SPEC 4.1's answer shape: the binding defaults and spec() share these.
        static final String SUCCESS = "/success";
        static final String EMAIL = "/data/userInfo/email";
        static final String NAME = "/data/userInfo/name";
        static final String JOB_TITLE = "/data/userInfo/jobTitle";
        static final String USER_ID = "/data/userInfo/id";
        static final String ACCESS_TOKEN = "/data/access_token";
        static final String ID_TOKEN = "/data/id_token";
        static final String EXPIRES_IN = "/data/expires_in";

        /** SPEC 4.1's answer shape, as bound when nothing is configured. */
        public static ResponseMapping spec() {
            return new ResponseMapping(SUCCESS, EMAIL, NAME, JOB_TITLE, USER_ID, ACCESS_TOKEN, ID_TOKEN, EXPIRES_IN);
        }
    }

    /**
     * Verification of the AD {@code id_token} against an OpenID issuer: RS256 signature by a key of
     * the issuer's JWKS, exact {@code iss}, {@code aud} containing the audience, {@code exp} required.
     * Off while {@code issuer} is blank.
     *
     * @param issuer expected {@code iss}, exactly
     * @param audience expected {@code aud} (the client id this application is registered as)
     * @param jwksUri where the issuer publishes its signing keys
     * @param clockSkew tolerance on {@code exp}/{@code nbf}
     */
    public record Oidc(
            String issuer,
            String audience,
            URI jwksUri,
            @DefaultValue("60s") @NotNull Duration clockSkew) {

        public boolean enabled() {
            return issuer != null && !issuer.isBlank();
        }

        @AssertTrue(message = "needs an audience and a JWKS URI when an issuer is set")
        public boolean isComplete() {
            return !enabled() || (audience != null && !audience.isBlank() && jwksUri != null);
        }
    }

    /**
     * Stored-credential re-authentication (SPEC 4.3): keep the AD password encrypted with the session
     * and sign in to AD again shortly before the AD token expires. A security trade-off, off by default.
     *
     * @param storedCredential whether to keep the password at all
     * @param refreshBuffer how long before the AD token's expiry to re-authenticate ({@code TOKEN_REFRESH_BUFFER}, seconds)
     * @param maxTransientFailures consecutive unanswered attempts after which the session ends
     * @param checkInterval how often due sessions are looked for
     */
    public record Reauth(
            @DefaultValue("false") boolean storedCredential,
            @DefaultValue("300s") @NotNull Duration refreshBuffer,
            @DefaultValue("3") @Min(1) @Max(20) int maxTransientFailures,
            @DefaultValue("30s") @NotNull Duration checkInterval) {}

    /** Sign-in attempts allowed per window, per username and per client address. */
    public record Throttle(
            @DefaultValue("5") @Min(1) int perUsername,
            @DefaultValue("20") @Min(1) int perIp,
            @DefaultValue("5m") @NotNull Duration window) {}

    static final String POINTER = "^(/[^/]*)*$";
    static final String POINTER_MESSAGE = "must be a JSON Pointer such as /data/userInfo/email";

    public boolean usesExternalProvider() {
        return external.apiUrl() != null && !external.apiUrl().toString().isBlank();
    }
}
