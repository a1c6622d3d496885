package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AuthWebSecurity;
import dev.toolocr.platform.web.BrowserPolicy;
import dev.toolocr.platform.web.ProblemResponses;
import dev.toolocr.platform.web.ProblemType;
import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The API is stateless (bearer access tokens); the only cookie is the refresh token, which is
 * HttpOnly, SameSite=Strict and scoped to {@code /api/v2/auth}, so a cross-site page can neither send
 * it nor read a response: CSRF tokens would add nothing.
 */
class DefaultAuthWebSecurity implements AuthWebSecurity {

    private final BearerTokenFilter bearer;
    private final ProblemResponses problems;

    DefaultAuthWebSecurity(BearerTokenFilter bearer, ProblemResponses problems) {
        this.bearer = bearer;
        this.problems = problems;
    }

    @Override
    public SecurityFilterChain build(
            HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry>
                    hostRules)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> {
                    // Streaming bodies and SSE finish on an async dispatch; the request was
                    // authorised when it arrived, and error pages carry no data of their own.
                    auth.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                            .permitAll()
                            .requestMatchers(
                                    AuthController.BASE + "/login",
                                    AuthController.BASE + "/refresh",
                                    AuthController.BASE + "/logout")
                            .permitAll()
                            .requestMatchers(AuthController.BASE + "/**")
                            .authenticated();
                    hostRules.customize(auth);
                    auth.anyRequest().permitAll();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(
                                response, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED, "Sign in to continue."))
                        .accessDeniedHandler((request, response, ex) -> problems.write(
                                response, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "You may not do this.")))
                .headers(h -> h.contentTypeOptions(c -> {})
                        .frameOptions(f -> f.deny())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(BrowserPolicy.CONTENT_SECURITY_POLICY)));
        return http.build();
    }
}
