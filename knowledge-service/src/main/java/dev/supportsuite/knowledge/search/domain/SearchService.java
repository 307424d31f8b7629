package dev.supportsuite.knowledge.search.domain;

import dev.supportsuite.knowledge.index.domain.Embedder;
import dev.supportsuite.knowledge.index.domain.IndexHit;
import dev.supportsuite.knowledge.index.domain.KnowledgeIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Hybrid search: misspelled words of the query are first replaced by close words the index knows (when
 * {@link SearchTuning#spellingCorrection()} is on; see {@link QuerySpelling}), then the query goes to the dense
 * index (embedding, cosine) and to the lexical index (BM25) at once; the two rankings are fused with weighted
 * reciprocal-rank fusion, chunks are collapsed to their best chunk per document, and every hit gets a
 * calibrated confidence. The best hit's confidence against {@link SearchTuning#minConfidence()} decides whether
 * the knowledge base answers the query at all.
 */
public class SearchService {

    private final KnowledgeIndex index;
    private final Embedder embedder;
    private final SearchTuning tuning;
    private final Dictionary dictionary;

    /** @param dictionary words spelling correction leaves as they are, being real words */
    public SearchService(KnowledgeIndex index, Embedder embedder, SearchTuning tuning, Dictionary dictionary) {
        this.index = index;
        this.embedder = embedder;
        this.tuning = tuning;
        this.dictionary = dictionary;
    }

    public SearchTuning tuning() {
        return tuning;
    }

    /**
     * @param category restricts the search to one category when given; never inferred
     * @param k        number of documents to return
     */
    public Mono<SearchResult> search(String query, String category, int k) {
        return corrected(query).flatMap(searched -> {
            Mono<List<IndexHit>> dense = embedder.embedQuery(searched)
                    .flatMap(vector -> index.searchDense(vector, tuning.candidates(), category));
            Mono<List<IndexHit>> lexical = index.searchLexical(searched, tuning.candidates(), category);
            return Mono.zip(dense, lexical).map(both -> fuse(query, searched, both.getT1(), both.getT2(), k));
        });
    }

    /**
     * The query to search: {@code query} with the words neither the index nor the dictionary knows replaced by the
     * closest words the index does know, or {@code query} itself when correction is off, no word qualifies or
     * none has a close known word.
     */
    Mono<String> corrected(String query) {
        if (!tuning.spellingCorrection()) {
            return Mono.just(query);
        }
        Map<String, Integer> candidates = QuerySpelling.candidates(query, dictionary);
        if (candidates.isEmpty()) {
            return Mono.just(query);
        }
        return index.closestKnownWords(candidates)
                .map(replacements -> QuerySpelling.corrected(query, replacements));
    }

    SearchResult fuse(String query, List<IndexHit> dense, List<IndexHit> lexical, int k) {
        return fuse(query, query, dense, lexical, k);
    }

    /**
     * @param query    the query as asked
     * @param searched the query the rankings were made for (corrected, or the same)
     */
    SearchResult fuse(String query, String searched, List<IndexHit> dense, List<IndexHit> lexical, int k) {
        Map<String, Candidate> byChunk = new LinkedHashMap<>();
        for (int rank = 0; rank < dense.size(); rank++) {
            IndexHit hit = dense.get(rank);
            Candidate candidate = byChunk.computeIfAbsent(hit.chunk().chunkId(), id -> new Candidate(hit));
            candidate.score += tuning.denseWeight() / (tuning.rrfK() + rank + 1);
        }
        for (int rank = 0; rank < lexical.size(); rank++) {
            IndexHit hit = lexical.get(rank);
            Candidate candidate = byChunk.computeIfAbsent(hit.chunk().chunkId(), id -> new Candidate(hit));
            candidate.score += tuning.lexicalWeight() / (tuning.rrfK() + rank + 1);
        }
        // A chunk only the lexical side found is at most as close as the last dense candidate.
        double cosineFloor = dense.isEmpty() ? 0 : dense.get(dense.size() - 1).score();
        Map<String, Double> bestCosineByDocument = new HashMap<>();
        for (IndexHit hit : dense) {
            bestCosineByDocument.merge(hit.chunk().documentId(), hit.score(), Math::max);
        }
        Map<String, Candidate> byDocument = new LinkedHashMap<>();
        byChunk.values().stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> c.score).reversed())
                .forEach(c -> byDocument.putIfAbsent(c.hit.chunk().documentId(), c));

        String topDense = dense.isEmpty() ? null : dense.get(0).chunk().documentId();
        String topLexical = lexical.isEmpty() ? null : lexical.get(0).chunk().documentId();
        Set<String> terms = QueryTerms.of(searched);
        List<SearchHit> hits = new ArrayList<>();
        for (Candidate candidate : byDocument.values()) {
            if (hits.size() == k) {
                break;
            }
            String documentId = candidate.hit.chunk().documentId();
            double cosine = bestCosineByDocument.getOrDefault(documentId, cosineFloor);
            double otherBest = bestCosineByDocument.entrySet().stream()
                    .filter(e -> !e.getKey().equals(documentId))
                    .mapToDouble(Map.Entry::getValue)
                    .max()
                    .orElse(cosineFloor);
            double agreement = documentId.equals(topDense) && documentId.equals(topLexical) ? 1 : 0;
            HitFeatures features = new HitFeatures(cosine, cosine - otherBest,
                    QueryTerms.coverage(terms, candidate.hit.chunk().indexedText()), agreement);
            hits.add(toHit(candidate, features));
        }
        double confidence = hits.isEmpty() ? 0 : hits.get(0).confidence();
        boolean answerable = confidence >= tuning.minConfidence();
        return new SearchResult(query, searched.equals(query) ? null : searched, answerable,
                answerable ? SearchResult.ANSWERABLE : SearchResult.NOT_IN_KNOWLEDGE_BASE, confidence,
                tuning.minConfidence(), hits);
    }

    private SearchHit toHit(Candidate candidate, HitFeatures features) {
        var chunk = candidate.hit.chunk();
        return new SearchHit(chunk.documentId(), chunk.chunkId(), chunk.title(), chunk.sectionPath(),
                snippet(chunk.text()), chunk.text().strip(), chunk.category(), candidate.score, tuning.model().confidence(features),
                features);
    }

    private String snippet(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= tuning.snippetChars()) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', tuning.snippetChars());
        return flat.substring(0, cut > 0 ? cut : tuning.snippetChars()) + "…";
    }

    private static final class Candidate {
        private final IndexHit hit;
        private double score;

        private Candidate(IndexHit hit) {
            this.hit = hit;
        }
    }
}
