package dev.toolocr.platform.audit.internal;

import dev.toolocr.platform.audit.AuditRecord;

/**
 * An accepted audit event on its way to the table. Its id becomes the entry's id, so handing the
 * same event to the writer twice (a resubmission after a crash) still leaves one entry.
 */
public record AuditRecorded(String id, AuditRecord record) {}
