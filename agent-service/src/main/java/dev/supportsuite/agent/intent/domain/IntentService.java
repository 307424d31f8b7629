package dev.supportsuite.agent.intent.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Keeps one trained intent catalog live and classifies utterances with it. A replacement is validated,
 * encoded and trained off the event loop, stored, and only then swapped in, so a rejected or failing
 * catalog never disturbs the one in force. Replacements run one at a time.
 */
public final class IntentService {

    private static final System.Logger LOG = System.getLogger(IntentService.class.getName());

    private final SentenceEncoder encoder;
    private final IntentCatalogRepository repository;
    private final EntityExtractor entities;
    private final Scheduler inference;
    private final ForkJoinPool training;
    private final IntentSettings settings;
    private final AtomicReference<Live> live = new AtomicReference<>();
    private final Sinks.One<Live> firstLive = Sinks.one();
    private final AtomicBoolean replacing = new AtomicBoolean();

    /**
     * @param inference bounded scheduler for embedding and training work
     * @param training  threads the trainer may split a gradient step over
     */
    public IntentService(SentenceEncoder encoder, IntentCatalogRepository repository, EntityExtractor entities,
            Scheduler inference, ForkJoinPool training, IntentSettings settings) {
        this.encoder = encoder;
        this.repository = repository;
        this.entities = entities;
        this.inference = inference;
        this.training = training;
        this.settings = settings;
    }

    /**
     * Brings the stored catalog live, or the shipped default when none is stored (or the stored one can
     * no longer be trained, which is logged).
     */
    public Mono<CatalogStatus> start(Supplier<IntentCatalog> shippedDefault) {
        Mono<StoredCatalog> fallback = Mono.fromCallable(() -> new StoredCatalog(
                shippedDefault.get().validated(settings.maxExamples(), settings.minExamplesPerIntent()), 0, null,
                null, null));
        return repository.load()
                .flatMap(stored -> train(stored, reusable(stored)).map(prepared -> goLive(stored, prepared)))
                .onErrorResume(error -> {
                    LOG.log(System.Logger.Level.ERROR, "stored intent catalog could not be loaded; "
                            + "serving the shipped default", error);
                    return Mono.empty();
                })
                .switchIfEmpty(fallback.flatMap(stored -> train(stored, Map.of())
                        .map(prepared -> goLive(stored, prepared))))
                .map(Live::status);
    }

    /**
     * Validates, trains, stores and swaps in a new catalog. Completes when it is live.
     *
     * @throws InvalidIntentCatalogException (as an error signal) when the catalog is rejected
     * @throws IntentCatalogBusyException    (as an error signal) while another replacement runs
     */
    public Mono<CatalogStatus> replace(IntentCatalog candidate) {
        return Mono.defer(() -> {
            IntentCatalog catalog = candidate.validated(settings.maxExamples(), settings.minExamplesPerIntent());
            if (!replacing.compareAndSet(false, true)) {
                return Mono.error(new IntentCatalogBusyException());
            }
            Live current = live.get();
            Map<String, float[]> reuse = current == null ? Map.of() : reusable(current.stored());
            StoredCatalog draft = new StoredCatalog(catalog, -1, null, null, null);
            return train(draft, reuse)
                    .flatMap(prepared -> repository.save(catalog, encoder.modelId(), prepared.embeddings())
                            .map(stored -> goLive(stored, prepared)))
                    .map(Live::status)
                    .doFinally(signal -> replacing.set(false));
        });
    }

    /** The catalog in force. */
    public Mono<StoredCatalog> current() {
        return awaitLive().map(Live::stored);
    }

    /** Facts about the catalog in force. */
    public Mono<CatalogStatus> status() {
        return awaitLive().map(Live::status);
    }

