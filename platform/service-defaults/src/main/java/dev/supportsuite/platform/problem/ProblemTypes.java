package dev.supportsuite.platform.problem;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the stable problem {@code type} URIs the suite answers with. */
public final class ProblemTypes {

    /** All problem types live under this base; the slug after it never changes for a given case. */
    public static final String BASE = "https://supportsuite.dev/problems/";

    private ProblemTypes() {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    /** The slug used for framework errors that carry only a status, for example {@code not-found}. */
    public static String slugFor(HttpStatusCode status) {
        if (status instanceof org.springframework.http.HttpStatus known) {
            return known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        return "http-" + status.value();
    }

    /** A problem detail with a stable type, title and detail. */
    public static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }
}
