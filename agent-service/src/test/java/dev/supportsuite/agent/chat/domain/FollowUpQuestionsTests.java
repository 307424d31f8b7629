package dev.supportsuite.agent.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.agent.conversation.domain.ConversationState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpQuestionsTests {

    private static final Set<String> PLANS = Set.of("free", "team", "business", "enterprise");
    private static final Set<String> PRODUCT_TERMS = Set.of("pennant", "free", "team", "business", "enterprise");
    private static final Understanding QUESTION = new Understanding("question", 0.9, false, List.of(),
            new Mood(0, "neutral", 0, "stable", 0, "none", List.of(), true), false);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "how much storage do we get on Team?|and on Business?|how much storage do we get on Business?",
        "is SSO available on the business plan?|and on Team?|is SSO available on the Team plan?",
        "how many members can the Free plan have?|and Team?|how many members can the Team plan have?",
        "do you integrate with Slack?|what about GitHub?|do you integrate with GitHub?",
        "Does Pennant work with Microsoft Teams?|and Google Chat?|Does Pennant work with Google Chat?",
        "can I import my projects from Trello?|ok, what about Asana?|can I import my projects from Asana?",
        "do you have 2FA?|what about SSO?|do you have SSO?"})
    void aFollowUpNamingSomethingElseIsTheEarlierQuestionAboutIt(String topic, String followUp, String restated) {
        assertThat(FollowUpQuestions.restated(topic, followUp, PLANS, PRODUCT_TERMS))
                .hasValueSatisfying(it -> assertThat(it.question()).isEqualTo(restated));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a clause of its own, no name in place of a name, or nothing to put it in place of
        "How do I reset my password in Chrome?|and what if I lost my phone?",
        "how do I export my data to CSV?|what about attachments?",
        "how do I export my data?|and what about Asana?",
        "do you integrate with slack?|what about GitHub?",
        "what is the difference between Team and Business?|and Enterprise?",
        "how much storage do we get?|and on Business?",
        "do you integrate with Slack and GitHub?|what about Jira?",
        "do you integrate with Slack?|and with Slack and Jira and GitHub and Asana?",
        "do you integrate with Slack?|what about Slack?"})
    void otherFollowUpsAreNotRestated(String topic, String followUp) {
        assertThat(FollowUpQuestions.restated(topic, followUp, PLANS, PRODUCT_TERMS)).isEqualTo(Optional.empty());
    }

    @Test
    void whatTheFollowUpNamesIsKeptAsWrittenAndFoundAsAWholeWord() {
        FollowUpQuestions.Restated restated = FollowUpQuestions.restated("does it work with Slack?",
                "what about Microsoft Teams?", PLANS, PRODUCT_TERMS).orElseThrow();

        assertThat(restated.named()).isEqualTo("Microsoft Teams");
        assertThat(restated.namedIn("Works in microsoft teams and Slack.")).isTrue();
        assertThat(restated.namedIn("Works in Microsoft Teamspace.")).isFalse();
    }

    @Test
    void aFollowUpToAFollowUpLeansOnTheQuestionTheyBothFollow() {
        ConversationState state = ConversationState.start("c1", "u1", "user", Instant.now())
                .heard("thanks! do you integrate with Slack?", "integration_question", 0.0, 1, Instant.now())
                .heard("what about GitHub?", "integration_question", 0.0, 2, Instant.now());
        Turn turn = new Turn(state, "and Jira?", QUESTION,
                new SupportDesk.Caller("u1", "user"), "k3");

        assertThat(turn.leanedOn()).containsExactly("what about GitHub?", "thanks! do you integrate with Slack?");
        assertThat(turn.topic()).isEqualTo("do you integrate with Slack?");
        assertThat(turn.question()).isEqualTo("do you integrate with Slack? and Jira?");
        assertThat(new Turn(state, "is my data encrypted?", QUESTION,
                new SupportDesk.Caller("u1", "user"), "k4").leanedOn()).isEmpty();
    }

    @Test
    void whenEveryRecentMessageFollowedUpTheOldestIsTheTopic() {
        ConversationState state = ConversationState.start("c1", "u1", "user", Instant.now())
                .heard("and for Team?", null, null, 1, Instant.now())
                .heard("what about 30?", null, null, 2, Instant.now());
        Turn turn = new Turn(state, "and Business?", QUESTION,
                new SupportDesk.Caller("u1", "user"), "k3");

        assertThat(turn.leanedOn()).isEqualTo(List.of("what about 30?", "and for Team?"));
        assertThat(turn.topic()).isEqualTo("and for Team?");
    }
}
