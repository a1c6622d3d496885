package dev.toolocr.incident.config;

import dev.toolocr.platform.auth.AuthWebSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The auth module's chain with this app's rules. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthWebSecurity security) throws Exception {
        // /ws is open at the HTTP level: the STOMP CONNECT frame carries the token and is checked there.
        return security.build(
                http,
                rules -> rules.requestMatchers("/ws", "/ws/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus", "/actuator/metrics/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v2/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/**")
                        .authenticated());
    }
}
