package dev.supportsuite.platform.problem;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one place every service turns exceptions into RFC 9457 problem details with a stable
 * {@code type}: framework errors (bad JSON, validation, unknown route, wrong method), domain
 * exceptions registered as {@link ProblemMapping} beans, and anything unexpected (logged, 500).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final List<ProblemMapping> mappings;

    public ProblemDetailsAdvice(List<ProblemMapping> mappings) {
        this.mappings = List.copyOf(mappings);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "validation-failed",
                "Request validation failed", "One or more values are invalid.");
        Map<String, String> errors = ex.getConstraintViolations().stream()
                .collect(Collectors.toMap(v -> v.getPropertyPath().toString(), v -> v.getMessage(), (a, b) -> a));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> anyOther(Exception ex) {
        Optional<ProblemMapping> mapping = mappingFor(ex);
        if (mapping.isPresent()) {
            ProblemMapping m = mapping.get();
            return ResponseEntity.status(m.status()).body(ProblemTypes.problem(m.status(), m.type(), m.title(),
                    ex.getMessage()));
        }
        log.error("Unhandled error, answering 500", ex);
        return ResponseEntity.internalServerError().body(ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Internal error", "The request could not be completed. It has been logged."));
    }

    private Optional<ProblemMapping> mappingFor(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            for (ProblemMapping m : mappings) {
                if (m.exception().isInstance(t)) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "validation-failed",
                "Request validation failed", "One or more fields are invalid.");
        Map<String, String> errors = ex.getFieldErrors().stream()
                .collect(Collectors.toMap(FieldError::getField,
                        e -> e.getDefaultMessage() == null ? "invalid" : e.getDefaultMessage(), (a, b) -> a));
        problem.setProperty("errors", errors);
        return Mono.just(ResponseEntity.badRequest().headers(headers).body(problem));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(ProblemTypes.type(slugFor(ex, status)));
        }
        if (isUnreadableBody(ex)) {
            problem.setDetail("The request body is not valid JSON for this endpoint.");
        }
        return Mono.just(ResponseEntity.status(status).headers(headers).body(problem));
    }

    private static String slugFor(Exception ex, HttpStatusCode status) {
        return isUnreadableBody(ex) ? "malformed-request" : ProblemTypes.slugFor(status);
    }

    private static boolean isUnreadableBody(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DecodingException) {
                return true;
            }
        }
        return false;
    }
}
