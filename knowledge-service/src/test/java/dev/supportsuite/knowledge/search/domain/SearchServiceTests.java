package dev.supportsuite.knowledge.search.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.index.domain.Chunk;
import dev.supportsuite.knowledge.index.domain.IndexHit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fusion, collapsing and the answerable decision, on given dense and lexical rankings. */
class SearchServiceTests {

    private static final ConfidenceModel MODEL = new ConfidenceModel(-4, 5, 2, 4, 1);

    private final SearchService search = new SearchService(null, null,
            new SearchTuning(40, 1, 4.0, 1.0, 30, 0.5, MODEL, true), word -> false);

    @Test
    void collapsesChunksToTheirDocumentAndRanksByFusedScore() {
        List<IndexHit> dense = List.of(hit("guide", 2, 0.82), hit("guide", 0, 0.80), hit("faq", 0, 0.70));
        List<IndexHit> lexical = List.of(hit("faq", 0, 7.0), hit("guide", 0, 3.0));

        SearchResult result = search.fuse("refund window for annual plans", dense, lexical, 5);

        assertThat(result.hits()).extracting(SearchHit::documentId).containsExactly("guide", "faq");
        assertThat(result.hits().get(0).chunkId()).isEqualTo("guide#2");
        assertThat(result.hits().get(0).features().cosine()).isEqualTo(0.82);
        assertThat(result.hits().get(0).features().margin()).isCloseTo(0.12, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.hits().get(0).features().agreement()).isZero();
    }

    @Test
    void saysAnswerableOnlyWhenTheBestHitIsConfidentEnough() {
        List<IndexHit> close = List.of(hit("refunds", 0, 0.92), hit("other", 0, 0.60));
        List<IndexHit> words = List.of(hit("refunds", 0, 9.0));
        SearchResult answered = search.fuse("refunds annual plans", close, words, 3);

        List<IndexHit> far = List.of(hit("refunds", 0, 0.55), hit("other", 0, 0.54));
        SearchResult unanswered = search.fuse("bake sourdough bread", far, List.of(), 3);

        assertThat(answered.answerable()).isTrue();
        assertThat(answered.verdict()).isEqualTo(SearchResult.ANSWERABLE);
        assertThat(answered.confidence()).isGreaterThan(0.5).isEqualTo(answered.hits().get(0).confidence());
        assertThat(unanswered.answerable()).isFalse();
        assertThat(unanswered.verdict()).isEqualTo(SearchResult.NOT_IN_KNOWLEDGE_BASE);
        assertThat(unanswered.confidence()).isLessThan(0.5);
    }

    @Test
    void answersNothingFoundWithoutHits() {
        SearchResult result = search.fuse("anything", List.of(), List.of(), 5);

        assertThat(result.hits()).isEmpty();
        assertThat(result.confidence()).isZero();
        assertThat(result.answerable()).isFalse();
    }

    @Test
    void cutsSnippetsAtAWordAndKeepsTheWholeTextForAnswers() {
        SearchResult result = search.fuse("q", List.of(hit("doc", 0, 0.9)), List.of(), 1);

        assertThat(result.hits().get(0).snippet()).isEqualTo("Refunds annual plans are paid…");
        assertThat(result.hits().get(0).text()).isEqualTo("Refunds annual plans are paid within ten days of the request.");
    }

    @Test
    void measuresHowManyContentWordsOfTheQueryAChunkCovers() {
        var terms = QueryTerms.of("How do I get a refund for my annual plan?");

        assertThat(terms).containsExactly("refun", "annua", "plan");
        assertThat(QueryTerms.coverage(terms, "Refunds of annual subscriptions")).isCloseTo(2.0 / 3,
                org.assertj.core.data.Offset.offset(1e-9));
    }

    private static IndexHit hit(String documentId, int ordinal, double score) {
        return new IndexHit(new Chunk(Chunk.idOf(documentId, ordinal), documentId, ordinal, "Title " + documentId,
                "Title " + documentId, "billing", "Refunds annual plans are paid within ten days of the request."),
                score);
    }
}
