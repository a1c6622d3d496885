package dev.toolocr.platform.auth;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The auth module's HTTP security: stateless bearer tokens, the sign-in endpoints open, 401 and 403
 * answered as problem+json. The module registers a default chain built with {@link #build} (the
 * sign-in endpoints plus every other {@code /api/**} path for signed-in callers); a host that needs
 * its own rules declares its own {@link SecurityFilterChain} bean with {@link #build} and its rules.
 */
public interface AuthWebSecurity {

    /**
     * A chain with the module's settings; {@code hostRules} add the host's own authorisation rules
     * after the module's, and anything they leave unmatched is permitted (so unknown paths reach the
     * application and answer 404).
     */
    SecurityFilterChain build(
            HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>
                    hostRules)
            throws Exception;
}
