package dev.toolocr.server.tasks;

import dev.toolocr.platform.web.ApiException;
import dev.toolocr.platform.web.ProblemType;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An action the task's current state does not allow; answered 409 naming that state. */
class InvalidTransitionException extends ApiException {

    InvalidTransitionException(String action, TaskStatus current) {
        super(
                HttpStatus.CONFLICT,
                ProblemType.custom("task-state-conflict"),
                "Task state conflict",
                "Cannot " + action + " a task that is " + current.wire() + ".",
                Map.of("current_status", current.wire()));
    }
}
