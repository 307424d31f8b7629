package dev.supportsuite.knowledge.index.adapter;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;

import com.google.common.util.concurrent.ListenableFuture;
import dev.supportsuite.knowledge.index.domain.Chunk;
import dev.supportsuite.knowledge.index.domain.EmbeddedChunk;
import dev.supportsuite.knowledge.index.domain.IndexHit;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.Vector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * The knowledge index in Qdrant: one collection with a named dense vector ({@code dense},
 * cosine) and a named sparse vector ({@code lexical}: hashed English terms with BM25 term
 * weights; Qdrant applies IDF). Point ids are UUIDs derived from chunk ids, payload carries the
 * chunk. The client is asynchronous; its futures are bridged to Monos with a timeout.
 */
public class QdrantKnowledgeIndex implements KnowledgeIndex, AutoCloseable {

    static final String DENSE = "dense";
    static final String LEXICAL = "lexical";

    private final QdrantClient client;
    private final String collection;
    private final int dimensions;
    private final Duration timeout;
    private final LexicalTerms terms = new LexicalTerms();
    private final Mono<Void> ready;

    public QdrantKnowledgeIndex(QdrantClient client, String collection, int dimensions, Duration timeout) {
        this.client = client;
        this.collection = collection;
        this.dimensions = dimensions;
        this.timeout = timeout;
        this.ready = Mono.defer(() -> mono(() -> client.collectionExistsAsync(collection, timeout)))
                .flatMap(exists -> exists ? Mono.<Void>empty() : create())
                .cache(done -> Duration.ofDays(3650), error -> Duration.ZERO, () -> Duration.ofDays(3650));
    }

    @Override
    public Mono<Void> replaceDocument(String documentId, List<EmbeddedChunk> chunks) {
        List<PointStruct> points = chunks.stream().map(this::point).toList();
        Mono<Void> upsert = points.isEmpty() ? Mono.empty()
                : mono(() -> client.upsertAsync(collection, points, timeout)).then();
        return ready.then(mono(() -> client.deleteAsync(collection, byDocument(documentId), timeout))).then(upsert);
    }

    @Override
    public Mono<Void> replaceDocuments(Map<String, List<EmbeddedChunk>> chunksByDocument) {
        if (chunksByDocument.isEmpty()) {
            return Mono.empty();
        }
        List<PointStruct> points = chunksByDocument.values().stream().flatMap(List::stream).map(this::point)
                .toList();
        Filter documents = Filter.newBuilder()
                .addMust(matchKeywords("documentId", List.copyOf(chunksByDocument.keySet())))
                .build();
        Mono<Void> upsert = points.isEmpty() ? Mono.empty()
                : mono(() -> client.upsertAsync(collection, points, timeout)).then();
        return ready.then(mono(() -> client.deleteAsync(collection, documents, timeout))).then(upsert);
    }

    @Override
    public Mono<Void> deleteDocument(String documentId) {
        return ready.then(mono(() -> client.deleteAsync(collection, byDocument(documentId), timeout))).then();
    }

    @Override
    public Mono<List<IndexHit>> searchDense(float[] vector, int k, String category) {
        QueryPoints.Builder query = QueryPoints.newBuilder()
                .setCollectionName(collection)
                .setQuery(nearest(vector))
                .setUsing(DENSE)
                .setLimit(k)
                .setWithPayload(enable(true));
        return query(query, category);
    }

    @Override
    public Mono<List<IndexHit>> searchLexical(String text, int k, String category) {
        Map<Integer, Float> weights = terms.queryWeights(text);
        if (weights.isEmpty()) {
            return Mono.just(List.of());
        }
        QueryPoints.Builder query = QueryPoints.newBuilder()
                .setCollectionName(collection)
                .setQuery(nearest(new ArrayList<>(weights.values()), new ArrayList<>(weights.keySet())))
                .setUsing(LEXICAL)
                .setLimit(k)
                .setWithPayload(enable(true));
        return query(query, category);
    }

    @Override
    public Mono<Void> clear() {
        return ready.then(mono(() -> client.deleteCollectionAsync(collection, timeout))).then(create());
    }

    @Override
    public Mono<Long> count() {
        return ready.then(mono(() -> client.countAsync(collection, timeout)));
    }

    @Override
    public String identity() {
        return "qdrant:" + collection;
    }

    @Override
    public void close() {
        client.close();
    }

    private Mono<List<IndexHit>> query(QueryPoints.Builder query, String category) {
        if (category != null && !category.isBlank()) {
            query.setFilter(Filter.newBuilder().addMust(matchKeyword("category", category)).build());
        }
        return ready.then(mono(() -> client.queryAsync(query.build(), timeout)))
                .map(points -> points.stream().map(QdrantKnowledgeIndex::toHit).toList());
    }

    private Mono<Void> create() {
        CreateCollection create = CreateCollection.newBuilder()
                .setCollectionName(collection)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(VectorParamsMap.newBuilder()
                        .putMap(DENSE, VectorParams.newBuilder().setSize(dimensions).setDistance(Distance.Cosine)
                                .build())))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                        .putMap(LEXICAL, SparseVectorParams.newBuilder().setModifier(Modifier.Idf).build()))
                .build();
        return mono(() -> client.createCollectionAsync(create, timeout)).then();
    }

    private PointStruct point(EmbeddedChunk embedded) {
        Chunk chunk = embedded.chunk();
        Map<String, Vector> vectors = new HashMap<>();
        vectors.put(DENSE, vector(embedded.vector()));
        Map<Integer, Float> weights = terms.documentWeights(chunk.indexedText());
        if (!weights.isEmpty()) {
            vectors.put(LEXICAL, vector(new ArrayList<>(weights.values()), new ArrayList<>(weights.keySet())));
        }
        Map<String, Value> payload = new HashMap<>();
        payload.put("chunkId", value(chunk.chunkId()));
        payload.put("documentId", value(chunk.documentId()));
        payload.put("ordinal", value(chunk.ordinal()));
        payload.put("title", value(chunk.title()));
        payload.put("sectionPath", value(chunk.sectionPath()));
        payload.put("category", value(chunk.category()));
        payload.put("text", value(chunk.text()));
        return PointStruct.newBuilder()
                .setId(id(UUID.nameUUIDFromBytes(chunk.chunkId().getBytes(StandardCharsets.UTF_8))))
                .setVectors(namedVectors(vectors))
                .putAllPayload(payload)
                .build();
    }

    private static Filter byDocument(String documentId) {
        return Filter.newBuilder().addMust(matchKeyword("documentId", documentId)).build();
    }

    private static IndexHit toHit(ScoredPoint point) {
        Map<String, Value> p = point.getPayloadMap();
        Chunk chunk = new Chunk(p.get("chunkId").getStringValue(), p.get("documentId").getStringValue(),
                (int) p.get("ordinal").getIntegerValue(), p.get("title").getStringValue(),
                p.get("sectionPath").getStringValue(), p.get("category").getStringValue(),
                p.get("text").getStringValue());
        return new IndexHit(chunk, point.getScore());
    }

    /** Calls the client when subscribed, and completes with its future. */
    private <T> Mono<T> mono(Supplier<ListenableFuture<T>> call) {
        return Mono.<T>create(sink -> {
            ListenableFuture<T> future = call.get();
            future.addListener(() -> {
                try {
                    sink.success(future.get());
                } catch (ExecutionException e) {
                    sink.error(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    sink.error(e);
                } catch (RuntimeException e) {
                    sink.error(e);
                }
            }, Runnable::run);
            sink.onCancel(() -> future.cancel(true));
        }).timeout(timeout.plusSeconds(1));
    }
}
