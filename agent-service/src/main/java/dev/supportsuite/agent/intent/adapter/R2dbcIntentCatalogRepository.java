package dev.supportsuite.agent.intent.adapter;

import dev.supportsuite.agent.intent.domain.IntentCatalog;
import dev.supportsuite.agent.intent.domain.IntentCatalogRepository;
import dev.supportsuite.agent.intent.domain.IntentExample;
import dev.supportsuite.agent.intent.domain.StoredCatalog;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores the catalog in PostgreSQL (schema {@code agent}): the examples replaced as a whole, in chunks
 * of {@code unnest} inserts, and the version row bumped, all in one transaction.
 */
public final class R2dbcIntentCatalogRepository implements IntentCatalogRepository {

    private static final int CHUNK = 1000;

    private static final String UPSERT_HEADER = """
            INSERT INTO intent_catalog (id, version, min_confidence, example_count, fingerprint, encoder_id, updated_at)
            VALUES (1, 1, :minConfidence, :count, :fingerprint, :encoderId, now())
            ON CONFLICT (id) DO UPDATE SET version = intent_catalog.version + 1,
                min_confidence = EXCLUDED.min_confidence, example_count = EXCLUDED.example_count,
                fingerprint = EXCLUDED.fingerprint, encoder_id = EXCLUDED.encoder_id, updated_at = now()
            RETURNING version, min_confidence, encoder_id, updated_at
            """;

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    public R2dbcIntentCatalogRepository(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    @Override
    public Mono<StoredCatalog> load() {
        return db.sql("SELECT version, min_confidence, encoder_id, updated_at FROM intent_catalog WHERE id = 1")
                .map(R2dbcIntentCatalogRepository::header)
                .one()
                .flatMap(header -> db.sql("SELECT intent, text, embedding FROM intent_example ORDER BY position")
                        .map(R2dbcIntentCatalogRepository::example)
                        .all()
                        .collectList()
                        .map(rows -> stored(header, rows)));
    }

    @Override
    public Mono<StoredCatalog> save(IntentCatalog catalog, String encoderId, float[][] embeddings) {
        List<IntentExample> examples = catalog.examples();
        Flux<Long> inserts = Flux.range(0, (examples.size() + CHUNK - 1) / CHUNK)
                .concatMap(chunk -> insert(examples, embeddings, chunk * CHUNK,
                        Math.min(examples.size(), (chunk + 1) * CHUNK)));
        DatabaseClient.GenericExecuteSpec upsert = db.sql(UPSERT_HEADER)
                .bind("count", examples.size())
                .bind("fingerprint", catalog.fingerprint())
                .bind("encoderId", encoderId);
        upsert = catalog.minConfidence() == null ? upsert.bindNull("minConfidence", Double.class)
                : upsert.bind("minConfidence", catalog.minConfidence());
        Mono<Header> header = upsert.map(R2dbcIntentCatalogRepository::header).one();
        Mono<StoredCatalog> work = db.sql("DELETE FROM intent_example").fetch().rowsUpdated()
                .thenMany(inserts)
                .then(header)
                .map(saved -> new StoredCatalog(catalog, saved.version(), saved.updatedAt(), encoderId, embeddings));
        return transactions.transactional(work);
    }

    private Mono<Long> insert(List<IntentExample> examples, float[][] embeddings, int from, int to) {
        int size = to - from;
        Integer[] positions = new Integer[size];
        String[] intents = new String[size];
        String[] texts = new String[size];
        String[] vectors = new String[size];
        for (int k = 0; k < size; k++) {
            IntentExample example = examples.get(from + k);
            positions[k] = from + k;
            intents[k] = example.intent();
            texts[k] = example.text();
            vectors[k] = embeddings == null ? null : Base64.getEncoder().encodeToString(bytes(embeddings[from + k]));
        }
        return db.sql("""
                INSERT INTO intent_example (position, intent, text, embedding)
                SELECT p, i, t, decode(e, 'base64')
                FROM unnest(CAST(:positions AS int[]), CAST(:intents AS text[]), CAST(:texts AS text[]),
                            CAST(:vectors AS text[])) AS u(p, i, t, e)
                """)
                .bind("positions", positions)
                .bind("intents", intents)
                .bind("texts", texts)
                .bind("vectors", vectors)
                .fetch()
                .rowsUpdated();
    }

    private static Header header(Readable row) {
        return new Header(row.get("version", Long.class), row.get("min_confidence", Double.class),
                row.get("encoder_id", String.class), row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static Row example(Readable row) {
        byte[] embedding = row.get("embedding", byte[].class);
        return new Row(new IntentExample(row.get("text", String.class), row.get("intent", String.class)),
                embedding == null ? null : floats(embedding));
    }

    private static StoredCatalog stored(Header header, List<Row> rows) {
        List<IntentExample> examples = new ArrayList<>(rows.size());
        boolean complete = header.encoderId() != null;
        float[][] embeddings = new float[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            examples.add(rows.get(i).example());
            embeddings[i] = rows.get(i).embedding();
            complete &= embeddings[i] != null;
        }
        return new StoredCatalog(new IntentCatalog(examples, header.minConfidence()), header.version(),
                header.updatedAt(), complete ? header.encoderId() : null, complete ? embeddings : null);
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private record Header(long version, Double minConfidence, String encoderId, Instant updatedAt) {
    }

    private record Row(IntentExample example, float[] embedding) {
    }
}
