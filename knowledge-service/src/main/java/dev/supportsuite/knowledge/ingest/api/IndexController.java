package dev.supportsuite.knowledge.ingest.api;

import dev.supportsuite.knowledge.document.domain.DocumentService;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import dev.supportsuite.knowledge.search.domain.IndexState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The search index: how many chunks it holds, and a rebuild from PostgreSQL. */
@RestController
@RequestMapping("/api/v1/knowledge/index")
class IndexController {

    private final DocumentService documents;
    private final KnowledgeIndex index;
    private final IndexState state;

    IndexController(DocumentService documents, KnowledgeIndex index, IndexState state) {
        this.documents = documents;
        this.index = index;
        this.state = state;
    }

    /** Chunks in the index. */
    record IndexStatus(long chunks) {
    }

    @GetMapping
    Mono<IndexStatus> status() {
        return index.count().map(IndexStatus::new);
    }

    /**
     * Empties the index and re-chunks and re-embeds every stored document; answers when done. Searches are
     * refused meanwhile (503), since the index holds only part of the documents. This is also how an index
     * that failed to build (at startup, or in an earlier rebuild) is made searchable again.
     */
    @PostMapping("/rebuild")
    Mono<IndexStatus> rebuild() {
        return state.whileRebuilding(documents.rebuildIndex()).map(IndexStatus::new);
    }
}
