package dev.supportsuite.ticket.ticket.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicketPriorityTests {

    @Test
    void readsTheFourWireValues() {
        assertThat(TicketPriority.parse("low")).isEqualTo(TicketPriority.LOW);
        assertThat(TicketPriority.parse("medium")).isEqualTo(TicketPriority.MEDIUM);
        assertThat(TicketPriority.parse("high")).isEqualTo(TicketPriority.HIGH);
        assertThat(TicketPriority.parse("urgent")).isEqualTo(TicketPriority.URGENT);
    }

    @Test
    void rejectsAnythingElseNamingTheAllowedValues() {
        assertThatThrownBy(() -> TicketPriority.parse("critical")).isInstanceOf(InvalidTicketFieldException.class)
                .hasMessageContaining("low, medium, high, urgent");
        assertThatThrownBy(() -> TicketPriority.parse(null)).isInstanceOf(InvalidTicketFieldException.class);
    }

    @Test
    void ranksUrgentHighest() {
        assertThat(TicketPriority.URGENT.rank()).isGreaterThan(TicketPriority.HIGH.rank());
        assertThat(TicketPriority.max(TicketPriority.LOW, TicketPriority.HIGH)).isEqualTo(TicketPriority.HIGH);
    }
}
