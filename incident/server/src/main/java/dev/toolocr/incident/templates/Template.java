package dev.toolocr.incident.templates;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A template's row; the lists are JSON text that {@link TemplateService} reads and writes. */
@Entity
@Table(name = "templates")
class Template {

    @Id
    private String id;

    private String name;
    private String category;
    private String defaultSeverity;
    private String titlePrefix;
    private String description;
    private String defaultMemberEmails;
    private String checklist;
    private String escalation;
    private Instant createdAt;
    private Instant updatedAt;

    protected Template() {}

    Template(Instant now) {
        this.id = UUID.randomUUID().toString();
        this.createdAt = now;
    }

    void describe(
            String name,
            String category,
            String defaultSeverity,
            String titlePrefix,
            String description,
            String defaultMemberEmails,
            String checklist,
            String escalation,
            Instant now) {
        this.name = name.strip();
        this.category = category;
        this.defaultSeverity = defaultSeverity;
        this.titlePrefix = titlePrefix == null || titlePrefix.isBlank() ? null : titlePrefix.strip();
        this.description = description;
        this.defaultMemberEmails = defaultMemberEmails;
        this.checklist = checklist;
        this.escalation = escalation;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String category() {
        return category;
    }

    String defaultSeverity() {
        return defaultSeverity;
    }

    String titlePrefix() {
        return titlePrefix;
    }

    String description() {
        return description;
    }

    String defaultMemberEmails() {
        return defaultMemberEmails;
    }

    String checklist() {
        return checklist;
    }

    String escalation() {
        return escalation;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
