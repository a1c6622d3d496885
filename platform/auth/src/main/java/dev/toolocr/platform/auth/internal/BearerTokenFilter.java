package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.MDC;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer} access tokens; anything invalid leaves the request anonymous. */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final AuthService auth;

    public BearerTokenFilter(AuthService auth) {
        this.auth = auth;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Optional<CurrentUser> user = Optional.empty();
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            user = auth.authenticate(header.substring(7).strip());
        }
        if (user.isPresent()) {
            List<SimpleGrantedAuthority> roles = new ArrayList<>();
            roles.add(new SimpleGrantedAuthority("ROLE_USER"));
            if (user.get().admin()) {
                roles.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
            }
            SecurityContextHolder.getContext()
                    .setAuthentication(new UsernamePasswordAuthenticationToken(user.get(), null, roles));
            MDC.put("user_id", user.get().id());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("user_id");
        }
    }
}
