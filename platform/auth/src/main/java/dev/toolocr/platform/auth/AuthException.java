package dev.toolocr.platform.auth;

/** An authentication failure with its HTTP status and a stable problem type. */
public class AuthException extends RuntimeException {

    public enum Kind {
        INVALID_CREDENTIALS(401, "invalid-credentials", "Invalid username or password."),
        UNAUTHENTICATED(401, "unauthenticated", "Sign in to continue."),
        THROTTLED(429, "too-many-requests", "Too many sign-in attempts; wait before trying again."),
        PROVIDER_UNAVAILABLE(
                503, "auth-provider-unavailable", "The sign-in service is unavailable; try again shortly."),
        /** The refresh token was rotated by a request that ran alongside this one; the session lives on. */
        REFRESH_CONFLICT(
                409, "refresh-conflict", "Another refresh of this session was under way; send the newest cookie."),
        NOT_FOUND(404, "not-found", "No session with this id."),
        BAD_REQUEST(400, "validation-failed", "Username and password are required.");

        private final int status;
        private final String slug;
        private final String defaultDetail;

        Kind(int status, String slug, String defaultDetail) {
            this.status = status;
            this.slug = slug;
            this.defaultDetail = defaultDetail;
        }

        public int status() {
            return status;
        }

        /** The problem type's last segment; the host's base (e.g. {@code urn:tool-ocr:problem:}) goes in front. */
        public String slug() {
            return slug;
        }
    }

    private final Kind kind;
    private final long retryAfterSeconds;

    public AuthException(Kind kind) {
        this(kind, kind.defaultDetail, 0);
    }

    public AuthException(Kind kind, String detail, long retryAfterSeconds) {
        super(detail);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
