package dev.supportsuite.knowledge.config;

import dev.supportsuite.knowledge.ingest.adapter.KnowledgeDirectoryImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import reactor.core.Disposable;

/**
 * At startup: seeds {@code support.knowledge.import-dir} from the knowledge base shipped on the
 * classpath if the directory does not exist, then imports it idempotently, in the background.
 */
class KnowledgeStartupImport {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeStartupImport.class);

    private final KnowledgeDirectoryImporter importer;
    private final KnowledgeProperties properties;
    private volatile Disposable running;

    KnowledgeStartupImport(KnowledgeDirectoryImporter importer, KnowledgeProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void importOnStartup() {
        if (!properties.importOnStartup()) {
            return;
        }
        var directory = properties.importDir().toAbsolutePath().normalize();
        running = importer.seedIfMissing(directory)
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
