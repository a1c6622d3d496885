package dev.toolocr.server.tasks;

import java.util.Map;

/**
 * A user's action on a task (create, start, cancel, retry, delete, download, export), published for
 * the audit log. Details never hold file contents or server paths.
 */
public record TaskActivity(String action, String userId, String taskId, String outcome, Map<String, String> details) {}
