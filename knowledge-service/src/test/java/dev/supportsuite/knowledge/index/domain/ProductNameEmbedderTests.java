package dev.supportsuite.knowledge.index.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ProductNameEmbedderTests {

    /** Keeps what it was given to embed. */
    private static final class Recording implements Embedder {
        final List<String> seen = new ArrayList<>();

        @Override
        public int dimensions() {
            return 1;
        }

        @Override
        public Mono<List<float[]>> embedPassages(List<String> texts) {
            seen.addAll(texts);
            return Mono.just(texts.stream().map(text -> new float[] {1}).toList());
        }

        @Override
        public Mono<float[]> embedQuery(String query) {
            seen.add(query);
            return Mono.just(new float[] {1});
        }
    }

    @Test
    void queriesAndPassagesAreEmbeddedWithTheProductsNameReadAsIt() {
        Recording model = new Recording();
        ProductNameEmbedder embedder = new ProductNameEmbedder(model, "Pennant");

        embedder.embedQuery("does PENNANT have guest access?").block();
        embedder.embedPassages(List.of("Is Pennant free for personal use?", "Pennant's audit log keeps a year.",
                "See status.pennant.example or mail help@pennant.example.", "Pennants and pennant-shaped icons."))
                .block();

        assertThat(model.seen).containsExactly("does it have guest access?", "Is it free for personal use?",
                "its audit log keeps a year.", "See status.it.example or mail help@it.example.",
                "Pennants and it-shaped icons.");
    }

    @Test
    void aNameOfSeveralWordsIsReadWhole() {
        ProductNameEmbedder embedder = new ProductNameEmbedder(new Recording(), " Acme  Desk ");

        assertThat(embedder.neutralised("Can Acme Desk export to CSV? Acme is the company."))
                .isEqualTo("Can it export to CSV? Acme is the company.");
        assertThat(embedder.neutralised("does acme\ndesk's API have limits")).isEqualTo("does its API have limits");
    }

    @Test
    void noNameLeavesTextsAsTheyAre() {
        Recording model = new Recording();

        new ProductNameEmbedder(model, "").embedQuery("does Pennant have guest access?").block();

        assertThat(model.seen).containsExactly("does Pennant have guest access?");
        assertThat(new ProductNameEmbedder(model, "").dimensions()).isEqualTo(1);
    }
}
