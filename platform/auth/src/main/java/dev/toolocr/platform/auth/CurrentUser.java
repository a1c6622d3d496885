package dev.toolocr.platform.auth;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in caller, resolved from a valid access token whose session is still alive. Declare it
 * as a controller method parameter to receive it.
 */
public record CurrentUser(String id, String email, String displayName, boolean admin, String sessionId) {

    /** The caller the security context holds on this thread, for code that is not a controller. */
    public static Optional<CurrentUser> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.of(user)
                : Optional.empty();
    }
}