    /** Classifies one utterance with the catalog in force and extracts its entities. */
    public Mono<Classification> classify(String text) {
        return awaitLive().flatMap(current -> Mono.fromCallable(() -> {
            float[] embedding = encoder.encode(List.of(text))[0];
            return current.classifier().classify(text, embedding, current.status().minConfidence(),
                    settings.alternatives(), entities.extract(text), current.stored().version());
        }).subscribeOn(inference));
    }

    private Mono<Live> awaitLive() {
        return Mono.defer(() -> {
            Live current = live.get();
            if (current != null) {
                return Mono.just(current);
            }
            Duration wait = settings.readyTimeout();
            return firstLive.asMono().timeout(wait).onErrorMap(TimeoutException.class,
                    timeout -> new IntentClassifierUnavailableException(
                            "the intent catalog is still loading; retry shortly"));
        });
    }

    private Mono<Prepared> train(StoredCatalog stored, Map<String, float[]> reuse) {
        return Mono.fromCallable(() -> {
            IntentCatalog catalog = stored.catalog();
            List<IntentExample> examples = catalog.examples();
            long started = System.nanoTime();
            float[][] embeddings = new float[examples.size()][];
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                embeddings[i] = reuse.get(examples.get(i).text());
                if (embeddings[i] == null) {
                    missing.add(i);
                }
            }
            for (int from = 0; from < missing.size(); from += settings.encodeBatchSize()) {
                List<Integer> batch = missing.subList(from, Math.min(missing.size(), from + settings.encodeBatchSize()));
                float[][] encoded = encoder.encode(batch.stream().map(i -> examples.get(i).text()).toList());
                for (int k = 0; k < batch.size(); k++) {
                    embeddings[batch.get(k)] = encoded[k];
                }
            }
            long encoded = System.nanoTime();
            IntentClassifier classifier = IntentClassifier.train(catalog, embeddings, settings.classifier(), training);
            long trained = System.nanoTime();
            return new Prepared(embeddings, classifier, (encoded - started) / 1_000_000,
                    (trained - encoded) / 1_000_000, examples.size() - missing.size());
        }).subscribeOn(inference);
    }

    private Map<String, float[]> reusable(StoredCatalog stored) {
        if (stored.embeddings() == null || !encoder.modelId().equals(stored.encoderId())) {
            return Map.of();
        }
        List<IntentExample> examples = stored.catalog().examples();
        Map<String, float[]> byText = new HashMap<>(examples.size() * 2);
        for (int i = 0; i < examples.size(); i++) {
            byText.put(examples.get(i).text(), stored.embeddings()[i]);
        }
        return byText;
    }

    private Live goLive(StoredCatalog stored, Prepared prepared) {
        IntentCatalog catalog = stored.catalog();
        double minConfidence = catalog.minConfidence() != null ? catalog.minConfidence() : settings.minConfidence();
        CatalogStatus status = new CatalogStatus(stored.version(), stored.updatedAt(), catalog.examples().size(),
                catalog.counts(), minConfidence, prepared.classifier().temperature(), prepared.encodeMillis(),
                prepared.trainMillis(), prepared.reused());
        StoredCatalog withEmbeddings = new StoredCatalog(catalog, stored.version(), stored.updatedAt(),
                encoder.modelId(), prepared.embeddings());
        Live next = new Live(withEmbeddings, prepared.classifier(), status);
        live.set(next);
        firstLive.tryEmitValue(next);
        LOG.log(System.Logger.Level.INFO, () -> String.format(Locale.ROOT, "intent catalog live: version=%d "
                + "examples=%d intents=%d encodeMillis=%d trainMillis=%d reusedEmbeddings=%d temperature=%.3f",
                stored.version(), status.examples(), status.intents().size(), status.encodeMillis(),
                status.trainMillis(), status.reusedEmbeddings(), status.temperature()));
        return next;
    }

    private record Prepared(float[][] embeddings, IntentClassifier classifier, long encodeMillis, long trainMillis,
            int reused) {
    }

    private record Live(StoredCatalog stored, IntentClassifier classifier, CatalogStatus status) {
    }
}
