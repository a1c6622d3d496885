package dev.toolocr.platform.auth.internal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.toolocr.platform.auth.AuthException;
import dev.toolocr.platform.auth.AuthProperties;
import dev.toolocr.platform.auth.CurrentUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.WebUtils;

@RestController
@RequestMapping(AuthController.BASE)
class AuthController {

    static final String BASE = "/api/v2/auth";

    static final String COOKIE_PATH = BASE;

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LoginRequest(String username, String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=***]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UserView(String id, String email, String displayName, boolean isAdmin) {
        static UserView of(CurrentUser u) {
            return new UserView(u.id(), u.email(), u.displayName(), u.admin());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record TokenResponse(String accessToken, String tokenType, long expiresIn, UserView user) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SessionView(
            String id,
            Instant createdAt,
            Instant lastAccessAt,
            Instant expiresAt,
            String ipAddress,
            String userAgent,
            boolean current) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RevokedCount(int revoked) {}

    private final AuthService auth;
    private final ClientInfoResolver clients;
    private final String refreshCookie;

    AuthController(AuthService auth, ClientInfoResolver clients, AuthProperties properties) {
        this.auth = auth;
        this.clients = clients;
        this.refreshCookie = properties.refreshCookie();
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@RequestBody(required = false) LoginRequest body, HttpServletRequest request) {
        if (body == null) {
            throw new AuthException(AuthException.Kind.BAD_REQUEST);
        }
        return withCookie(auth.login(body.username(), body.password(), clients.resolve(request)), request);
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(HttpServletRequest request) {
        String refreshToken = refreshTokenOf(request);
        if (refreshToken == null) {
            throw new AuthException(AuthException.Kind.UNAUTHENTICATED);
        }
        return withCookie(auth.refresh(refreshToken, clients.resolve(request)), request);
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(CurrentUser user, HttpServletRequest request) {
        String refreshToken = refreshTokenOf(request);
        if (user != null) {
            auth.logout(user, clients.resolve(request));
        } else if (refreshToken != null) {
            auth.logoutByRefreshToken(refreshToken, clients.resolve(request));
        }
        return ResponseEntity.noContent()
                .header(HttpHeaders.SET_COOKIE, cookie("", 0, request).toString())
                .build();
    }

    @GetMapping("/me")
    UserView me(CurrentUser user) {
        return UserView.of(user);
    }

    @GetMapping("/sessions")
    List<SessionView> sessions(CurrentUser user) {
        return auth.sessionsOf(user.id()).stream()
                .map(s -> new SessionView(
                        s.id(),
                        s.createdAt(),
                        s.lastAccessAt(),
                        s.expiresAt(),
                        s.ipAddress(),
                        s.userAgent(),
                        s.id().equals(user.sessionId())))
                .toList();
    }

    @DeleteMapping("/sessions/{sessionId}")
    ResponseEntity<Void> revoke(CurrentUser user, @PathVariable String sessionId, HttpServletRequest request) {
        auth.revokeOwn(user, sessionId, clients.resolve(request));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/sessions")
    RevokedCount revokeOthers(CurrentUser user, HttpServletRequest request) {
        return new RevokedCount(auth.revokeOthers(user, clients.resolve(request)));
    }

    private ResponseEntity<TokenResponse> withCookie(AuthService.LoginResult result, HttpServletRequest request) {
        ResponseCookie cookie = cookie(
                result.refreshToken(), Math.max(1, result.refreshTokenLifetime().toSeconds()), request);
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, cookie.toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new TokenResponse(
                        result.accessToken().value(),
                        "bearer",
                        result.accessToken().expiresInSeconds(),
                        UserView.of(result.user())));
    }

    private String refreshTokenOf(HttpServletRequest request) {
        Cookie cookie = WebUtils.getCookie(request, refreshCookie);
        return cookie == null ? null : cookie.getValue();
    }

    private ResponseCookie cookie(String value, long maxAge, HttpServletRequest request) {
        return ResponseCookie.from(refreshCookie, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Strict")
                .path(COOKIE_PATH)
                .maxAge(maxAge)
                .build();
    }
}
