package dev.supportsuite.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Measurement main (not a test): texts per second of LangChain4j's {@code embedAll} against
 * {@link SentenceEmbedder} in several settings, on (a) 10,000 short utterances (BANKING77 train) and (b)
 * 2,000 paragraphs (six consecutive sentiment snippets joined, about 110 words each), with the cosine to
 * LangChain4j's vectors. Run it alone on the machine (under the shared Maven lock).
 *
 * <p>Arguments: the development data folder (default {@code /work/shared/data}).
 */
public final class EmbeddingBenchmark {

    private static final int SHORT_TEXTS = 10_000;
    private static final int PARAGRAPHS = 2_000;
    private static final int SNIPPETS_PER_PARAGRAPH = 6;
    private static final int WARM_UP = 200;
    private static final int QUERIES = 1_000;

    private EmbeddingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "/work/shared/data");
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> utterances = utterances(data.resolve("banking77/train.csv"));
        List<String> paragraphs = paragraphs(data.resolve("sentiment"));
        System.out.printf(Locale.ROOT, "cores=%d loadavg=%s%n", cores, loadAverage());

        ExecutorService pool = Executors.newFixedThreadPool(cores);
        BgeSmallEnV15QuantizedEmbeddingModel langChain4j = new BgeSmallEnV15QuantizedEmbeddingModel(pool);
        Function<List<String>, List<float[]>> reference = texts -> langChain4j
                .embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector).toList();

        EmbedderSettings defaults = EmbedderSettings.forCores(cores);
        EmbedderSettings oneSessionAllCores = new EmbedderSettings(cores, 1, 1, EmbedderSettings.DEFAULT_MAX_BATCH_TOKENS, cores);
        List<EmbedderSettings> candidates = List.of(defaults, oneSessionAllCores,
                new EmbedderSettings(cores, 1, 32, 4096, cores),
                new EmbedderSettings(1, cores, 32, 4096, 1),
                new EmbedderSettings(cores, 1, 64, 8192, cores));
        for (var workload : List.of(new Workload("short utterances", utterances),
                new Workload("paragraphs", paragraphs))) {
            System.out.printf(Locale.ROOT, "%n== %s: %d texts, %.1f tokens on average ==%n", workload.name(),
                    workload.texts().size(), averageTokens(workload.texts(), candidates.get(0)));
            List<float[]> expected = measure("LangChain4j embedAll (pool of " + cores + ")", reference,
                    workload.texts(), null);
            for (EmbedderSettings settings : candidates) {
                SentenceEmbedder embedder = SentenceEmbedder.shared(settings);
                measure("SentenceEmbedder " + settings, embedder::embedAll, workload.texts(), expected);
            }
        }
        System.out.printf(Locale.ROOT, "%n== one text per call (a search query), %d calls in sequence ==%n", QUERIES);
        List<String> queries = utterances.subList(utterances.size() - QUERIES, utterances.size());
        latency("LangChain4j embed", text -> langChain4j.embed(text).content().vector(), queries);
        latency("SentenceEmbedder " + defaults, SentenceEmbedder.shared(defaults)::embed, queries);
        latency("SentenceEmbedder " + oneSessionAllCores, SentenceEmbedder.shared(oneSessionAllCores)::embed, queries);
        pool.shutdown();
        System.out.printf(Locale.ROOT, "%nloadavg=%s%n", loadAverage());
    }

    private static List<float[]> measure(String name, Function<List<String>, List<float[]>> embed,
            List<String> texts, List<float[]> expected) {
        embed.apply(texts.subList(0, WARM_UP));
        long start = System.nanoTime();
        List<float[]> vectors = embed.apply(texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        String agreement = "";
        if (expected != null) {
            double min = 1;
            double sum = 0;
            for (int i = 0; i < vectors.size(); i++) {
                double cosine = SentenceEmbedderEquivalenceTests.cosine(vectors.get(i), expected.get(i));
                min = Math.min(min, cosine);
                sum += cosine;
            }
            agreement = String.format(Locale.ROOT, "  cosine to LangChain4j min %.5f mean %.5f", min,
                    sum / vectors.size());
        }
        System.out.printf(Locale.ROOT, "%-75s %7.2f s %8.1f texts/s%s  (loadavg %s)%n", name, seconds,
                texts.size() / seconds, agreement, loadAverage());
        return vectors;
    }

    private static void latency(String name, Function<String, float[]> embed, List<String> queries) {
        queries.subList(0, WARM_UP).forEach(embed::apply);
        long[] micros = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            embed.apply(queries.get(i));
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        java.util.Arrays.sort(micros);
        System.out.printf(Locale.ROOT, "%-75s p50 %.2f ms  p90 %.2f ms  (loadavg %s)%n", name,
                micros[micros.length / 2] / 1000.0, micros[micros.length * 9 / 10] / 1000.0, loadAverage());
    }

    private static double averageTokens(List<String> texts, EmbedderSettings settings) {
        SentenceEmbedder embedder = SentenceEmbedder.shared(settings);
        return texts.stream().mapToInt(embedder::countTokens).average().orElse(0);
    }

    /** The first 10,000 texts of BANKING77's train split (first CSV column; quoted fields may span lines). */
    static List<String> utterances(Path csv) throws IOException {
        String content = Files.readString(csv, StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int column = 0;
        boolean header = true;
        for (int i = 0; i < content.length() && texts.size() < SHORT_TEXTS; i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',' || c == '\n') {
                if (column == 0 && !header) {
                    texts.add(field.toString().strip());
                }
                field.setLength(0);
                column = c == ',' ? column + 1 : 0;
                header = header && c != '\n';
            }
            else if (c != '\r') {
                field.append(c);
            }
        }
        return texts;
    }

    /** 2,000 paragraphs, each six consecutive snippets of the two sentiment files joined. */
    static List<String> paragraphs(Path folder) throws IOException {
        List<String> snippets = new ArrayList<>();
        for (String file : List.of("nytEditorialSnippets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt")) {
            for (String line : Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8)) {
                String[] columns = line.strip().split("\t", 3);
                if (columns.length == 3 && !columns[2].isBlank()) {
                    snippets.add(columns[2].strip());
                }
            }
        }
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; paragraphs.size() < PARAGRAPHS; i += SNIPPETS_PER_PARAGRAPH) {
            paragraphs.add(String.join(" ", snippets.subList(i, i + SNIPPETS_PER_PARAGRAPH)));
        }
        return paragraphs;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (IOException e) {
            return "n/a";
        }
    }

    private record Workload(String name, List<String> texts) {
    }
}
