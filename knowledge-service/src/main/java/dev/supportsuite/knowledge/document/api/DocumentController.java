package dev.supportsuite.knowledge.document.api;

import dev.supportsuite.knowledge.document.domain.CategoryCount;
import dev.supportsuite.knowledge.document.domain.DocumentOrigin;
import dev.supportsuite.knowledge.document.domain.DocumentService;
import dev.supportsuite.knowledge.document.domain.IndexingProgress;
import dev.supportsuite.knowledge.document.domain.InvalidDocumentException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Documents: add one or a batch, replace, delete, list by category, fetch; categories. */
@RestController
@Validated
@RequestMapping("/api/v1/knowledge")
class DocumentController {

    /** Most documents one JSON batch may carry. */
    static final int MAX_BATCH = 500;
    /**
     * Events of a batch in flight at once. A batch is embedded together and then stored and indexed
     * in one write each; its events go to the broker in parallel rather than one round trip each.
     */
    static final int EVENT_CONCURRENCY = 64;

    private final DocumentService documents;
    private final JsonMapper mapper;
    private final Validator validator;

    DocumentController(DocumentService documents, JsonMapper mapper, Validator validator) {
        this.documents = documents;
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * Adds one document (a JSON object, answered with the document) or a batch (a JSON array,
     * answered with an array). A batch is validated as a whole before anything is stored.
     */
    @PostMapping("/documents")
    Mono<ResponseEntity<Object>> create(@RequestBody JsonNode body) {
        if (body.isArray()) {
            List<DocumentRequest> requests = new ArrayList<>();
            body.forEach(node -> requests.add(read(node)));
            if (requests.isEmpty() || requests.size() > MAX_BATCH) {
                return Mono.error(new InvalidDocumentException("A batch holds 1 to " + MAX_BATCH
                        + " documents; this one holds " + requests.size() + "."));
            }
            requests.forEach(this::validate);
            return documents.createAll(requests.stream().map(DocumentRequest::toDraft).toList(), DocumentOrigin.API,
                            EVENT_CONCURRENCY)
                    .map(DocumentResponse::of)
                    .collectList()
                    .map(created -> ResponseEntity.status(HttpStatus.CREATED).body(created));
        }
        DocumentRequest request = read(body);
        validate(request);
        return documents.create(request.toDraft(), DocumentOrigin.API, IndexingProgress.NONE)
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).body(DocumentResponse.of(created)));
    }

    @PutMapping("/documents/{id}")
    Mono<DocumentResponse> replace(@PathVariable String id, @Valid @RequestBody DocumentRequest request) {
        return documents.replace(id, request.toDraft()).map(DocumentResponse::of);
    }

    @DeleteMapping("/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@PathVariable String id) {
        return documents.delete(id);
    }

    @GetMapping("/documents/{id}")
    Mono<DocumentResponse> get(@PathVariable String id) {
        return documents.get(id).map(DocumentResponse::of);
    }

    @GetMapping("/documents")
    Mono<DocumentPage> list(@RequestParam(required = false) String category,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        String normalized = category == null || category.isBlank() ? null : category.strip().toLowerCase();
        return documents.page(normalized, page, size)
                .map(DocumentResponse::of)
                .collectList()
                .zipWith(documents.count(normalized))
                .map(both -> new DocumentPage(both.getT1(), page, size, both.getT2()));
    }

    @GetMapping("/categories")
    Flux<CategoryCount> categories() {
        return documents.categories();
    }

    private DocumentRequest read(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidDocumentException("Each document must be a JSON object with the documented fields.");
        }
        try {
            return mapper.treeToValue(node, DocumentRequest.class);
        } catch (RuntimeException e) {
            throw new InvalidDocumentException("Each document must be a JSON object with the documented fields.");
        }
    }

    private void validate(DocumentRequest request) {
        Set<ConstraintViolation<DocumentRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(new HashSet<>(violations));
        }
    }

}
