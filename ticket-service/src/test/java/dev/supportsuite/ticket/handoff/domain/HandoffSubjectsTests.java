package dev.supportsuite.ticket.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandoffSubjectsTests {

    @Test
    void aShortTopicIsTheSubjectAsTheCustomerPutIt() {
        assertThat(HandoffSubjects.of("  I was charged twice for November\n and want a refund "))
                .isEqualTo("I was charged twice for November and want a refund");
    }

    @Test
    void aLongTopicIsCutAtAWordWithAnEllipsis() {
        String topic = "My export to CSV fails every time ".repeat(10).strip();

        String subject = HandoffSubjects.of(topic);

        assertThat(topic.length()).isGreaterThan(HandoffSubjects.MAX_SUBJECT);
        assertThat(subject).hasSizeLessThanOrEqualTo(HandoffSubjects.MAX_SUBJECT).endsWith("…");
        String kept = subject.substring(0, subject.length() - 1);
        assertThat(topic).startsWith(kept);
        assertThat(topic.charAt(kept.length())).as("cut at a word boundary").isEqualTo(' ');
        assertThat(kept.length()).as("only the word that did not fit is lost")
                .isGreaterThan(HandoffSubjects.MAX_SUBJECT - 10);
    }

    @Test
    void punctuationBeforeTheCutIsDropped() {
        String topic = "a".repeat(190) + ", " + "b".repeat(20);

        assertThat(HandoffSubjects.of(topic)).isEqualTo("a".repeat(190) + "…");
    }

    @Test
    void aTopicThatIsOneHugeWordIsCutInsideIt() {
        String subject = HandoffSubjects.of("x".repeat(500));

        assertThat(subject).isEqualTo("x".repeat(HandoffSubjects.MAX_SUBJECT - 1) + "…");
    }

    @Test
    void withoutATopicTheSubjectIsNeutral() {
        assertThat(HandoffSubjects.of(null)).isEqualTo(HandoffSubjects.NEUTRAL);
        assertThat(HandoffSubjects.of(" \n ")).isEqualTo(HandoffSubjects.NEUTRAL);
        assertThat(HandoffSubjects.NEUTRAL).isEqualTo("Conversation with our support team");
    }
}
