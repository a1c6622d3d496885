package dev.toolocr.incident.rooms;

import dev.toolocr.incident.rooms.Codes.Status;
import dev.toolocr.platform.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A lifecycle action the room's current status does not allow; the answer names that status. */
class InvalidTransitionException extends ApiException {

    InvalidTransitionException(Status current) {
        super(
                HttpStatus.CONFLICT,
                "invalid-transition",
                "The room is " + current.code() + "; that action is not possible now.",
                Map.of("status", current.code()));
    }
}
