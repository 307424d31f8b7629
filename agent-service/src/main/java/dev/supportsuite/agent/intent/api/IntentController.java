package dev.supportsuite.agent.intent.api;

import dev.supportsuite.agent.intent.domain.CatalogCsv;
import dev.supportsuite.agent.intent.domain.CatalogStatus;
import dev.supportsuite.agent.intent.domain.IntentCatalog;
import dev.supportsuite.agent.intent.domain.IntentService;
import dev.supportsuite.agent.intent.domain.InvalidIntentCatalogException;
import dev.supportsuite.platform.problem.ProblemTypes;
import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's view of the intent catalog and the classifier: read the catalog (JSON or CSV),
 * replace it (JSON or CSV; the call returns once the new catalog is live), check its status, and
 * classify a text. Bodies are read here, up to {@code support.agent.intent.max-upload-size}, rather
 * than by the codecs, whose in-memory limit is far below a 10,000-example catalog.
 */
@RestController
@RequestMapping("/api/v1/intents")
class IntentController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final IntentService intents;
    private final JsonMapper mapper;
    private final int maxUploadBytes;

    IntentController(IntentService intents, JsonMapper mapper, UploadLimit limit) {
        this.intents = intents;
        this.mapper = mapper;
        this.maxUploadBytes = limit.bytes();
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    Mono<ResponseEntity<?>> catalog(ServerHttpRequest request, @RequestParam(required = false) String format) {
        boolean csv = "csv".equalsIgnoreCase(format) || request.getHeaders().getAccept().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(TEXT_CSV));
        return intents.current().map(stored -> csv
                ? ResponseEntity.ok().contentType(new MediaType(TEXT_CSV, StandardCharsets.UTF_8))
                        .body(CatalogCsv.write(stored.catalog()))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(CatalogDocument.of(stored)));
    }

    @PutMapping(consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<CatalogStatus> replaceWithCsv(ServerHttpRequest request,
            @RequestParam(required = false) Double minConfidence) {
        return body(request).map(text -> CatalogCsv.read(text, minConfidence)).flatMap(intents::replace);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<CatalogStatus> replaceWithJson(ServerHttpRequest request,
            @RequestParam(required = false) Double minConfidence) {
        return body(request).map(text -> json(text, minConfidence)).flatMap(intents::replace);
    }

    @GetMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<CatalogStatus> status() {
        return intents.status();
    }

    @PostMapping(path = "/classify", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ClassificationResponse> classify(@Valid @RequestBody ClassifyRequest request) {
        return intents.classify(request.text()).map(ClassificationResponse::of);
    }

    @ExceptionHandler(InvalidIntentCatalogException.class)
    ResponseEntity<ProblemDetail> invalidCatalog(InvalidIntentCatalogException ex) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-intent-catalog",
                "Invalid intent catalog", ex.getMessage() + ". The catalog in force is unchanged.");
        problem.setProperty("problems", ex.problems());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException ex) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.CONTENT_TOO_LARGE, "intent-catalog-too-large",
                "Intent catalog too large", "The body exceeds " + maxUploadBytes
                        + " bytes. The catalog in force is unchanged.");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private Mono<String> body(ServerHttpRequest request) {
        return DataBufferUtils.join(request.getBody(), maxUploadBytes)
                .map(buffer -> {
                    try {
                        return buffer.toString(StandardCharsets.UTF_8);
                    }
                    finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("");
    }

    private IntentCatalog json(String text, Double minConfidence) {
        if (text.isBlank()) {
            throw new InvalidIntentCatalogException("the body is empty; expected {\"examples\": [...]}");
        }
        try {
            if (text.stripLeading().startsWith("[")) {
                List<CatalogDocument.Example> examples = mapper.readValue(text,
                        new TypeReference<List<CatalogDocument.Example>>() { });
                return new CatalogDocument(null, null, null, examples).toCatalog(minConfidence);
            }
            return mapper.readValue(text, CatalogDocument.class).toCatalog(minConfidence);
        }
        catch (JacksonException e) {
            throw new InvalidIntentCatalogException("the body is not a JSON catalog ({\"examples\": [{\"text\": ..., "
                    + "\"intent\": ...}]}): " + e.getOriginalMessage());
        }
    }
}
