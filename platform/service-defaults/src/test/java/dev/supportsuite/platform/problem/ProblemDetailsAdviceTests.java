package dev.supportsuite.platform.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

class ProblemDetailsAdviceTests {

    static class ThingNotFoundException extends RuntimeException {
        ThingNotFoundException(String id) {
            super("No thing " + id);
        }
    }

    record NewThing(@NotBlank String name) {
    }

    @RestController
    static class ThingController {

        @GetMapping("/things/{id}")
        Mono<String> get(@PathVariable String id) {
            return switch (id) {
                case "boom" -> Mono.error(new IllegalStateException("secret internal detail"));
                case "ok" -> Mono.just("thing");
                default -> Mono.error(new ThingNotFoundException(id));
            };
        }

        @PostMapping("/things")
        Mono<String> create(@Valid @RequestBody NewThing thing) {
            return Mono.just(thing.name());
        }
    }

    private final WebTestClient client = client();

    private static WebTestClient client() {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return WebTestClient.bindToController(new ThingController())
                .controllerAdvice(new ProblemDetailsAdvice(List.of(ProblemMapping.of(ThingNotFoundException.class,
                        HttpStatus.NOT_FOUND, "thing-not-found", "Thing not found"))))
                .validator(validator)
                .build();
    }

    @Test
    void mapsARegisteredDomainExceptionToItsProblemType() {
        client.get().uri("/things/t-9").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/thing-not-found")
                .jsonPath("$.title").isEqualTo("Thing not found")
                .jsonPath("$.detail").isEqualTo("No thing t-9")
                .jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void reportsEachInvalidFieldOfARequestBody() {
        client.post().uri("/things").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\" \"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/validation-failed")
                .jsonPath("$.errors.name").exists();
    }

    @Test
    void answersMalformedJsonWithAStableType() {
        client.post().uri("/things").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/malformed-request");
    }

    @Test
    void hidesTheDetailsOfAnUnexpectedFailure() {
        client.get().uri("/things/boom").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/internal-error")
                .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .doesNotContain("secret"));
    }

    @Test
    void givesFrameworkErrorsAStableTypeToo() {
        client.delete().uri("/things/ok").exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/method-not-allowed");
    }
}
