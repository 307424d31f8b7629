package dev.supportsuite.knowledge.search.domain;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * Whether the search index can answer searches. A rebuilt index starts empty, so until it is done a search
 * would miss documents that exist and report them as "not in the knowledge base"; an index whose rebuild or
 * startup work failed may hold only part of the documents, or vectors a query cannot be compared with, until
 * a rebuild succeeds. Meanwhile searches are refused (503) and the service reports itself not ready.
 */
public final class IndexState {

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong rebuilds = new AtomicLong();
    private final AtomicReference<String> failure = new AtomicReference<>();

    public boolean rebuilding() {
        return running.get() > 0;
    }

    /** Why the index failed to build and cannot be searched until a rebuild succeeds; empty while it can be. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * Whether searches can be answered: no rebuild is running, and the index has not failed to build since
     * the last rebuild that succeeded.
     */
    public boolean searchable() {
        return !rebuilding() && failure.get() == null;
    }

    /** Refuses searches until a rebuild succeeds, because of {@code reason}. */
    public void failed(String reason) {
        failure.set(reason);
    }

    /** Rebuilds started since the service started. */
    public long rebuilds() {
        return rebuilds.get();
    }

    /**
     * The rebuild, marking the index as rebuilding from subscription until it ends, however it ends. A
     * rebuild that succeeds makes a failed index searchable again; one that fails marks it failed, since it
     * holds part of the documents at best.
     */
    public <T> Mono<T> whileRebuilding(Mono<T> rebuild) {
        return Mono.defer(() -> {
            rebuildStarted();
            return rebuild;
        }).doOnSuccess(done -> failure.set(null))
                .doOnError(error -> failed("the rebuild failed: " + error))
                .doFinally(signal -> rebuildFinished());
    }

    public void rebuildStarted() {
        rebuilds.incrementAndGet();
        running.incrementAndGet();
    }

    public void rebuildFinished() {
        running.decrementAndGet();
    }
}
