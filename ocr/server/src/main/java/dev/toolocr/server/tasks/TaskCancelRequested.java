package dev.toolocr.server.tasks;

import dev.toolocr.platform.events.SharedEvent;

/**
 * A user cancelled a task that may be running. Shared: the process whose worker runs it stops at its
 * next page, whichever process took the request.
 */
public record TaskCancelRequested(String taskId) implements SharedEvent {}
