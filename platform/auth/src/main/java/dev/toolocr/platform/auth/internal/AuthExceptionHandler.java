package dev.toolocr.platform.auth.internal;

import dev.toolocr.platform.auth.AuthException;
import dev.toolocr.platform.web.ProblemTypes;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers auth failures as problem+json; ordered first so a host's catch-all handler never swallows them. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthExceptionHandler {

    private final ProblemTypes types;

    AuthExceptionHandler(ProblemTypes types) {
        this.types = types;
    }

    @ExceptionHandler(AuthException.class)
    ResponseEntity<ProblemDetail> handle(AuthException e) {
        HttpStatus status = HttpStatus.valueOf(e.kind().status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(types.of(e.kind().slug()));
        problem.setTitle(status.getReasonPhrase());
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfterSeconds() > 0) {
            problem.setProperty("retry_after_seconds", e.retryAfterSeconds());
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem);
    }
}
