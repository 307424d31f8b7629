package dev.supportsuite.ticket.handoff.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.handoff.HandoffReasons;
import dev.supportsuite.ticket.ticket.domain.TicketPriority;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandoffPrioritiesTests {

    @Test
    void highFrustrationIsUrgent() {
        assertThat(HandoffPriorities.of(List.of(HandoffReasons.HIGH_FRUSTRATION), 0.5))
                .isEqualTo(TicketPriority.URGENT);
    }

    @Test
    void anAskForAHumanIsHighAndNoAnswerIsMedium() {
        assertThat(HandoffPriorities.of(List.of(HandoffReasons.ASKED_FOR_HUMAN), 0.2)).isEqualTo(TicketPriority.HIGH);
        assertThat(HandoffPriorities.of(List.of(HandoffReasons.DECLINING_TREND), 0.2)).isEqualTo(TicketPriority.HIGH);
        assertThat(HandoffPriorities.of(List.of(HandoffReasons.POLICY), 0.0)).as("a security incident")
                .isEqualTo(TicketPriority.URGENT);
        assertThat(HandoffPriorities.of(List.of(HandoffReasons.NO_ANSWER), 0.1)).isEqualTo(TicketPriority.MEDIUM);
    }

    @Test
    void theMostPressingReasonWins() {
        assertThat(HandoffPriorities.of(List.of(HandoffReasons.NO_ANSWER, HandoffReasons.HIGH_FRUSTRATION), 0.3))
                .isEqualTo(TicketPriority.URGENT);
    }

    @Test
    void aVeryFrustratedCustomerIsUrgentWhateverTheReason() {
        assertThat(HandoffPriorities.of(List.of(HandoffReasons.NO_ANSWER), 0.9)).isEqualTo(TicketPriority.URGENT);
        assertThat(HandoffPriorities.of(List.of(), 0.0)).isEqualTo(TicketPriority.MEDIUM);
        assertThat(HandoffPriorities.of(List.of("something_new"), 0.0)).isEqualTo(TicketPriority.MEDIUM);
    }
}
