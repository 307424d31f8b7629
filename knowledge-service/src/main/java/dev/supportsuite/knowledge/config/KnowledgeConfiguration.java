package dev.supportsuite.knowledge.config;

import dev.supportsuite.embeddings.EmbedderSettings;
import dev.supportsuite.embeddings.SentenceEmbedder;
import dev.supportsuite.knowledge.document.adapter.KafkaDocumentEvents;
import dev.supportsuite.knowledge.document.adapter.R2dbcDocumentRepository;
import dev.supportsuite.knowledge.document.domain.DocumentEvents;
import dev.supportsuite.knowledge.document.domain.DocumentNotFoundException;
import dev.supportsuite.knowledge.document.domain.DocumentRepository;
import dev.supportsuite.knowledge.document.domain.DocumentService;
import dev.supportsuite.knowledge.document.domain.InvalidDocumentException;
import dev.supportsuite.knowledge.index.adapter.LuceneKnowledgeIndex;
import dev.supportsuite.knowledge.index.adapter.OnnxEmbedder;
import dev.supportsuite.knowledge.index.adapter.QdrantKnowledgeIndex;
import dev.supportsuite.knowledge.index.domain.Chunker;
import dev.supportsuite.knowledge.index.domain.ChunkingPolicy;
import dev.supportsuite.knowledge.index.domain.Embedder;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import dev.supportsuite.knowledge.index.domain.ProductNameEmbedder;
import dev.supportsuite.knowledge.ingest.adapter.KnowledgeDirectoryImporter;
import dev.supportsuite.knowledge.ingest.adapter.PdfBoxText;
import dev.supportsuite.knowledge.ingest.domain.EmptyFileException;
import dev.supportsuite.knowledge.ingest.domain.FileDrafts;
import dev.supportsuite.knowledge.ingest.domain.FileTooLargeException;
import dev.supportsuite.knowledge.ingest.domain.JobNotFoundException;
import dev.supportsuite.knowledge.ingest.domain.NoExtractableTextException;
import dev.supportsuite.knowledge.ingest.domain.UnsupportedFileTypeException;
import dev.supportsuite.knowledge.ingest.domain.UploadService;
import dev.supportsuite.knowledge.search.adapter.ModelVocabulary;
import dev.supportsuite.knowledge.search.domain.ConfidenceModel;
import dev.supportsuite.knowledge.search.domain.Dictionary;
import dev.supportsuite.knowledge.search.domain.IndexRebuildingException;
import dev.supportsuite.knowledge.search.domain.IndexState;
import dev.supportsuite.knowledge.search.domain.IndexUnavailableException;
import dev.supportsuite.knowledge.search.domain.SearchService;
import dev.supportsuite.knowledge.search.domain.SearchTuning;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import dev.supportsuite.platform.problem.ProblemMapping;
import dev.supportsuite.platform.problem.ProblemMappings;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import java.time.Clock;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/** Wires the knowledge-service: model, index adapter, schedulers, services and problem types. */
@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    /** Writers and searchers of the index; Lucene calls are short but blocking. */
    private static final int INDEX_THREADS = 4;
    private static final int INDEX_QUEUE = 10_000;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "dispose")
    Scheduler inferenceScheduler(KnowledgeProperties properties) {
        return Schedulers.newBoundedElastic(properties.embedding().threads(), properties.embedding().queueSize(),
                "knowledge-inference");
    }

    @Bean(destroyMethod = "dispose")
    Scheduler indexScheduler() {
        return Schedulers.newBoundedElastic(INDEX_THREADS, INDEX_QUEUE, "knowledge-index");
    }

    /**
     * The embedding model, loaded once per process (shared with any other service in the JVM that
     * asks for the same settings), with as many ONNX threads as the inference scheduler has.
     */
    @Bean
    SentenceEmbedder embeddingModel(KnowledgeProperties properties) {
        return SentenceEmbedder.shared(EmbedderSettings.forCores(properties.embedding().threads()));
    }

    @Bean
    Embedder embedder(SentenceEmbedder embeddingModel, @Qualifier("inferenceScheduler") Scheduler scheduler,
            KnowledgeProperties properties) {
        String prefix = properties.embedding().queryPrefix() == null ? "" : properties.embedding().queryPrefix();
        return new ProductNameEmbedder(new OnnxEmbedder(embeddingModel, scheduler, prefix),
                properties.embedding().productName());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "support.knowledge.store", havingValue = "embedded", matchIfMissing = true)
    LuceneKnowledgeIndex luceneKnowledgeIndex(KnowledgeProperties properties,
            @Qualifier("indexScheduler") Scheduler scheduler) {
        return new LuceneKnowledgeIndex(properties.indexDir(), scheduler, LuceneKnowledgeIndex.DEFAULT_COMMIT_INTERVAL,
                properties.search().exactSearchMaxVectors());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "support.knowledge.store", havingValue = "qdrant")
    QdrantKnowledgeIndex qdrantKnowledgeIndex(KnowledgeProperties properties, Embedder embedder) {
        KnowledgeProperties.Qdrant qdrant = properties.qdrant();
        if (qdrant.host() == null || qdrant.host().isBlank()) {
            throw new IllegalStateException("support.knowledge.store=qdrant needs support.knowledge.qdrant.host");
        }
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(qdrant.host(), qdrant.port(), qdrant.useTls())
                .withTimeout(qdrant.timeout());
        if (qdrant.apiKey() != null && !qdrant.apiKey().isBlank()) {
            grpc.withApiKey(qdrant.apiKey());
        }
        return new QdrantKnowledgeIndex(new QdrantClient(grpc.build()), qdrant.collection(), embedder.dimensions(),
                qdrant.timeout());
    }

    @Bean
    Chunker chunker(KnowledgeProperties properties) {
        return new Chunker(new ChunkingPolicy(properties.chunking().maxChars(), properties.chunking().overlapChars()));
    }

    @Bean
    DocumentRepository documentRepository(DatabaseClient db) {
        return new R2dbcDocumentRepository(db);
    }

    @Bean
    DocumentEvents documentEvents(KafkaEventPublisher publisher, Clock clock) {
        return new KafkaDocumentEvents(publisher, clock);
    }

    @Bean
    DocumentService documentService(DocumentRepository repository, KnowledgeIndex index, Embedder embedder,
            Chunker chunker, DocumentEvents events, Clock clock, KnowledgeProperties properties) {
        return new DocumentService(repository, index, embedder, chunker, events, clock,
                properties.embedding().batchSize());
    }

    /** Real words, which spelling correction leaves alone: the embedding model's own vocabulary. */
    @Bean
    Dictionary spellingDictionary(JsonMapper mapper) {
        return ModelVocabulary.load(mapper);
    }

    @Bean
    SearchService searchService(KnowledgeIndex index, Embedder embedder, KnowledgeProperties properties,
            Dictionary spellingDictionary) {
        KnowledgeProperties.Search search = properties.search();
        KnowledgeProperties.Confidence c = search.confidence();
        return new SearchService(index, embedder, new SearchTuning(search.candidates(), search.rrfK(),
                search.denseWeight(), search.lexicalWeight(), search.snippetChars(), properties.minConfidence(),
                new ConfidenceModel(c.bias(), c.cosine(), c.margin(), c.coverage(), c.agreement()),
                search.spellingCorrection()), spellingDictionary);
    }

    @Bean
    FileDrafts fileDrafts() {
        return new FileDrafts(new PdfBoxText());
    }

    @Bean(destroyMethod = "close")
    UploadService uploadService(DocumentService documents, FileDrafts drafts, Clock clock,
            KnowledgeProperties properties) {
        return new UploadService(documents, drafts, Schedulers.boundedElastic(), clock,
                properties.jobThresholdChars(), properties.jobRetention());
    }

    @Bean
    KnowledgeDirectoryImporter knowledgeDirectoryImporter(DocumentService documents, FileDrafts drafts,
            JsonMapper mapper) {
        return new KnowledgeDirectoryImporter(documents, drafts, mapper, Schedulers.boundedElastic());
    }

    @Bean
    IndexState indexState() {
        return new IndexState();
    }

    /** Replaces Boot's readiness indicator of the same name (it backs off when this one exists). */
    @Bean
    IndexAwareReadiness readinessStateHealthIndicator(ApplicationAvailability availability, IndexState state) {
        return new IndexAwareReadiness(availability, state);
    }

    @Bean(destroyMethod = "stop")
    KnowledgeStartupImport knowledgeStartupImport(KnowledgeDirectoryImporter importer, DocumentService documents,
            KnowledgeProperties properties, Chunker chunker, Embedder embedder, KnowledgeIndex index,
            IndexState state) {
        // What the index's chunks and vectors depend on; a change rebuilds the index at startup.
        String product = properties.embedding().productName();
        String fingerprint = chunker.fingerprint() + ",model=" + SentenceEmbedder.MODEL_ID + ",dims="
                + embedder.dimensions() + (product.isBlank() ? "" : ",product=" + product.strip())
                + (index.fingerprint().isEmpty() ? "" : "," + index.fingerprint());
        return new KnowledgeStartupImport(importer, documents, properties, fingerprint, state);
    }

    @Bean
    ProblemMappings knowledgeProblems() {
        return ProblemMappings.of(
                ProblemMapping.of(DocumentNotFoundException.class, HttpStatus.NOT_FOUND, "document-not-found",
                        "Document not found"),
                ProblemMapping.of(InvalidDocumentException.class, HttpStatus.BAD_REQUEST, "invalid-document",
                        "Invalid document"),
                ProblemMapping.of(UnsupportedFileTypeException.class,
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type",
                        "Unsupported file type"),
                ProblemMapping.of(EmptyFileException.class, HttpStatus.BAD_REQUEST, "empty-file", "Empty file"),
                ProblemMapping.of(NoExtractableTextException.class,
                        HttpStatus.UNPROCESSABLE_CONTENT, "no-extractable-text",
                        "No text in the file"),
                ProblemMapping.of(FileTooLargeException.class, HttpStatus.CONTENT_TOO_LARGE, "file-too-large",
                        "File too large"),
                ProblemMapping.of(JobNotFoundException.class, HttpStatus.NOT_FOUND, "job-not-found",
                        "Upload job not found"),
                ProblemMapping.of(IndexRebuildingException.class, HttpStatus.SERVICE_UNAVAILABLE, "index-rebuilding",
                        "Search index is being rebuilt"),
                ProblemMapping.of(IndexUnavailableException.class, HttpStatus.SERVICE_UNAVAILABLE,
                        "index-unavailable", "Search index failed to build"),
                ProblemMapping.of(RejectedExecutionException.class, HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                        "Too many requests in progress"));
    }
}
