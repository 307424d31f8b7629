package dev.supportsuite.agent.chat.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnowledgeClientTests {

    @Test
    void aMessageTheSearchAcceptsIsSearchedAsWritten() {
        assertThat(KnowledgeClient.query("  how do I export my data?  ")).isEqualTo("how do I export my data?");
    }

    @Test
    void aLongMessageIsSearchedByItsQuestions() {
        String story = "We moved our whole agency over last spring and the first months went well. ".repeat(20);
        String message = story + "Is prorating applied when we upgrade mid-cycle? " + story
                + "And is SOC 2 covered on Business?\nThanks a lot";

        assertThat(message.length()).isGreaterThan(KnowledgeClient.MAX_QUERY_CHARS);
        assertThat(KnowledgeClient.query(message))
                .isEqualTo("Is prorating applied when we upgrade mid-cycle? And is SOC 2 covered on Business?");
    }

    @Test
    void aLongMessageWithoutAQuestionIsCutAtAWordBreak() {
        String message = "the export to PDF fails with a timeout ".repeat(40);

        String query = KnowledgeClient.query(message);

        assertThat(query.length()).isLessThanOrEqualTo(KnowledgeClient.MAX_QUERY_CHARS);
        assertThat(message).startsWith(query);
        assertThat(message.charAt(query.length())).as("cut before a space, not inside a word").isEqualTo(' ');
        assertThat(query).doesNotEndWith(" ");
    }
}
