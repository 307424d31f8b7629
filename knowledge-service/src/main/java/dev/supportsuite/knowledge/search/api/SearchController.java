package dev.supportsuite.knowledge.search.api;

import dev.supportsuite.knowledge.search.domain.IndexRebuildingException;
import dev.supportsuite.knowledge.search.domain.IndexState;
import dev.supportsuite.knowledge.search.domain.IndexUnavailableException;
import dev.supportsuite.knowledge.search.domain.SearchResult;
import dev.supportsuite.knowledge.search.domain.SearchService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Optional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Hybrid search over the knowledge base, with a calibrated confidence and a verdict. */
@RestController
@Validated
@RequestMapping("/api/v1/knowledge")
class SearchController {

    private final SearchService search;
    private final IndexState state;

    SearchController(SearchService search, IndexState state) {
        this.search = search;
        this.state = state;
    }

    /**
     * @param q        the question, 1 to 1000 characters
     * @param category optional category filter, applied only when given
     * @param k        documents to return, 1 to 50 (default 5)
     * @return the hits; 503 while the index is rebuilt from the documents, when it would miss some of them,
     *         and after it failed to build, until a rebuild succeeds
     */
    @GetMapping("/search")
    Mono<SearchResult> search(@RequestParam @NotBlank @Size(max = 1000) String q,
            @RequestParam(required = false) String category,
            @RequestParam(defaultValue = "5") @Min(1) @Max(50) int k) {
        if (state.rebuilding()) {
            return Mono.error(new IndexRebuildingException());
        }
        Optional<String> failure = state.failure();
        if (failure.isPresent()) {
            return Mono.error(new IndexUnavailableException(failure.get()));
        }
        String filter = category == null || category.isBlank() ? null : category.strip().toLowerCase(Locale.ROOT);
        return search.search(q.strip(), filter, k);
    }
}
