package dev.supportsuite.agent.intent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentCatalogTests {

    @Test
    void acceptsAndTrimsAValidCatalog() {
        IntentCatalog catalog = catalog(" hi ", "greeting", "hello", "greeting", "bye", " goodbye ", "see you",
                "goodbye");

        IntentCatalog valid = catalog.validated(100, 2);

        assertThat(valid.examples().get(0)).isEqualTo(new IntentExample("hi", "greeting"));
        assertThat(valid.counts()).containsEntry("goodbye", 2).containsEntry("greeting", 2);
    }

    @Test
    void rejectsAnIntentWithTooFewExamples() {
        IntentCatalog catalog = catalog("hi", "greeting", "hello", "greeting", "bye", "goodbye");

        assertThatThrownBy(() -> catalog.validated(100, 2))
                .isInstanceOf(InvalidIntentCatalogException.class)
                .hasMessageContaining("intent 'goodbye' has 1 example(s)");
    }

    @Test
    void rejectsBlankTextsAndIntentsNamingTheRow() {
        IntentCatalog catalog = catalog("hi", "greeting", " ", "greeting", "bye", "", "ciao", "goodbye");

        assertThatThrownBy(() -> catalog.validated(100, 2))
                .isInstanceOfSatisfying(InvalidIntentCatalogException.class, e -> assertThat(e.problems())
                        .containsExactly("example 2 has no text", "example 3 has no intent"));
    }

    @Test
    void rejectsAnEmptyCatalogAndOneAboveTheLimit() {
        assertThatThrownBy(() -> new IntentCatalog(List.of(), null).validated(100, 2))
                .hasMessageContaining("no examples");
        assertThatThrownBy(() -> catalog("a", "x", "b", "x", "c", "y", "d", "y").validated(3, 2))
                .hasMessageContaining("more than the limit of 3");
    }

    @Test
    void needsTwoInScopeIntentsAndAThresholdBelowOne() {
        assertThatThrownBy(() -> catalog("a", "x", "b", "x", "c", "oos", "d", "oos").validated(100, 2))
                .hasMessageContaining("at least 2 intents");
        IntentCatalog catalog = new IntentCatalog(catalog("a", "x", "b", "x", "c", "y", "d", "y").examples(), 1.5);
        assertThatThrownBy(() -> catalog.validated(100, 2)).hasMessageContaining("minConfidence");
    }

    @Test
    void fingerprintChangesWithContent() {
        IntentCatalog one = catalog("a", "x", "b", "y");
        IntentCatalog same = catalog("a", "x", "b", "y");
        IntentCatalog other = catalog("a", "x", "b", "z");

        assertThat(one.fingerprint()).isEqualTo(same.fingerprint()).isNotEqualTo(other.fingerprint());
    }

    static IntentCatalog catalog(String... textThenIntent) {
        List<IntentExample> examples = new ArrayList<>();
        for (int i = 0; i < textThenIntent.length; i += 2) {
            examples.add(new IntentExample(textThenIntent[i], textThenIntent[i + 1]));
        }
        return new IntentCatalog(examples, null);
    }
}
