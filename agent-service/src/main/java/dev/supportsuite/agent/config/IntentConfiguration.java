package dev.supportsuite.agent.config;

import dev.supportsuite.agent.intent.adapter.OnnxSentenceEncoder;
import dev.supportsuite.agent.intent.adapter.R2dbcIntentCatalogRepository;
import dev.supportsuite.agent.intent.api.UploadLimit;
import dev.supportsuite.agent.intent.domain.CatalogCsv;
import dev.supportsuite.agent.intent.domain.EntityExtractor;
import dev.supportsuite.agent.intent.domain.IntentCatalog;
import dev.supportsuite.agent.intent.domain.IntentCatalogBusyException;
import dev.supportsuite.agent.intent.domain.IntentClassifierUnavailableException;
import dev.supportsuite.agent.intent.domain.IntentService;
import dev.supportsuite.agent.intent.domain.InvalidIntentCatalogException;
import dev.supportsuite.agent.intent.domain.SentenceEncoder;
import dev.supportsuite.embeddings.EmbedderSettings;
import dev.supportsuite.embeddings.SentenceEmbedder;
import dev.supportsuite.platform.problem.ProblemMapping;
import dev.supportsuite.platform.problem.ProblemMappings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ForkJoinPool;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Wiring of the intent feature: the in-process embedding model (loaded once), a bounded inference
 * scheduler and training pool sized to the cores, the PostgreSQL catalog store, and a lifecycle that
 * brings the stored (or shipped) catalog live at startup without holding up the context.
 */
@Configuration(proxyBeanMethods = false)
class IntentConfiguration {

    /** Identifies the embedding model in stored embeddings; change it when the model changes. */
    static final String ENCODER_ID = "bge-small-en-v1.5-q";

    @Bean(destroyMethod = "dispose")
    Scheduler intentInferenceScheduler(IntentProperties properties) {
        return Schedulers.newBoundedElastic(properties.inferenceThreads(), properties.queueSize(), "intent-inference");
    }

    @Bean(destroyMethod = "shutdown")
    ForkJoinPool intentTrainingPool(IntentProperties properties) {
        return new ForkJoinPool(properties.inferenceThreads());
    }

    /**
     * The process-wide embedder (the model is loaded here, once, on the startup thread), with as
     * many ONNX threads as the intent feature has inference threads.
     */
    @Bean
    SentenceEncoder intentSentenceEncoder(IntentProperties properties) {
        SentenceEmbedder embedder = SentenceEmbedder.shared(EmbedderSettings.forCores(properties.inferenceThreads()));
        return new OnnxSentenceEncoder(embedder, ENCODER_ID);
    }

    @Bean
    IntentService intentService(SentenceEncoder intentSentenceEncoder, DatabaseClient db,
            ReactiveTransactionManager transactionManager,
            @Qualifier("intentInferenceScheduler") Scheduler scheduler,
            @Qualifier("intentTrainingPool") ForkJoinPool trainingPool, IntentProperties properties) {
        return new IntentService(intentSentenceEncoder,
                new R2dbcIntentCatalogRepository(db, TransactionalOperator.create(transactionManager)),
                new EntityExtractor(Clock.systemUTC(), properties.plans()), scheduler, trainingPool,
                properties.settings());
    }

    @Bean
    UploadLimit intentUploadLimit(IntentProperties properties) {
        return new UploadLimit((int) Math.min(Integer.MAX_VALUE, properties.maxUploadSize().toBytes()));
    }

    @Bean
    SmartLifecycle intentCatalogLoader(IntentService intents, IntentProperties properties) {
        return new CatalogLoader(intents, properties);
    }

    @Bean
    ProblemMappings intentProblems() {
        return ProblemMappings.of(
                ProblemMapping.of(InvalidIntentCatalogException.class, HttpStatus.BAD_REQUEST, "invalid-intent-catalog",
                        "Invalid intent catalog"),
                ProblemMapping.of(IntentCatalogBusyException.class, HttpStatus.CONFLICT, "intent-catalog-busy",
                        "Intent catalog is being replaced"),
                ProblemMapping.of(IntentClassifierUnavailableException.class,
                        HttpStatus.SERVICE_UNAVAILABLE, "intent-classifier-unavailable",
                        "Intent classifier not ready"));
    }

    /** Starts loading the catalog when the context starts; classifications wait for it (bounded). */
    static final class CatalogLoader implements SmartLifecycle {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CatalogLoader.class);

        private final IntentService intents;
        private final IntentProperties properties;
        private volatile Disposable loading;

        CatalogLoader(IntentService intents, IntentProperties properties) {
            this.intents = intents;
            this.properties = properties;
        }

        @Override
        public void start() {
            loading = intents.start(this::shippedCatalog).subscribe(status -> { },
                    error -> log.error("intent catalog could not be brought live", error));
        }

        @Override
        public void stop() {
            Disposable current = loading;
            if (current != null) {
                current.dispose();
            }
            loading = null;
        }

        @Override
        public boolean isRunning() {
            return loading != null;
        }

        private IntentCatalog shippedCatalog() {
            try {
                String csv = properties.defaultCatalog().getContentAsString(StandardCharsets.UTF_8);
                return CatalogCsv.read(csv, properties.defaultCatalogMinConfidence());
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read " + properties.defaultCatalog(), e);
            }
        }
    }
}
