package dev.supportsuite.knowledge.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of knowledge-service, prefix {@code support.knowledge}.
 *
 * @param store          {@code embedded} (Lucene on disk, the default) or {@code qdrant}
 * @param indexDir       where the embedded index lives; default {@code ${support.data-dir}/knowledge/index}
 * @param importDir      directory imported at startup; default {@code data/knowledge_base}
 * @param importOnStartup whether to seed (if missing) and import {@code importDir} at startup
 * @param minConfidence  confidence threshold between "answerable" and "not in the knowledge base"
 * @param maxUploadSize  largest file an upload may carry
 * @param jobThresholdChars extracted text longer than this is indexed as a background job
 * @param jobRetention   how long finished upload jobs stay queryable
 * @param chunking       chunk sizes
 * @param embedding      inference settings
 * @param search         fusion and confidence settings
 * @param qdrant         the Qdrant server, when {@code store=qdrant}
 */
@Validated
@ConfigurationProperties("support.knowledge")
public record KnowledgeProperties(
        @NotNull Store store,
        @NotNull Path indexDir,
        @NotNull Path importDir,
        boolean importOnStartup,
        @DecimalMin("0") @DecimalMax("1") double minConfidence,
        @NotNull DataSize maxUploadSize,
        @Min(1000) int jobThresholdChars,
        @NotNull Duration jobRetention,
        @Valid @NotNull Chunking chunking,
        @Valid @NotNull Embedding embedding,
        @Valid @NotNull Search search,
        @Valid @NotNull Qdrant qdrant) {

    /** Which index adapter serves the port. */
    public enum Store { EMBEDDED, QDRANT }

    /**
     * @param maxChars     longest chunk, in characters
     * @param overlapChars characters repeated between consecutive chunks of a section
     */
    public record Chunking(@Min(100) int maxChars, @Min(0) int overlapChars) {
    }

    /**
     * @param threads     inference threads (the bounded scheduler and the model's own pool)
     * @param queueSize   inference tasks that may wait before callers are refused
     * @param batchSize   chunks of a document embedded per step (an upload job's progress moves by this many)
     * @param queryPrefix instruction put before queries (bge convention)
     * @param productName the product the knowledge base is about ({@code SUPPORT_PRODUCT_NAME}, default Pennant, the
     *                    shipped knowledge base's): passages and queries are embedded with it read as "it", since
     *                    every entry is about it. Blank for none; a change rebuilds the index at the next start
     */
    public record Embedding(@Min(1) int threads, @Min(1) int queueSize, @Min(1) int batchSize, String queryPrefix,
            @DefaultValue("") String productName) {
    }

    /**
     * @param candidates    chunks fetched from each of dense and lexical search
     * @param rrfK          reciprocal-rank-fusion constant
     * @param denseWeight   weight of the dense ranking
     * @param lexicalWeight weight of the lexical ranking
     * @param snippetChars  snippet length
     * @param exactSearchMaxVectors up to this many vectors the embedded index compares a query with every
     *                      one (exact); above it, it walks its HNSW graph
     * @param confidence    the fitted logistic confidence model
     * @param spellingCorrection whether query words that neither the index nor English knows (at least five
     *                      letters, not numbers or codes) are replaced by the closest word the index does know,
     *                      one edit away (two from eight letters) before searching; default {@code true}. Only
     *                      the embedded store has the term dictionary this needs: with {@code qdrant} queries
     *                      are searched as asked.
     */
    public record Search(@Min(1) int candidates, @Min(1) int rrfK, double denseWeight, double lexicalWeight,
            @Min(20) int snippetChars, @Min(0) int exactSearchMaxVectors, @Valid @NotNull Confidence confidence,
            @DefaultValue("true") boolean spellingCorrection) {
    }

    /** Weights of the logistic confidence model (fitted by {@code KnowledgeBenchmark --fit}). */
    public record Confidence(double bias, double cosine, double margin, double coverage, double agreement) {
    }

    /**
     * @param host       Qdrant host
     * @param port       Qdrant gRPC port (6334)
     * @param useTls     whether to connect with TLS
     * @param apiKey     API key, from the environment; empty for none
     * @param collection collection holding the chunks
     * @param timeout    timeout of each call
     */
    public record Qdrant(String host, @Min(1) int port, boolean useTls, String apiKey, String collection,
            @NotNull Duration timeout) {
    }
}
