package dev.supportsuite.knowledge.search.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The embedding model's vocabulary as the spelling dictionary, read from the model's real tokenizer file. */
class ModelVocabularyTests {

    private static final ModelVocabulary ENGLISH = ModelVocabulary.load(JsonMapper.builder().build());

    @Test
    void holdsTheWholeWordsOfTheModelVocabularyAndNotItsPieces() {
        assertThat(ENGLISH.size()).isBetween(15_000, 30_522);
        assertThat(ENGLISH.contains("passport")).isTrue();
        assertThat(ENGLISH.contains("employee")).isTrue();
        assertThat(ENGLISH.contains("##ing")).isFalse();
    }

    @Test
    void findsAPluralThroughItsSingular() {
        assertThat(ENGLISH.contains("laptop")).isTrue();
        assertThat(ENGLISH.contains("laptops")).isTrue();
    }

    @Test
    void holdsNoCommonMisspellings() {
        assertThat(ENGLISH.contains("subscripton")).isFalse();
        assertThat(ENGLISH.contains("cancle")).isFalse();
        assertThat(ENGLISH.contains("invoces")).isFalse();
        assertThat(ENGLISH.contains("authentcation")).isFalse();
    }
}
