package dev.toolocr.platform.auth.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolocr.platform.auth.AuthProperties;
import dev.toolocr.platform.auth.AuthWebSecurity;
import dev.toolocr.platform.auth.CredentialProvider;
import dev.toolocr.platform.auth.UserDirectory;
import dev.toolocr.platform.events.SharedEvents;
import dev.toolocr.platform.persistence.DatabaseProperties;
import dev.toolocr.platform.persistence.MigrationSet;
import dev.toolocr.platform.web.ProblemResponses;
import io.micrometer.observation.ObservationPredicate;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the auth module into any Spring Boot application: its tables (its own migrations, under the
 * host's table prefix), its endpoints under {@code /api/v2/auth}, and a default SecurityFilterChain
 * that the host may replace with one built by {@link AuthWebSecurity}. Time is the platform's
 * {@link Clock}, which a test may replace.
 */
@AutoConfiguration(before = SecurityAutoConfiguration.class)
@AutoConfigurationPackage
@EnableConfigurationProperties(AuthProperties.class)
@Import(AuthController.class)
public class AuthAutoConfiguration {

    /**
     * Spring Security times every filter of its chain as an observation: about a tenth of an
     * authenticated request's CPU (JFR, issue 16) for timers nobody reads. Every host drops them
     * here; {@code http.server.requests} stays.
     */
    @Bean
    ObservationPredicate noSecurityFilterObservations() {
        return (name, context) -> !name.startsWith("spring.security.");
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
    LoginThrottle loginThrottle(
            AuthProperties properties,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            DatabaseProperties database,
            Clock clock) {
        return new LoginThrottle(properties, jdbc, tx, database.tablePrefix(), clock);
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
            SharedEvents shared,
            SessionCheckCache checks,
            TransactionTemplate tx,
            Clock clock) {
        return new AuthService(
                provider, users, sessions, tokens, cipher, throttle, properties, events, shared, checks, tx, clock);
    }

    @Bean
    SessionCheckCache sessionCheckCache(AuthProperties properties) {
        return new SessionCheckCache(properties.sessionCheckCache());
    }

    @Bean
    UserDirectory userDirectory(
            UserAccountRepository users,
            UserSessionRepository sessions,
            AuthService auth,
            AuthProperties properties,
            ApplicationEventPublisher events,
            SharedEvents shared,
            TransactionTemplate tx,
            Clock clock,
            BCryptPasswordEncoder encoder) {
        return new DirectoryService(users, sessions, auth, properties, events, shared, tx, clock, encoder);
    }

    @Bean
    BootstrapAdmin bootstrapAdmin(
            AuthProperties properties, UserAccountRepository users, BCryptPasswordEncoder encoder, Clock clock) {
        return properties.usesExternalProvider() || !properties.local().bootstrapAdmin()
                ? null
                : new BootstrapAdmin(users, encoder, properties, clock);
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
            SharedEvents shared,
            TransactionTemplate tx,
            Clock clock) {
        return new StoredCredentialReauthenticator(
                provider, sessions, users, cipher, properties, events, shared, tx, clock);
    }

    @Bean
    BearerTokenFilter bearerTokenFilter(AuthService auth) {
        return new BearerTokenFilter(auth);
    }

    /** The filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerFilterNotGlobal(BearerTokenFilter filter) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    AuthWebSecurity authWebSecurity(BearerTokenFilter bearer, ProblemResponses problems) {
        return new DefaultAuthWebSecurity(bearer, problems);
    }

    /** For a host without rules of its own: every other API path needs a signed-in caller. */
    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain authDefaultSecurityFilterChain(HttpSecurity http, AuthWebSecurity security) throws Exception {
        return security.build(http, rules -> rules.requestMatchers("/api/**").authenticated());
    }

    /**
     * users and sessions. Platform modules migrate at order 0, before the applications' own sets by
     * default; Tool_OCR's set runs earlier because its first migrations created these tables before
     * auth owned them (which the adopt rule then recognises).
     */
    @Bean
    MigrationSet authMigrations() {
        return new MigrationSet("platform-auth", "classpath:db/platform-auth", "auth_schema_history", 0, "users");
    }
}
