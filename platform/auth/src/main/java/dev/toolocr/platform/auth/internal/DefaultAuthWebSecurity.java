package dev.toolocr.platform.auth.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.auth.AuthWebSecurity;
import dev.toolocr.platform.web.ProblemTypes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    private final ProblemTypes types;
    private final ObjectMapper json;

    DefaultAuthWebSecurity(BearerTokenFilter bearer, ProblemTypes types, ObjectMapper json) {
        this.bearer = bearer;
        this.types = types;
        this.json = json;
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
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                problem(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in to continue."))
                        .accessDeniedHandler((request, response, ex) ->
                                problem(response, HttpStatus.FORBIDDEN, "forbidden", "You may not do this.")))
                .headers(h -> h.contentTypeOptions(c -> {}).frameOptions(f -> f.deny()));
        return http.build();
    }

    private void problem(HttpServletResponse response, HttpStatus status, String slug, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", types.of(slug).toString());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        json.writeValue(response.getWriter(), body);
    }
}
