package dev.supportsuite.gateway.security.web;

import dev.supportsuite.platform.problem.ProblemTypes;
import java.net.URI;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem+json from a filter, where no controller advice is in play. */
final class ProblemResponses {

    private final JsonMapper mapper;

    ProblemResponses(JsonMapper mapper) {
        this.mapper = mapper;
    }

    Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemTypes.problem(status, slug, title, detail);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = exchange.getResponse().bufferFactory().wrap(mapper.writeValueAsBytes(problem));
        return exchange.getResponse().writeWith(Mono.just(body));
    }
}
