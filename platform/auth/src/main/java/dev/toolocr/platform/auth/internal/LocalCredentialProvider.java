package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.CredentialProvider;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Accounts stored in our own users table with a bcrypt hash, created by an admin or at bootstrap. */
class LocalCredentialProvider implements CredentialProvider {

    static final String NAME = "local";

    private final UserAccountRepository users;
    private final BCryptPasswordEncoder encoder;
    // Unknown users are checked against this so that they cost the same time as known ones.
    private final String dummyHash;

    LocalCredentialProvider(UserAccountRepository users, BCryptPasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
        this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<VerifiedIdentity> authenticate(String username, String password) {
        Optional<UserAccount> account = users.findByEmail(UserAccount.normaliseEmail(username))
                .filter(u -> NAME.equals(u.provider()) && u.passwordHash() != null);
        String hash = account.map(UserAccount::passwordHash).orElse(dummyHash);
        boolean matches = encoder.matches(password, hash);
        if (account.isEmpty() || !matches) {
            return Optional.empty();
        }
        UserAccount u = account.get();
        return Optional.of(new VerifiedIdentity(u.email(), u.displayName(), u.jobTitle(), null, null));
    }
}
