package dev.toolocr.server.security;

import dev.toolocr.auth.internal.BearerTokenFilter;
import dev.toolocr.server.web.ProblemType;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what. The API is stateless (bearer access tokens); the only cookie is the refresh
 * token, which is HttpOnly, SameSite=Strict and scoped to {@code /api/v2/auth}, so a cross-site page
 * can neither send it nor read a response: CSRF tokens would add nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, BearerTokenFilter bearer) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // Streaming bodies and SSE finish on an async dispatch; the request was
                        // authorised when it arrived, and error pages carry no data of their own.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                "/api/v2/auth/login", "/api/v2/auth/refresh", "/api/v2/auth/logout", "/api/v2/info")
                        .permitAll()
                        .requestMatchers("/api/v2/admin/**", "/actuator/prometheus", "/actuator/metrics/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v2/auth/**", "/api/v2/tasks/**", "/api/v2/tasks")
                        .authenticated()
                        // Other /api paths do not exist: let them reach MVC and answer 404.
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problem(
                                response, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHENTICATED, "Sign in to continue."))
                        .accessDeniedHandler((request, response, ex) ->
                                problem(response, HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, "Administrators only.")))
                .headers(h -> h.contentTypeOptions(c -> {}).frameOptions(f -> f.deny()));
        return http.build();
    }

    /** The filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerFilterNotGlobal(BearerTokenFilter filter) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private static void problem(HttpServletResponse response, HttpStatus status, ProblemType type, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.getWriter()
                .write("{\"type\":\"" + type.uri() + "\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                        + status.value() + ",\"detail\":\"" + detail + "\"}");
    }
}
