package dev.toolocr.platform.auth;

import java.util.Optional;

/**
 * Checks a username and password against one identity source (local accounts, the corporate AD
 * API; OIDC and LDAP later). Implementations never log or keep the password.
 */
public interface CredentialProvider {

    /**
     * The identity the source vouches for.
     *
     * @param tokens what the source issued for the sign-in (kept encrypted with the session), or null
     */
    record VerifiedIdentity(
            String email, String displayName, String jobTitle, String externalId, ExternalTokens tokens) {}

    /** Tokens of the identity source; secrets, never logged. */
    record ExternalTokens(String accessToken, String idToken, long expiresInSeconds) {
        @Override
        public String toString() {
            return "ExternalTokens[***]";
        }
    }

    String name();

    /**
     * @return the identity, or empty when the credentials are wrong or the account is unknown
     * @throws AuthException with {@link AuthException.Kind#PROVIDER_UNAVAILABLE} when the source cannot answer
     */
    Optional<VerifiedIdentity> authenticate(String username, String password);
}
