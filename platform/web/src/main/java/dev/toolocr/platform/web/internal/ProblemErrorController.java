package dev.toolocr.platform.web.internal;

import dev.toolocr.platform.web.ProblemType;
import dev.toolocr.platform.web.ProblemTypes;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (servlet filters, the container) land on {@code /error}; answer
 * them as problem+json too instead of Boot's default body, which can carry exception details.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemTypes types;

    ProblemErrorController(ProblemTypes types) {
        this.types = types;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status.is5xxServerError()
                ? "An unexpected error occurred; it has been logged."
                : status.getReasonPhrase();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(types.resolve(type.uri()));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
