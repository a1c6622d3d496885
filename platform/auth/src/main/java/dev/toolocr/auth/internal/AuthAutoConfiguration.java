package dev.toolocr.auth.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.auth.AuthProperties;
import dev.toolocr.auth.CredentialProvider;
import dev.toolocr.auth.UserDirectory;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the auth module into any Spring Boot application. The host provides the database tables
 * (users, sessions), a {@link Clock} if it wants to control time, and its own SecurityFilterChain
 * that adds {@link BearerTokenFilter}.
 */
@AutoConfiguration
@AutoConfigurationPackage
@EnableConfigurationProperties(AuthProperties.class)
@Import({AuthController.class, AuthExceptionHandler.class})
public class AuthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock authClock() {
        return Clock.systemUTC();
    }

    @Bean
    BCryptPasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    TokenService tokenService(AuthProperties properties, Clock clock) {
        return new TokenService(properties, clock);
    }

    @Bean
    TokenCipher tokenCipher(AuthProperties properties) {
        return new TokenCipher(properties);
    }

    @Bean
    LoginThrottle loginThrottle(AuthProperties properties, Clock clock) {
        return new LoginThrottle(properties, clock);
    }

    @Bean
    ClientInfoResolver clientInfoResolver(AuthProperties properties) {
        return new ClientInfoResolver(properties);
    }

    @Bean
    @ConditionalOnMissingBean(CredentialProvider.class)
    CredentialProvider credentialProvider(
            AuthProperties properties,
            UserAccountRepository users,
            BCryptPasswordEncoder encoder,
            ObjectMapper json,
            Clock clock) {
        return properties.usesExternalProvider()
                ? new ExternalAdCredentialProvider(properties, json, clock)
                : new LocalCredentialProvider(users, encoder);
    }

    @Bean
    AuthService authService(
            CredentialProvider provider,
            UserAccountRepository users,
            UserSessionRepository sessions,
            TokenService tokens,
            TokenCipher cipher,
            LoginThrottle throttle,
            AuthProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        return new AuthService(provider, users, sessions, tokens, cipher, throttle, properties, events, tx, clock);
    }

    @Bean
    UserDirectory userDirectory(
            UserAccountRepository users,
            UserSessionRepository sessions,
            AuthService auth,
            AuthProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock,
            BCryptPasswordEncoder encoder) {
        return new DirectoryService(users, sessions, auth, properties, events, tx, clock, encoder);
    }

    @Bean
    BootstrapAdmin bootstrapAdmin(
            AuthProperties properties, UserAccountRepository users, BCryptPasswordEncoder encoder, Clock clock) {
        return properties.usesExternalProvider() ? null : new BootstrapAdmin(users, encoder, properties, clock);
    }

    @Bean
    @ConditionalOnProperty(prefix = "platform.auth.external.reauth", name = "stored-credential", havingValue = "true")
    StoredCredentialReauthenticator storedCredentialReauthenticator(
            CredentialProvider provider,
            UserSessionRepository sessions,
            UserAccountRepository users,
            TokenCipher cipher,
            AuthProperties properties,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Clock clock) {
        return new StoredCredentialReauthenticator(provider, sessions, users, cipher, properties, events, tx, clock);
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(AuthService auth) {
        return new BearerTokenFilter(auth);
    }

    @Bean
    WebMvcConfigurer currentUserResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }
}
