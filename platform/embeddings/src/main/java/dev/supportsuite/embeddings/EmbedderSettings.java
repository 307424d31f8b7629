package dev.supportsuite.embeddings;

/**
 * How a {@link SentenceEmbedder} spends the machine. Two embedders with equal settings share one ONNX
 * session (see {@link SentenceEmbedder#shared(EmbedderSettings)}).
 *
 * @param intraOpThreads  threads ONNX Runtime uses inside one batch (matrix multiplications); at least 1
 * @param parallelBatches batches run at the same time, each on its own thread (the caller's thread is one
 *                        of them); at least 1. {@code intraOpThreads * parallelBatches} should not exceed
 *                        the cores given to inference
 * @param maxBatchSize    most texts in one batch; at least 1
 * @param maxBatchTokens  most tokens in one batch counted with padding ({@code texts * longest}); bounds the
 *                        memory of one call. A single text of up to 512 tokens always fits
 * @param singleCallThreads intra-op threads for a call that is a single batch (one query, one utterance),
 *                        where parallel batches cannot use the cores; a second session when it differs
 *                        from {@code intraOpThreads}; at least 1
 */
public record EmbedderSettings(int intraOpThreads, int parallelBatches, int maxBatchSize, int maxBatchTokens,
        int singleCallThreads) {

    /**
     * Texts per batch by default: one. Batches share the dynamic quantisation range of the model, which
     * changes vectors, and were not faster on 2 cores (module README).
     */
    public static final int DEFAULT_MAX_BATCH_SIZE = 1;

    /** Padded tokens per batch by default: 8 paragraphs of 512 tokens, about 6 MB of hidden states. */
    public static final int DEFAULT_MAX_BATCH_TOKENS = 4096;

    public EmbedderSettings {
        if (intraOpThreads < 1 || parallelBatches < 1 || maxBatchSize < 1 || maxBatchTokens < 1
                || singleCallThreads < 1) {
            throw new IllegalArgumentException("embedder settings must all be at least 1: intraOpThreads="
                    + intraOpThreads + " parallelBatches=" + parallelBatches + " maxBatchSize=" + maxBatchSize
                    + " maxBatchTokens=" + maxBatchTokens + " singleCallThreads=" + singleCallThreads);
        }
    }

    /**
     * The measured best for {@code cores} inference cores: that many texts at a time, each on a
     * single-threaded session call, no shared batches (exactly LangChain4j's vectors), and a single text on
     * a session with all cores. On 2 cores this ran 1.6-1.7x (short texts) and 1.5x (paragraphs) as many
     * texts per second as LangChain4j's {@code embedAll}, and a single text 5-8 % faster than LangChain4j's
     * {@code embed} (module README).
     */
    public static EmbedderSettings forCores(int cores) {
        int threads = Math.max(1, cores);
        return new EmbedderSettings(1, threads, DEFAULT_MAX_BATCH_SIZE, DEFAULT_MAX_BATCH_TOKENS, threads);
    }

    /** {@link #forCores(int)} with the cores the JVM sees. */
    public static EmbedderSettings defaults() {
        return forCores(Runtime.getRuntime().availableProcessors());
    }
}
