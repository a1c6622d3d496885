package dev.toolocr.server.security;

import dev.toolocr.platform.auth.AuthWebSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who may call what: the auth module's chain with Tool_OCR's rules for its own paths. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthWebSecurity security) throws Exception {
        return security.build(
                http,
                rules -> rules.requestMatchers("/api/v2/info")
                        .permitAll()
                        .requestMatchers("/api/v2/admin/**", "/actuator/prometheus", "/actuator/metrics/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v2/tasks/**", "/api/v2/tasks")
                        .authenticated());
        // Other /api paths do not exist: the chain lets them reach MVC, which answers 404.
    }
}
