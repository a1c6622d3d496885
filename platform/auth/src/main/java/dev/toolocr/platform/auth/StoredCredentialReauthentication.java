package dev.toolocr.platform.auth;

/**
 * The opt-in stored-credential re-authentication (a bean only when it is switched on). It runs on
 * its own schedule; {@link #reauthenticateDue()} runs one round now, e.g. in tests.
 */
public interface StoredCredentialReauthentication {

    /** Signs in again for every session whose AD token is about to expire; the number attempted. */
    int reauthenticateDue();
}
