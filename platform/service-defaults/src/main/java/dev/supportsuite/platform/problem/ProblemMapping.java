package dev.supportsuite.platform.problem;

import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * Maps a domain exception to a problem type. Services declare their mappings as a
 * {@link ProblemMappings} bean (or one {@code ProblemMapping} bean each), so their domain stays free
 * of web types; the shared advice turns matches into RFC 9457 responses.
 *
 * @param exception the exception class (subclasses match too)
 * @param status    the HTTP status to answer with
 * @param type      the stable slug of the problem type, for example {@code ticket-not-found}
 * @param title     a short human-readable summary of the problem type
 */
public record ProblemMapping(Class<? extends Throwable> exception, HttpStatus status, String type, String title) {

    public ProblemMapping {
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
    }

    public static ProblemMapping of(Class<? extends Throwable> exception, HttpStatus status, String type,
            String title) {
        return new ProblemMapping(exception, status, type, title);
    }
}
