package dev.supportsuite.memory.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import dev.supportsuite.memory.Turns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProfileRulesTests {

    private final ProfileRules rules = new ProfileRules(Duration.ofDays(30));

    @Test
    void learnsNameLanguageChannelPlanAndProductFromTheCustomersOwnWords() {
        ConversationTurnRecordedEvent turn = Turns.turn("conv-1", "u-1", 1,
                "Hi, my name is Dana Scully. I bought a Router X200, I'm on the Business plan; "
                        + "please reply in German and contact me by phone.",
                "Thanks Dana.");

        Map<String, String> facts = byCategory(rules.fromTurn(turn));

        assertThat(facts).containsEntry(FactCategory.NAME, "Dana Scully")
                .containsEntry(FactCategory.PRODUCT, "Router X200")
                .containsEntry(FactCategory.PLAN, "Business")
                .containsEntry(FactCategory.LANGUAGE, "German")
                .containsEntry(FactCategory.CHANNEL, "phone");
    }

    @Test
    void learnsTheNameACustomerIntroducesThemselvesWithAfterAGreeting() {
        Map<String, String> introduced = byCategory(rules.fromTurn(Turns.turn("conv-1", "u-1", 1,
                "hi, I'm Tom, we use Pennant for our marketing agency", "Nice to meet you, Tom!")));
        Map<String, String> midSentence = byCategory(rules.fromTurn(Turns.turn("conv-1", "u-1", 2,
                "I think I'm Locked out of the admin page", "Let's look at that.")));

        assertThat(introduced).containsEntry(FactCategory.NAME, "Tom");
        assertThat(midSentence).doesNotContainKey(FactCategory.NAME);
    }

    @Test
    void keepsTheSourceMessageAndAnExpiryWithEveryFact() {
        ConversationTurnRecordedEvent turn = Turns.turn("conv-1", "u-1", 4, "Call me Fox", "Sure.");

        ProfileFact fact = rules.fromTurn(turn).get(0);

        assertThat(fact.userId()).isEqualTo("u-1");
        assertThat(fact.sourceMessageId()).isEqualTo("conv-1-u4");
        assertThat(fact.sourceConversationId()).isEqualTo("conv-1");
        assertThat(fact.expiresAt()).isEqualTo(fact.observedAt().plus(Duration.ofDays(30)));
    }

    @Test
    void neverLearnsPersonalFactsFromTheReply() {
        ConversationTurnRecordedEvent turn = Turns.turn("conv-1", "u-1", 1, "What is the status of my order?",
                "My name is Support Bot and I am on the Enterprise plan.");

        assertThat(rules.fromTurn(turn)).isEmpty();
    }

    @Test
    void recordsAnEscalationWhenTheTurnWasHandedToAHuman() {
        ConversationTurnRecordedEvent turn = Turns.turn("conv-9", "u-1", 2, "I want a human now", "Connecting you.",
                "asked_for_human", List.of(), List.of(), true);

        assertThat(byCategory(rules.fromTurn(turn)).get(FactCategory.ESCALATION)).contains("conv-9");
    }

    @Test
    void movesATicketToResolvedIssuesWhenItIsResolved() {
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        ProfileFact opened = rules.fromTicket(new TicketOpenedEvent(UUID.randomUUID(), at, 1, "TKT-1", "u-1", null,
                "Export fails", "technical", "high", "open")).orElseThrow();
        ProfileFact resolved = rules.fromTicket(new TicketUpdatedEvent(UUID.randomUUID(), at.plusSeconds(5), 1,
                "TKT-1", "u-1", null, "resolved", "agent-ana", List.of())).orElseThrow();

        assertThat(opened.category()).isEqualTo(FactCategory.OPEN_ISSUE);
        assertThat(opened.value()).isEqualTo("Export fails");
        assertThat(resolved.category()).isEqualTo(FactCategory.RESOLVED_ISSUE);
        assertThat(resolved.key()).isEqualTo(opened.key());
    }

    @Test
    void ignoresTicketsThatBelongToNoUser() {
        assertThat(rules.fromTicket(new TicketOpenedEvent(UUID.randomUUID(), Instant.now(), 1, "TKT-2", null, null,
                "Internal", "ops", "low", "open"))).isEmpty();
    }

    private static Map<String, String> byCategory(List<ProfileFact> facts) {
        return facts.stream().collect(Collectors.toMap(ProfileFact::category, ProfileFact::value, (a, b) -> a));
    }
}
