package dev.supportsuite.knowledge.document.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.index.domain.Chunk;
import dev.supportsuite.knowledge.index.domain.Chunker;
import dev.supportsuite.knowledge.index.domain.ChunkingPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedViewsTests {

    private final Chunker chunker = new Chunker(new ChunkingPolicy(200, 40));

    @Test
    void anFaqQuestionAskingTwoThingsIsSplitAtItsQuestionMarks() {
        assertThat(DocumentService.questionsIn("Which browsers does Pennant support? Is there a mobile app?"))
                .containsExactly("Which browsers does Pennant support?", "Is there a mobile app?");
    }

    @Test
    void anFaqQuestionJoiningASecondQuestionWithAndIsSplitThere() {
        assertThat(DocumentService.questionsIn("Is Pennant GDPR compliant, and do you sign a data processing agreement?"))
                .containsExactly("Is Pennant GDPR compliant", "do you sign a data processing agreement?");
        assertThat(DocumentService.questionsIn("How do I invite teammates and add more people to my workspace?"))
                .as("an 'and' that joins two things, not two questions").hasSize(1);
    }

    @Test
    void aPartTooShortToBeAQuestionIsNotOneOfItsOwn() {
        assertThat(DocumentService.questionsIn("Pricing? How much does the Team plan cost?"))
                .containsExactly("How much does the Team plan cost?");
    }

    @Test
    void anFaqEntryIsEmbeddedWholeAsItsQuestionAsEachOfItsQuestionsAndAsItsAnswer() {
        Chunk entry = faq("Is Pennant down? Where can I check the service status?", "See status.pennant.example.");
        Chunk single = faq("How do I reset my password?", "Click Forgot password.");

        assertThat(DocumentService.views(entry, true)).containsExactly(entry.indexedText(),
                "Is Pennant down? Where can I check the service status?", "Is Pennant down?",
                "Where can I check the service status?", "See status.pennant.example.");
        assertThat(DocumentService.views(single, true))
                .containsExactly(single.indexedText(), "How do I reset my password?", "Click Forgot password.");
        assertThat(DocumentService.views(single, false)).containsExactly(single.indexedText());
    }

    private Chunk faq(String question, String answer) {
        List<Chunk> chunks = chunker.chunk("faq-1", new DocumentDraft(question, answer, "technical", "faq.json",
                List.of(), DocumentKind.FAQ));
        return chunks.get(0);
    }
}
