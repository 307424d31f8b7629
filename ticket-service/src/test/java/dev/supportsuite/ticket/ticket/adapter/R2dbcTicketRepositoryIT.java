package dev.supportsuite.ticket.ticket.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import dev.supportsuite.ticket.InfrastructureTestBase;
import dev.supportsuite.ticket.ticket.domain.HistoryEntry;
import dev.supportsuite.ticket.ticket.domain.Ticket;
import dev.supportsuite.ticket.ticket.domain.TicketIds;
import dev.supportsuite.ticket.ticket.domain.TicketPriority;
import dev.supportsuite.ticket.ticket.domain.TicketRepository.IdempotencyClaim;
import dev.supportsuite.ticket.ticket.domain.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-statement create on real PostgreSQL: key, ticket, history and outbox row are written
 * together, or none of them.
 */
class R2dbcTicketRepositoryIT extends InfrastructureTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    DatabaseClient db;

    @Autowired
    JsonMapper mapper;

    @Test
    void writesTicketHistoryAndEventInOneStatementWithoutAKey() {
        R2dbcTicketRepository tickets = new R2dbcTicketRepository(db, mapper);
        Ticket ticket = refundTicket("u-" + UUID.randomUUID(), "conv-42");

        StepVerifier.create(tickets.insertOpened(ticket, created(ticket), Topics.TICKET_EVENTS, opened(ticket,
                        UUID.randomUUID()), null))
                .expectNext(true)
                .verifyComplete();

        StepVerifier.create(tickets.findById(ticket.id())).expectNext(ticket).verifyComplete();
        StepVerifier.create(tickets.history(ticket.id())).expectNext(created(ticket)).verifyComplete();
        assertThat(count("select count(*) from outbox where aggregate_id = :id and topic = 'ticket-events' "
                + "and event_type = 'TicketOpenedEvent' and payload ->> 'conversationId' = 'conv-42'", ticket.id()))
                .isEqualTo(1);
    }

    @Test
    void aTakenKeyWritesNothingAndReportsFalse() {
        R2dbcTicketRepository tickets = new R2dbcTicketRepository(db, mapper);
        String user = "u-" + UUID.randomUUID();
        IdempotencyClaim claim = new IdempotencyClaim(user, "key-" + UUID.randomUUID(), "f1");
        Ticket first = refundTicket(user, null);
        Ticket second = refundTicket(user, null);

        StepVerifier.create(tickets.insertOpened(first, created(first), Topics.TICKET_EVENTS,
                opened(first, UUID.randomUUID()), claim)).expectNext(true).verifyComplete();
        StepVerifier.create(tickets.insertOpened(second, created(second), Topics.TICKET_EVENTS,
                opened(second, UUID.randomUUID()), claim)).expectNext(false).verifyComplete();

        assertThat(count("select count(*) from ticket where user_id = :id", user)).isEqualTo(1);
        assertThat(count("select count(*) from ticket_history where ticket_id = :id", second.id())).isZero();
        assertThat(count("select count(*) from outbox where aggregate_id = :id", second.id())).isZero();
        StepVerifier.create(tickets.findIdempotencyKey(user, claim.key()).map(record -> record.ticketId()))
                .expectNext(first.id())
                .verifyComplete();
    }

    @Test
    void aCreateWhoseEventCannotBeStoredLeavesNoTicketAndNoReservedKey() {
        R2dbcTicketRepository tickets = new R2dbcTicketRepository(db, mapper);
        String user = "u-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Ticket earlier = refundTicket(user, null);
        StepVerifier.create(tickets.insertOpened(earlier, created(earlier), Topics.TICKET_EVENTS,
                opened(earlier, eventId), null)).expectNext(true).verifyComplete();

        // The outbox's unique event id fails the last part of the statement: the key and ticket go too.
        IdempotencyClaim claim = new IdempotencyClaim(user, "key-" + UUID.randomUUID(), "f1");
        Ticket failing = refundTicket(user, null);
        StepVerifier.create(tickets.insertOpened(failing, created(failing), Topics.TICKET_EVENTS,
                        opened(failing, eventId), claim))
                .expectError(DataIntegrityViolationException.class)
                .verify(WAIT);

        assertThat(count("select count(*) from ticket where id = :id", failing.id())).isZero();
        assertThat(count("select count(*) from ticket_history where ticket_id = :id", failing.id())).isZero();
        StepVerifier.create(tickets.findIdempotencyKey(user, claim.key())).verifyComplete();
    }

    private static Ticket refundTicket(String user, String conversationId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new Ticket(TicketIds.next(), user, "Refund for order 77", "I was charged twice for order 77",
                "billing", TicketPriority.HIGH, TicketStatus.OPEN, null, List.of("refund", "card"),
                conversationId, now, now);
    }

    private static HistoryEntry created(Ticket ticket) {
        return new HistoryEntry(ticket.id(), "user:" + ticket.userId(), ticket.createdAt(), "created", null, null,
                ticket.status().wire());
    }

    private static TicketOpenedEvent opened(Ticket ticket, UUID eventId) {
        return new TicketOpenedEvent(eventId, ticket.createdAt(), TicketOpenedEvent.SCHEMA_VERSION, ticket.id(),
                ticket.userId(), ticket.conversationId(), ticket.subject(), ticket.category(),
                ticket.priority().wire(), ticket.status().wire());
    }

    private long count(String sql, String id) {
        return db.sql(sql).bind("id", id).map(row -> row.get(0, Long.class)).one().block(WAIT);
    }
}
