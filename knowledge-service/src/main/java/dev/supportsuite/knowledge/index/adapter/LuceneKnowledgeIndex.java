package dev.supportsuite.knowledge.index.adapter;

import dev.supportsuite.knowledge.index.domain.Chunk;
import dev.supportsuite.knowledge.index.domain.EmbeddedChunk;
import dev.supportsuite.knowledge.index.domain.IndexHit;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The embedded index: one on-disk Lucene index holding, per chunk, an HNSW vector (dot product
 * over unit vectors, i.e. cosine) and the analysed text scored with BM25.
 *
 * <p><b>Visibility.</b> A search sees every write that completed before it started: writes only
 * count a generation, and a search (or count) that finds the near-real-time reader older than the
 * last completed write refreshes it first; the periodic commit refreshes it too. Refreshing after
 * every write instead flushed a one-document segment per document, each with its own HNSW graph
 * that the merges then rebuilt again and again: during bulk ingestion that work cost more than the
 * database and the events together. Now a burst of writes becomes one segment per commit.
 *
 * <p><b>Durability.</b> Writes are committed to disk every {@code commitInterval} and on close,
 * because a commit (an fsync) per document would cap ingestion at a few dozen chunks per second.
 * PostgreSQL stays the source of truth: a crash can lose at most the last interval, which a
 * rebuild restores. Lucene calls block, so they run on {@code scheduler}.
 */
public class LuceneKnowledgeIndex implements KnowledgeIndex, AutoCloseable {

    private static final String CHUNK_ID = "chunkId";
    private static final String DOCUMENT_ID = "documentId";
    private static final String ORDINAL = "ordinal";
    private static final String TITLE = "title";
    private static final String STORED_TITLE = "storedTitle";
    private static final String SECTION_PATH = "sectionPath";
    private static final String CATEGORY = "category";
    private static final String TEXT = "text";
    private static final String BODY = "body";
    /**
     * The words of the title and text as written (lower-cased, neither stemmed nor stop-listed, letters only):
     * the vocabulary spelling correction draws its replacements from, straight from the term dictionary, so it
     * follows every write and delete without a word list of its own. Postings only, no norms, not stored.
     */
    private static final String WORDS = "words";
    private static final FieldType WORDS_TYPE = wordsType();
    private static final String VECTOR = "vector";
    /** {@code chunk} for the chunk itself, {@code alias} for its further vectors (an FAQ entry's question, answer). */
    private static final String ROLE = "role";
    private static final String ROLE_CHUNK = "chunk";
    private static final String ROLE_ALIAS = "alias";
    private static final Logger log = LoggerFactory.getLogger(LuceneKnowledgeIndex.class);
    /** How often completed writes are committed to disk unless configured otherwise. */
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(1);
    /** Up to this many vectors a dense search compares with every one of them unless configured otherwise. */
    public static final int DEFAULT_EXACT_SEARCH_MAX_VECTORS = 20_000;
    /** Title words count more: for an FAQ entry the title is the question itself. */
    private static final float TITLE_BOOST = 1.5f;
    /**
     * Version of the fields written per chunk, part of the index fingerprint: 2 added {@link #WORDS}, which an
     * index written before lacks (it would correct nothing), so such an index is rebuilt at startup.
     */
    private static final int FIELDS_VERSION = 2;
    /**
     * Candidate replacements asked of the spell checker per word: the best one may occur only in chunks deleted
     * since (a term stays in the dictionary until its segment is merged away), so the next live one is taken.
     */
    private static final int SUGGESTIONS = 5;

    private final Analyzer analyzer = SupportAnalyzer.create();
    private final DirectSpellChecker oneEdit = spellChecker(1);
    private final DirectSpellChecker twoEdits = spellChecker(2);
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Scheduler scheduler;
    private final Path path;
    private final Disposable committer;
    private final int exactSearchMaxVectors;
    /** Writes completed so far; a search wants a reader that includes all of them. */
    private final AtomicLong writesCompleted = new AtomicLong();
    /** Writes the current near-real-time reader is known to include. */
    private final AtomicLong writesVisible = new AtomicLong();

    public LuceneKnowledgeIndex(Path path, Scheduler scheduler) {
        this(path, scheduler, DEFAULT_COMMIT_INTERVAL, DEFAULT_EXACT_SEARCH_MAX_VECTORS);
    }

