package dev.supportsuite.knowledge.search.domain;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * Whether the search index is being rebuilt from the documents. A rebuilt index starts empty, so until it
 * is done a search would miss documents that exist and report them as "not in the knowledge base"; it is
 * refused instead (503), and the service reports itself not ready.
 */
public final class IndexState {

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong rebuilds = new AtomicLong();

    public boolean rebuilding() {
        return running.get() > 0;
    }

    /** Rebuilds started since the service started. */
    public long rebuilds() {
        return rebuilds.get();
    }

    /** The rebuild, marking the index as rebuilding from subscription until it ends, however it ends. */
    public <T> Mono<T> whileRebuilding(Mono<T> rebuild) {
        return Mono.defer(() -> {
            rebuildStarted();
            return rebuild;
        }).doFinally(signal -> rebuildFinished());
    }

    public void rebuildStarted() {
        rebuilds.incrementAndGet();
        running.incrementAndGet();
    }

    public void rebuildFinished() {
        running.decrementAndGet();
    }
}
