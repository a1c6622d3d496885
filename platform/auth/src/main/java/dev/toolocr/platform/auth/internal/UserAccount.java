package dev.toolocr.platform.auth.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A person who can sign in, keyed by lower-cased e-mail. */
@Entity
@Table(name = "users")
public class UserAccount {

    @Id
    private String id;

    private String email;
    private String displayName;
    private String jobTitle;
    private String provider;
    private String externalId;
    private String passwordHash;
    private boolean isActive;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant lastLoginAt;

    protected UserAccount() {
        // for JPA
    }

    static UserAccount create(String email, String displayName, String provider, Instant now) {
        UserAccount u = new UserAccount();
        u.id = UUID.randomUUID().toString();
        u.email = normaliseEmail(email);
        u.displayName = displayName == null || displayName.isBlank() ? u.email : displayName.strip();
        u.provider = provider;
        u.isActive = true;
        u.createdAt = now;
        u.updatedAt = now;
        return u;
    }

    static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    void signedIn(String displayName, String jobTitle, String externalId, Instant now) {
        if (displayName != null && !displayName.isBlank()) {
            this.displayName = displayName.strip();
        }
        if (jobTitle != null) {
            this.jobTitle = jobTitle;
        }
        if (externalId != null) {
            this.externalId = externalId;
        }
        this.lastLoginAt = now;
        this.updatedAt = now;
    }

    void setPasswordHash(String hash, Instant now) {
        this.passwordHash = hash;
        this.updatedAt = now;
    }

    void deactivate(Instant now) {
        isActive = false;
        updatedAt = now;
    }

    void reactivate(Instant now) {
        isActive = true;
        updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String jobTitle() {
        return jobTitle;
    }

    public String provider() {
        return provider;
    }

    String passwordHash() {
        return passwordHash;
    }

    public boolean active() {
        return isActive;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }
}
