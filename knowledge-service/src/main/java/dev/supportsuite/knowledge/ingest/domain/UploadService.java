package dev.supportsuite.knowledge.ingest.domain;

import dev.supportsuite.knowledge.document.domain.DocumentDraft;
import dev.supportsuite.knowledge.document.domain.DocumentOrigin;
import dev.supportsuite.knowledge.document.domain.DocumentService;
import dev.supportsuite.knowledge.document.domain.IndexingProgress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Uploads of .txt, .md and .pdf files. The file is checked and its text extracted before anything
 * is stored, so bad input changes nothing. A small document is indexed within the request; one
 * longer than {@code jobThresholdChars} becomes a background job, run one at a time, whose
 * progress (chunks embedded of total) can be polled. Finished jobs are kept for {@code jobRetention}.
 */
public class UploadService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    private final DocumentService documents;
    private final FileDrafts drafts;
    private final Scheduler parsing;
    private final Clock clock;
    private final int jobThresholdChars;
    private final Duration jobRetention;
    private final Map<String, JobState> jobs = new ConcurrentHashMap<>();
    private final Sinks.Many<JobState> queue = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable worker;

    public UploadService(DocumentService documents, FileDrafts drafts, Scheduler parsing, Clock clock,
            int jobThresholdChars, Duration jobRetention) {
        this.documents = documents;
        this.drafts = drafts;
        this.parsing = parsing;
        this.clock = clock;
        this.jobThresholdChars = jobThresholdChars;
        this.jobRetention = jobRetention;
        this.worker = queue.asFlux().concatMap(this::run).subscribe();
    }

    /** Checks and extracts the file, then stores it now or starts a job. */
    public Mono<UploadOutcome> upload(String fileName, byte[] bytes, String category, String title) {
        return Mono.fromCallable(() -> drafts.draft(fileName, bytes, category, title))
                .subscribeOn(parsing)
                .flatMap(draft -> draft.content().length() <= jobThresholdChars
                        ? documents.create(draft, DocumentOrigin.API, IndexingProgress.NONE)
                                .map(document -> new UploadOutcome(document, null))
                        : Mono.fromSupplier(() -> new UploadOutcome(null, enqueue(fileName, draft))));
    }

    public Mono<UploadJob> job(String id) {
        return Mono.justOrEmpty(jobs.get(id))
                .map(JobState::snapshot)
                .switchIfEmpty(Mono.error(() -> new JobNotFoundException(id)));
    }

    private UploadJob enqueue(String fileName, DocumentDraft draft) {
        forgetOldJobs();
        JobState state = new JobState(UUID.randomUUID().toString(), fileName, draft, clock.instant());
        jobs.put(state.id, state);
        queue.emitNext(state, Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
        log.info("Upload job queued jobId={} file={}", state.id, fileName);
        return state.snapshot();
    }

    private Mono<Void> run(JobState state) {
        state.status = "running";
        return documents.create(state.draft, DocumentOrigin.API, state)
                .doOnNext(document -> {
                    state.documentId = document.id();
                    state.status = "succeeded";
                    log.info("Upload job done jobId={} documentId={} chunks={}", state.id, document.id(),
                            document.chunkCount());
                })
                .doOnError(e -> {
                    state.status = "failed";
                    state.error = e.getMessage();
                    log.warn("Upload job failed jobId={}: {}", state.id, e.toString());
                })
                .doFinally(signal -> state.finishedAt = clock.instant())
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    private void forgetOldJobs() {
        Instant cutoff = clock.instant().minus(jobRetention);
        jobs.values().removeIf(state -> state.finishedAt != null && state.finishedAt.isBefore(cutoff));
    }

    @Override
    public void close() {
        worker.dispose();
    }

    /** Mutable progress of one job; read through {@link #snapshot()}. */
    private static final class JobState implements IndexingProgress {
        private final String id;
        private final String fileName;
        private final DocumentDraft draft;
        private final Instant createdAt;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger total = new AtomicInteger();
        private volatile String status = "queued";
        private volatile String documentId;
        private volatile String error;
        private volatile Instant finishedAt;

        private JobState(String id, String fileName, DocumentDraft draft, Instant createdAt) {
            this.id = id;
            this.fileName = fileName;
            this.draft = draft;
            this.createdAt = createdAt;
        }

        @Override
        public void chunked(int chunks) {
            total.set(chunks);
        }

        @Override
        public void embedded(int count) {
            done.addAndGet(count);
        }

        UploadJob snapshot() {
            return new UploadJob(id, fileName, status, done.get(), total.get(), documentId, error, createdAt,
                    finishedAt);
        }
    }
}
