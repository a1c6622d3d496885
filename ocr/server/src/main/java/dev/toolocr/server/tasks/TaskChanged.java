package dev.toolocr.server.tasks;

import dev.toolocr.platform.events.SharedEvent;

/**
 * Published whenever a task's state or progress changes; carries only what its owner may see.
 * Listeners (the SSE stream, metrics) must not assume they run in the publishing transaction. Shared:
 * every process's SSE clients follow every task of their user.
 */
public record TaskChanged(
        String taskId, String userId, String status, int pagesDone, Integer pagesTotal, String errorCode)
        implements SharedEvent {

    static TaskChanged of(Task task) {
        return new TaskChanged(
                task.id(), task.userId(), task.status().wire(), task.pagesDone(), task.pagesTotal(), task.errorCode());
    }
}
