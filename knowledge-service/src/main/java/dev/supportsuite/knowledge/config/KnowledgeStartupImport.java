package dev.supportsuite.knowledge.config;

import dev.supportsuite.knowledge.document.domain.DocumentService;
import dev.supportsuite.knowledge.ingest.adapter.KnowledgeDirectoryImporter;
import dev.supportsuite.knowledge.search.domain.IndexState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * At startup, first makes sure the search index matches the documents in PostgreSQL: one built with another
 * chunking or embedding model, or with an unrecorded one, or that lost chunks (a deleted index directory,
 * say) is emptied and rebuilt from the documents, in the background. Emptied, not indexed again over itself:
 * another model's vectors may have another dimension, which the index refuses to mix with this model's. The
 * check itself runs before the service reports ready; during a rebuild searches are refused and the readiness
 * probe says out of service ({@link IndexState}). Then it brings the knowledge base shipped on the
 * classpath into {@code support.knowledge.import-dir} (all of it the first time; after an upgrade what the release
 * changed, leaving files edited there alone), and imports it idempotently, in
 * the background. If any of that background work fails, searches are refused and the service reports itself
 * not ready until a rebuild ({@code POST /api/v1/knowledge/index/rebuild}) succeeds, instead of answering
 * from an index that may miss documents or hold vectors a query cannot be compared with.
 */
class KnowledgeStartupImport {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeStartupImport.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final KnowledgeDirectoryImporter importer;
    private final DocumentService documents;
    private final KnowledgeProperties properties;
    private final String indexFingerprint;
    private final IndexState state;
    private volatile Mono<Void> work = Mono.empty();
    private volatile Disposable running;

    KnowledgeStartupImport(KnowledgeDirectoryImporter importer, DocumentService documents,
            KnowledgeProperties properties, String indexFingerprint, IndexState state) {
        this.importer = importer;
        this.documents = documents;
        this.properties = properties;
        this.indexFingerprint = indexFingerprint;
        this.state = state;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importOnStartup() {
        String stale = documents.staleIndex(indexFingerprint).block(CHECK_TIMEOUT);
        Mono<Void> index;
        if (stale == null) {
            documents.recordIndexBuild(indexFingerprint).block(CHECK_TIMEOUT);
            index = Mono.empty();
        } else {
            log.warn("Rebuilding the search index from the documents because {}", stale);
            long started = System.nanoTime();
            index = state.whileRebuilding(documents.rebuildIndex())
                    .doOnNext(chunks -> log.info("Search index rebuilt chunks={} tookMs={}", chunks,
                            (System.nanoTime() - started) / 1_000_000))
                    .then(documents.recordIndexBuild(indexFingerprint));
        }
        var directory = properties.importDir().toAbsolutePath().normalize();
        Mono<?> imported = !properties.importOnStartup() ? Mono.empty()
                : importer.seed(directory).then(importer.importDirectory(directory));
        work = index.then(imported).then()
                .doOnError(error -> state.failed("the startup work failed: " + error))
                .cache();
        running = work.subscribe(done -> { }, error -> log.error("Knowledge startup work failed directory={}; "
                + "searches are refused until POST /api/v1/knowledge/index/rebuild succeeds", directory, error));
    }

    /** What the index's chunks and vectors are made with now. */
    String indexFingerprint() {
        return indexFingerprint;
    }

    /** The startup work (a rebuild, an import), completing when it is done; for tests to wait on. */
    Mono<Void> startupWork() {
        return work;
    }

    void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
    }
}