    /**
     * @param commitInterval        how often completed writes are committed to disk
     * @param exactSearchMaxVectors up to this many vectors in the index, a dense search scores every
     *                              one of them (exact); above it, it walks the HNSW graph (approximate)
     */
    public LuceneKnowledgeIndex(Path path, Scheduler scheduler, Duration commitInterval, int exactSearchMaxVectors) {
        this.path = path;
        this.scheduler = scheduler;
        this.exactSearchMaxVectors = exactSearchMaxVectors;
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(
                    new PerFieldAnalyzerWrapper(analyzer, Map.of(WORDS, SupportAnalyzer.words())))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            this.writer.commit();
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the knowledge index at " + path, e);
        }
        // A commit slower than the interval skips ticks rather than overflowing the interval, whose error
        // used to cancel the commit in flight
        this.committer = Flux.interval(commitInterval, scheduler)
                .onBackpressureDrop()
                .concatMap(tick -> commit().onErrorResume(e -> {
                    log.warn("Knowledge index commit failed path={}: {}", path, e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe(tick -> { }, e -> log.error("Knowledge index commits stopped path={}", path, e));
    }

    /**
     * Makes every completed write durable now, and visible to searches: the periodic commit also
     * refreshes the searchers, so a search after a long burst of writes rarely has to do it itself.
     */
    public Mono<Void> commit() {
        return onIndexThread(scheduler, () -> {
            if (writer.hasUncommittedChanges()) {
                writer.commit();
            }
            refreshIfStale();
            return null;
        });
    }

    /**
     * Runs {@code work} on the index's scheduler so that a cancelled subscriber never interrupts it. Lucene closes
     * its IndexWriter for good when a thread is interrupted in the middle of file I/O, and Reactor interrupts the
     * thread of a cancelled {@code subscribeOn} task: a search whose caller timed out (the agent waits 3 s), a
     * client that went away, or a commit cancelled by an overflowing interval took the index down with
     * "this IndexWriter is closed" until a restart. The work now finishes; only its result is dropped.
     */
    static <T> Mono<T> onIndexThread(Scheduler scheduler, Callable<T> work) {
        return Mono.create(sink -> {
            try {
                scheduler.schedule(() -> {
                    try {
                        T result = work.call();
                        if (result == null) {
                            sink.success();
                        } else {
                            sink.success(result);
                        }
                    } catch (Throwable e) {
                        sink.error(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                sink.error(e);
            }
        });
    }

    /** Where the index lives on disk. */
    public Path path() {
        return path;
    }

    @Override
    public Mono<Void> replaceDocument(String documentId, List<EmbeddedChunk> chunks) {
        return write(() -> update(documentId, chunks));
    }

    @Override
    public Mono<Void> replaceDocuments(Map<String, List<EmbeddedChunk>> chunksByDocument) {
        if (chunksByDocument.isEmpty()) {
            return Mono.empty();
        }
        return write(() -> {
            for (Map.Entry<String, List<EmbeddedChunk>> document : chunksByDocument.entrySet()) {
                update(document.getKey(), document.getValue());
            }
        });
    }

    private void update(String documentId, List<EmbeddedChunk> chunks) throws IOException {
        List<Document> docs = new ArrayList<>(chunks.size());
        for (EmbeddedChunk chunk : chunks) {
            docs.add(toLucene(chunk, chunk.vector(), ROLE_CHUNK));
            for (float[] alias : chunk.aliases()) {
                docs.add(toLucene(chunk, alias, ROLE_ALIAS));
            }
        }
        writer.updateDocuments(new Term(DOCUMENT_ID, documentId), docs);
    }

    @Override
    public Mono<Void> deleteDocument(String documentId) {
        return write(() -> writer.deleteDocuments(new Term(DOCUMENT_ID, documentId)));
    }

    /**
     * Drops every segment with {@link IndexWriter#deleteAll()}, which also forgets the field schema (deleting
     * the documents would not): the vector field then takes the dimension of the next vectors written, so an
     * index of another model's 768-dimension vectors takes this model's 384-dimension ones.
     */
    @Override
    public Mono<Void> clear() {
        return write(writer::deleteAll);
    }

    @Override
    public Mono<Long> count() {
        return search(searcher -> (long) searcher.count(new TermQuery(new Term(ROLE, ROLE_CHUNK))));
    }

    @Override
    public String fingerprint() {
        return "lucene-fields=" + FIELDS_VERSION;
    }

    @Override
    public String identity() {
        return "lucene:" + path.toAbsolutePath().normalize();
    }

    @Override
    public Mono<List<IndexHit>> searchDense(float[] vector, int k, String category) {
        return search(searcher -> {
            // Twice k: an FAQ entry can be found through several of its vectors; keep its best.
            TopDocs top = nearest(searcher, vector, 2 * k, category);
            List<IndexHit> hits = new ArrayList<>(k);
            Set<String> seen = new java.util.HashSet<>();
            for (ScoreDoc doc : top.scoreDocs) {
                Chunk chunk = toChunk(searcher.storedFields().document(doc.doc));
                if (seen.add(chunk.chunkId()) && hits.size() < k) {
                    // Lucene scores dot product of unit vectors as (1 + cos) / 2.
                    hits.add(new IndexHit(chunk, 2.0 * doc.score - 1.0));
                }
            }
            return hits;
        });
    }

    /**
     * The {@code k} nearest vectors. The HNSW graph finds most but not all of them, and which ones it misses
     * depends on how the segments happen to be merged: with 10,000 short unrelated chunks next to a knowledge
     * base, a graph walk with the default breadth lost 10 to 22 points of hit@1, different from run to run,
     * while comparing every vector lost 5.5, the same every run. So an index of up to
     * {@code exactSearchMaxVectors} vectors, where that takes a few milliseconds, is searched exactly.
     */
    private TopDocs nearest(IndexSearcher searcher, float[] vector, int k, String category) throws IOException {
        Query filter = categoryFilter(category);
        if (searcher.getIndexReader().numDocs() > exactSearchMaxVectors) {
            return searcher.search(new KnnFloatVectorQuery(VECTOR, vector, k, filter), k);
        }
        Weight filterWeight = filter == null ? null
                : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        // The best k so far, worst on top.
        PriorityQueue<ScoreDoc> best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(doc -> doc.score));
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
            if (values == null) {
                continue;
            }
            DocIdSetIterator docs = values;
            if (filterWeight != null) {
                Scorer admitted = filterWeight.scorer(leaf);
                if (admitted == null) {
                    continue;
                }
                docs = ConjunctionUtils.intersectIterators(List.of(admitted.iterator(), values));
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                float score = VectorSimilarityFunction.DOT_PRODUCT.compare(vector, values.vectorValue());
                if (best.size() < k) {
                    best.add(new ScoreDoc(leaf.docBase + doc, score));
                } else if (score > best.peek().score) {
                    best.poll();
                    best.add(new ScoreDoc(leaf.docBase + doc, score));
                }
            }
        }
        ScoreDoc[] top = new ScoreDoc[best.size()];
        for (int i = top.length - 1; i >= 0; i--) {
            top[i] = best.poll();
        }
        return new TopDocs(new TotalHits(top.length, TotalHits.Relation.EQUAL_TO), top);
    }

    @Override
    public Mono<List<IndexHit>> searchLexical(String query, int k, String category) {
        return search(searcher -> {
            Set<String> terms = terms(query);
            if (terms.isEmpty()) {
                return List.of();
            }
            BooleanQuery.Builder words = new BooleanQuery.Builder();
            for (String term : terms) {
                words.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
                words.add(new BoostQuery(new TermQuery(new Term(TITLE, term)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
            }
            BooleanQuery.Builder full = new BooleanQuery.Builder().add(words.build(), BooleanClause.Occur.MUST);
            Query filter = categoryFilter(category);
            if (filter != null) {
                full.add(filter, BooleanClause.Occur.FILTER);
            }
            TopDocs top = searcher.search(full.build(), k);
            List<IndexHit> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc doc : top.scoreDocs) {
                hits.add(new IndexHit(toChunk(searcher.storedFields().document(doc.doc)), doc.score));
            }
            return hits;
        });
    }

    @Override
    public Mono<Map<String, String>> closestKnownWords(Map<String, Integer> maxEditsByWord) {
        if (maxEditsByWord.isEmpty()) {
            return Mono.just(Map.of());
        }
        return search(searcher -> {
            Map<String, String> replacements = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> word : maxEditsByWord.entrySet()) {
                if (known(searcher, word.getKey())) {
                    continue;
                }
                DirectSpellChecker checker = word.getValue() >= 2 ? twoEdits : oneEdit;
                // SUGGEST_ALWAYS rather than WHEN_NOT_IN_INDEX: a word found only in deleted chunks still has a
                // document frequency, and would get no suggestion at all
                SuggestWord[] suggestions = checker.suggestSimilar(new Term(WORDS, word.getKey()), SUGGESTIONS,
                        searcher.getIndexReader(), SuggestMode.SUGGEST_ALWAYS);
                for (SuggestWord suggestion : suggestions) {
                    if (!suggestion.string.equals(word.getKey()) && live(searcher, WORDS, suggestion.string)) {
                        replacements.put(word.getKey(), suggestion.string);
                        break;
                    }
                }
            }
            return replacements;
        });
    }

    /**
     * Whether a live chunk holds {@code word}: as written, or as the lexical fields analyse it (stemmed), so that
     * a form the text does not use ({@code invoicing} next to {@code invoices}) counts as known and is never
     * "corrected" into another word. A stop word, which lexical search ignores, counts as known.
     */
    private boolean known(IndexSearcher searcher, String word) throws IOException {
        if (live(searcher, WORDS, word)) {
            return true;
        }
        for (String term : terms(word)) {
            if (!live(searcher, TEXT, term) && !live(searcher, TITLE, term)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a chunk that is not deleted holds {@code term}; a term's document frequency counts deleted chunks
     * until their segment is merged away.
     */
    private static boolean live(IndexSearcher searcher, String field, String term) throws IOException {
        return searcher.count(new TermQuery(new Term(field, term))) > 0;
    }

    private static DirectSpellChecker spellChecker(int maxEdits) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(maxEdits);
        // No letter is taken as right, the first included (Lucene's default keeps it): "ddress", "pudate" and
        // "konth" are slips too. On the misspelled labelled questions this corrected 93 back to the question as
        // written instead of 80, with no well-spelled question corrected either way (docs/benchmarks.md); the
        // dictionary of real words keeps the wider search from "correcting" them
        checker.setMinPrefix(0);
        return checker;
    }

    private static FieldType wordsType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setTokenized(true);
        type.setOmitNorms(true);
        type.setStored(false);
        type.freeze();
        return type;
    }

    /**
     * Waits until the merges running now have finished, then refreshes the searchers: for
     * measurements of a settled index after a bulk load.
     */
    public Mono<Void> awaitMerges() {
        return onIndexThread(scheduler, () -> {
            if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler merges) {
                merges.sync();
            }
            searchers.maybeRefreshBlocking();
            return null;
        });
    }

    /** Bytes the index takes on disk. */
    public long sizeOnDisk() {
        try (var files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> terms(String text) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }

    private static Query categoryFilter(String category) {
        return category == null || category.isBlank() ? null : new TermQuery(new Term(CATEGORY, category));
    }

    private static Document toLucene(EmbeddedChunk embedded, float[] vector, String role) {
        Chunk chunk = embedded.chunk();
        Document doc = new Document();
        doc.add(new StringField(ROLE, role, Field.Store.NO));
        doc.add(new StringField(CHUNK_ID, chunk.chunkId(), Field.Store.YES));
        doc.add(new StringField(DOCUMENT_ID, chunk.documentId(), Field.Store.YES));
        doc.add(new StoredField(ORDINAL, chunk.ordinal()));
        doc.add(new StoredField(STORED_TITLE, chunk.title()));
        doc.add(new StoredField(SECTION_PATH, chunk.sectionPath()));
        doc.add(new StringField(CATEGORY, chunk.category(), Field.Store.YES));
        if (role.equals(ROLE_CHUNK)) {
            doc.add(new TextField(TITLE, chunk.title(), Field.Store.NO));
            doc.add(new TextField(TEXT, chunk.indexedText(), Field.Store.NO));
            doc.add(new Field(WORDS, chunk.title() + "\n" + chunk.indexedText(), WORDS_TYPE));
        }
        doc.add(new StoredField(BODY, chunk.text()));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    private static Chunk toChunk(Document doc) {
        return new Chunk(doc.get(CHUNK_ID), doc.get(DOCUMENT_ID), doc.getField(ORDINAL).numericValue().intValue(),
                doc.get(STORED_TITLE), doc.get(SECTION_PATH), doc.get(CATEGORY), doc.get(BODY));
    }

    private Mono<Void> write(IndexWrite action) {
        return onIndexThread(scheduler, () -> {
            action.run();
            writesCompleted.incrementAndGet();
            return null;
        });
    }

    /** Makes every write completed so far visible to the searchers acquired after this call. */
    private void refreshIfStale() throws IOException {
        long wanted = writesCompleted.get();
        if (wanted > writesVisible.get()) {
            // Blocks while another thread refreshes, then refreshes again if that reader is older than now.
            searchers.maybeRefreshBlocking();
            writesVisible.accumulateAndGet(wanted, Math::max);
        }
    }

    private <T> Mono<T> search(IndexSearch<T> action) {
        return onIndexThread(scheduler, () -> {
            refreshIfStale();
            IndexSearcher searcher = searchers.acquire();
            try {
                return action.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        });
    }

    @Override
    public void close() throws IOException {
        committer.dispose();
        searchers.close();
        writer.commit();
        writer.close();
        directory.close();
    }

    @FunctionalInterface
    private interface IndexWrite {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface IndexSearch<T> {
        T run(IndexSearcher searcher) throws IOException;
    }
}
