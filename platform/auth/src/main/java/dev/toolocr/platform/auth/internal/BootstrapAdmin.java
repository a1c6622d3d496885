package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AuthProperties;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * With the local provider and no local account yet, creates the bootstrap admin. Its password comes
 * from {@code TOOL_OCR_ADMIN_PASSWORD}, or is generated and printed once on the console (never
 * written to the log). Not created at all where {@code platform.auth.local.bootstrap-admin} is off:
 * a process nobody signs in to must not print a password nobody reads.
 */
class BootstrapAdmin {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserAccountRepository users;
    private final BCryptPasswordEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock;

    BootstrapAdmin(UserAccountRepository users, BCryptPasswordEncoder encoder, AuthProperties properties, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void ensureAdmin(ApplicationReadyEvent ready) {
        if (users.countByProvider(LocalCredentialProvider.NAME) > 0) {
            return;
        }
        String email = UserAccount.normaliseEmail(properties.local().bootstrapAdminEmail());
        String configured = properties.local().bootstrapAdminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generatePassword() : configured;
        UserAccount admin = UserAccount.create(email, "Administrator", LocalCredentialProvider.NAME, clock.instant());
        admin.setPasswordHash(encoder.encode(password), clock.instant());
        users.save(admin);
        log.info("Created the bootstrap admin account {}", email);
        // How to sign in, printed once at first start, to the console only: the log may be shipped
        // elsewhere, and a generated password must not travel with it.
        String variable = properties.local().bootstrapAdminPasswordVariable();
        String line = "=".repeat(72);
        StringBuilder banner = new StringBuilder()
                .append('\n')
                .append(line)
                .append('\n')
                .append(' ')
                .append(properties.applicationName())
                .append(" is ready. Sign in at ")
                .append(address(ready))
                .append(" as an administrator:\n")
                .append(" E-mail:                ")
                .append(email)
                .append('\n');
        if (generated) {
            banner.append(" Password (shown once): ")
                    .append(password)
                    .append('\n')
                    .append(" Set ")
                    .append(variable)
                    .append(" to choose it instead.\n");
        } else {
            banner.append(" Password:              the value of ")
                    .append(variable)
                    .append('\n');
        }
        banner.append(" Give others the admin role with ADMIN_EMAILS.\n")
                .append(line)
                .append('\n');
        System.out.println(banner);
    }

    private static String address(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return "http://localhost:" + web.getWebServer().getPort() + "/";
        }
        return "this server's address";
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
