package dev.supportsuite.knowledge.bench;

import dev.supportsuite.embeddings.EmbedderSettings;
import dev.supportsuite.embeddings.SentenceEmbedder;
import dev.supportsuite.knowledge.index.adapter.LuceneKnowledgeIndex;
import dev.supportsuite.knowledge.index.domain.IndexHit;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dumps what retrieval sees, for offline study of fusion and confidence: every vector in an index
 * left by {@link KnowledgeBenchmark} (run it with {@code -Dbench.scale=0} first), with its chunk,
 * the query vectors of the labelled set (with and without the query instruction), and each
 * query's lexical top 400. Writes {@code knowledge-service/target/lab}. Not part of the suite.
 */
public final class RetrievalDump {

    private static final Path INDEX = Path.of("knowledge-service/target/bench/index");
    private static final Path OUT = Path.of("knowledge-service/target/lab");
    private static final String PREFIX = "Represent this sentence for searching relevant passages: ";

    public static void main(String[] args) throws Exception {
        Files.createDirectories(OUT);
        JsonMapper mapper = JsonMapper.builder().build();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        try (FSDirectory directory = FSDirectory.open(INDEX); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                LeafReader segment = leaf.reader();
                Bits live = segment.getLiveDocs();
                FloatVectorValues values = segment.getFloatVectorValues("vector");
                if (values == null) {
                    continue;
                }
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    var stored = segment.storedFields().document(doc);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("chunkId", stored.get("chunkId"));
                    row.put("documentId", stored.get("documentId"));
                    row.put("category", stored.get("category"));
                    row.put("title", stored.get("storedTitle"));
                    row.put("sectionPath", stored.get("sectionPath"));
                    row.put("text", stored.get("body"));
                    rows.add(row);
                    vectors.add(values.vectorValue().clone());
                }
            }
        }
        mapper.writeValue(OUT.resolve("vectors.json").toFile(), rows);
        writeVectors(OUT.resolve("vectors.f32"), vectors);
        System.out.printf("%d vectors%n", vectors.size());

        SentenceEmbedder embedder = SentenceEmbedder.shared(EmbedderSettings.forCores(2));
        LabelledQueries set = LabelledQueries.load();
        List<float[]> prefixed = new ArrayList<>();
        List<float[]> plain = new ArrayList<>();
        List<Map<String, Object>> queries = new ArrayList<>();
        try (LuceneKnowledgeIndex index = new LuceneKnowledgeIndex(INDEX, Schedulers.boundedElastic())) {
            for (LabelledQueries.Query query : set.queries()) {
                prefixed.add(embedder.embed(PREFIX + query.text()));
                plain.add(embedder.embed(query.text()));
                List<Map<String, Object>> lexical = new ArrayList<>();
                for (IndexHit hit : index.searchLexical(query.text(), 400, null).block()) {
                    lexical.add(Map.of("chunkId", hit.chunk().chunkId(), "score", hit.score()));
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("text", query.text());
                row.put("expected", List.copyOf(query.expected()));
                row.put("training", query.training());
                row.put("lexical", lexical);
                queries.add(row);
            }
        }
        mapper.writeValue(OUT.resolve("queries.json").toFile(), queries);
        writeVectors(OUT.resolve("queries-prefixed.f32"), prefixed);
        writeVectors(OUT.resolve("queries-plain.f32"), plain);

        // Extra passage views of the shipped chunks: the text alone, without title or section path.
        // Distractors keep their own vector.
        List<float[]> bodies = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            bodies.add("distractor".equals(row.get("category")) ? vectors.get(i) : embedder.embed((String) row.get("text")));
        }
        writeVectors(OUT.resolve("bodies.f32"), bodies);
        System.exit(0);
    }

    private static void writeVectors(Path file, List<float[]> vectors) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); DataOutputStream data = new DataOutputStream(out)) {
            for (float[] vector : vectors) {
                ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float v : vector) {
                    buffer.putFloat(v);
                }
                data.write(buffer.array());
            }
        }
    }
}
