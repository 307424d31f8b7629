package dev.supportsuite.ticket.ticket.domain;

import static dev.supportsuite.ticket.ticket.domain.TicketStatus.CLOSED;
import static dev.supportsuite.ticket.ticket.domain.TicketStatus.IN_PROGRESS;
import static dev.supportsuite.ticket.ticket.domain.TicketStatus.OPEN;
import static dev.supportsuite.ticket.ticket.domain.TicketStatus.RESOLVED;
import static dev.supportsuite.ticket.ticket.domain.TicketStatus.WAITING_ON_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TicketStatusTests {

    /** The allowed moves, written out independently of the enum's own table. */
    private static final Map<TicketStatus, Set<TicketStatus>> ALLOWED = Map.of(
            OPEN, EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED),
            IN_PROGRESS, EnumSet.of(OPEN, WAITING_ON_CUSTOMER, RESOLVED, CLOSED),
            WAITING_ON_CUSTOMER, EnumSet.of(OPEN, IN_PROGRESS, RESOLVED, CLOSED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.noneOf(TicketStatus.class));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @MethodSource("everyPair")
    void allowsExactlyTheDocumentedTransitions(TicketStatus from, TicketStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        assertThat(from.next().contains(to)).isEqualTo(allowed);
    }

    @Test
    void coversAllTwentyFivePairs() {
        assertThat(everyPair()).hasSize(25);
    }

    @Test
    void closedIsFinalAndNoStatusMovesToItself() {
        assertThat(CLOSED.next()).isEmpty();
        for (TicketStatus status : TicketStatus.values()) {
            assertThat(status.canMoveTo(status)).isFalse();
        }
    }

    @Test
    void readsWireValuesAndRejectsOthers() {
        assertThat(TicketStatus.parse("waiting_on_customer")).isEqualTo(WAITING_ON_CUSTOMER);
        assertThat(IN_PROGRESS.wire()).isEqualTo("in_progress");
        assertThatThrownBy(() -> TicketStatus.parse("IN_PROGRESS")).isInstanceOf(InvalidTicketFieldException.class)
                .hasMessageContaining("in_progress");
        assertThatThrownBy(() -> TicketStatus.parse("done")).isInstanceOf(InvalidTicketFieldException.class);
    }

    @Test
    void explainsAForbiddenTransition() {
        assertThat(new InvalidTransitionException(CLOSED, OPEN)).hasMessageContaining("closed to open")
                .hasMessageContaining("none");
        assertThat(new InvalidTransitionException(RESOLVED, IN_PROGRESS)).hasMessageContaining("[closed, open]");
    }
}
