package dev.supportsuite.knowledge.config;

import dev.supportsuite.knowledge.document.domain.DocumentService;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import dev.supportsuite.knowledge.ingest.adapter.KnowledgeDirectoryImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * At startup, in the background: rebuilds the index from the stored documents if it was built
 * with other vectors (see {@link KnowledgeIndex#rebuildRequired()}); then seeds
 * {@code support.knowledge.import-dir} from the knowledge base shipped on the classpath if the
 * directory does not exist, and imports it idempotently.
 */
class KnowledgeStartupImport {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeStartupImport.class);

    private final KnowledgeDirectoryImporter importer;
    private final DocumentService documents;
    private final KnowledgeIndex index;
    private final KnowledgeProperties properties;
    private volatile Disposable running;

    KnowledgeStartupImport(KnowledgeDirectoryImporter importer, DocumentService documents, KnowledgeIndex index,
            KnowledgeProperties properties) {
        this.importer = importer;
        this.documents = documents;
        this.index = index;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importOnStartup() {
        Mono<Void> rebuild = index.rebuildRequired()
                ? documents.rebuildIndex().doOnNext(chunks -> log.info("Knowledge index rebuilt chunks={}", chunks))
                        .then()
                : Mono.empty();
        if (!properties.importOnStartup()) {
            running = rebuild.subscribe(done -> { }, error -> log.error("Knowledge index rebuild failed", error));
            return;
        }
        var directory = properties.importDir().toAbsolutePath().normalize();
        running = rebuild
                .then(importer.seedIfMissing(directory))
                .then(importer.importDirectory(directory))
                .subscribe(report -> { }, error -> log.error("Knowledge import failed directory={}", directory,
                        error));
    }

    void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
    }
}
