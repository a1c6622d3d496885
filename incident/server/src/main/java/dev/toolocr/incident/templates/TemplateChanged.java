package dev.toolocr.incident.templates;

/**
 * An administrator created, changed or deleted a template (published in the changing transaction,
 * for the audit log).
 *
 * @param change {@code created}, {@code updated} or {@code deleted}
 */
public record TemplateChanged(String templateId, String name, String change, String userId, String userEmail) {}
