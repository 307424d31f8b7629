package dev.supportsuite.knowledge.document.adapter;

import dev.supportsuite.knowledge.document.domain.CategoryCount;
import dev.supportsuite.knowledge.document.domain.Document;
import dev.supportsuite.knowledge.document.domain.DocumentKind;
import dev.supportsuite.knowledge.document.domain.DocumentOrigin;
import dev.supportsuite.knowledge.document.domain.DocumentRepository;
import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Documents in the {@code knowledge.document} table, through R2DBC. */
public class R2dbcDocumentRepository implements DocumentRepository {

    private static final String COLUMNS = "id, title, content, category, source, tags, content_hash, kind, origin, "
            + "chunk_count, created_at, updated_at";

    /** One row of values; {@code ?} stands for the row's index in the statement. */
    private static final String ROW = "(:id?, :title?, :content?, :category?, :source?, :tags?, :hash?, :kind?, "
            + ":origin?, :chunks?, :created?, :updated?)";
    /** A stored document keeps its origin and creation time when replaced. */
    private static final String UPSERT = """
             on conflict (id) do update set title = excluded.title, content = excluded.content,
                category = excluded.category, source = excluded.source, tags = excluded.tags,
                content_hash = excluded.content_hash, kind = excluded.kind, chunk_count = excluded.chunk_count,
                updated_at = excluded.updated_at
            """;

    private final DatabaseClient db;

    public R2dbcDocumentRepository(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Document> save(Document d) {
        return saveAll(List.of(d)).thenReturn(d);
    }

    @Override
    public Mono<Void> saveAll(List<Document> documents) {
        if (documents.isEmpty()) {
            return Mono.empty();
        }
        StringBuilder sql = new StringBuilder("insert into document (" + COLUMNS + ") values ");
        for (int i = 0; i < documents.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(ROW.replace("?", Integer.toString(i)));
        }
        sql.append(UPSERT);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            spec = spec.bind("id" + i, d.id())
                    .bind("title" + i, d.title())
                    .bind("content" + i, d.content())
                    .bind("category" + i, d.category())
                    .bind("tags" + i, d.tags().toArray(String[]::new))
                    .bind("hash" + i, d.contentHash())
                    .bind("kind" + i, d.kind().name())
                    .bind("origin" + i, d.origin().name())
                    .bind("chunks" + i, d.chunkCount())
                    .bind("created" + i, d.createdAt().atOffset(ZoneOffset.UTC))
                    .bind("updated" + i, d.updatedAt().atOffset(ZoneOffset.UTC));
            spec = d.source() == null ? spec.bindNull("source" + i, String.class)
                    : spec.bind("source" + i, d.source());
        }
        return spec.fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Document> findById(String id) {
        return db.sql("select " + COLUMNS + " from document where id = :id")
                .bind("id", id)
                .map(R2dbcDocumentRepository::toDocument)
                .one();
    }

    @Override
    public Mono<Boolean> deleteById(String id) {
        return db.sql("delete from document where id = :id").bind("id", id).fetch().rowsUpdated().map(n -> n > 0);
    }

    @Override
    public Flux<Document> findPage(String category, int offset, int limit) {
        String where = category == null ? "" : " where category = :category";
        DatabaseClient.GenericExecuteSpec spec = db.sql("select " + COLUMNS + " from document" + where
                + " order by updated_at desc, id limit :limit offset :offset")
                .bind("limit", limit)
                .bind("offset", offset);
        if (category != null) {
            spec = spec.bind("category", category);
        }
        return spec.map(R2dbcDocumentRepository::toDocument).all();
    }

    @Override
    public Mono<Long> count(String category) {
        if (category == null) {
            return db.sql("select count(*) as n from document").map(row -> row.get("n", Long.class)).one();
        }
        return db.sql("select count(*) as n from document where category = :category")
                .bind("category", category)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    @Override
    public Flux<Document> findByOrigin(DocumentOrigin origin) {
        return db.sql("select " + COLUMNS + " from document where origin = :origin order by id")
                .bind("origin", origin.name())
                .map(R2dbcDocumentRepository::toDocument)
                .all();
    }

    @Override
    public Flux<Document> findAll() {
        return db.sql("select " + COLUMNS + " from document order by id").map(R2dbcDocumentRepository::toDocument)
                .all();
    }

    @Override
    public Flux<CategoryCount> categories() {
        return db.sql("select category, count(*) as n from document group by category order by category")
                .map(row -> new CategoryCount(row.get("category", String.class), row.get("n", Long.class)))
                .all();
    }

    private static Document toDocument(Readable row) {
        String[] tags = row.get("tags", String[].class);
        return new Document(row.get("id", String.class), row.get("title", String.class),
                row.get("content", String.class), row.get("category", String.class), row.get("source", String.class),
                tags == null ? List.of() : List.of(tags), row.get("content_hash", String.class),
                DocumentKind.valueOf(row.get("kind", String.class)),
                DocumentOrigin.valueOf(row.get("origin", String.class)), row.get("chunk_count", Integer.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    @Override
    public Mono<Long> chunkTotal() {
        return db.sql("select coalesce(sum(chunk_count), 0) as n from document")
                .map(row -> ((Number) row.get("n")).longValue())
                .one();
    }

    @Override
    public Mono<String> indexFingerprint(String indexId) {
        return db.sql("select fingerprint from index_build where index_id = :id")
                .bind("id", indexId)
                .map(row -> row.get("fingerprint", String.class))
                .one();
    }

    @Override
    public Mono<Void> recordIndexBuild(String indexId, String fingerprint, java.time.Instant at) {
        return db.sql("""
                        insert into index_build (index_id, fingerprint, built_at) values (:id, :fingerprint, :at)
                        on conflict (index_id) do update set fingerprint = excluded.fingerprint, built_at = excluded.built_at
                        """)
                .bind("id", indexId)
                .bind("fingerprint", fingerprint)
                .bind("at", at)
                .then();
    }
}
