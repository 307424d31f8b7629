package dev.supportsuite.ticket.config;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import dev.supportsuite.contracts.handoff.HandoffWithdrawnEvent;
import dev.supportsuite.platform.kafka.EventListenerContainer;
import dev.supportsuite.platform.kafka.EventTypes;
import dev.supportsuite.platform.kafka.KafkaEventListenerFactory;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import dev.supportsuite.platform.problem.ProblemMapping;
import dev.supportsuite.platform.problem.ProblemMappings;
import dev.supportsuite.ticket.TicketServiceApplication;
import dev.supportsuite.ticket.account.adapter.R2dbcAccountRepository;
import dev.supportsuite.ticket.account.domain.AccountNotFoundException;
import dev.supportsuite.ticket.account.domain.AccountService;
import dev.supportsuite.ticket.handoff.adapter.AgentReplyListener;
import dev.supportsuite.ticket.handoff.adapter.HandoffRequestListener;
import dev.supportsuite.ticket.handoff.adapter.R2dbcHandoffRepository;
import dev.supportsuite.ticket.handoff.domain.HandoffConflictException;
import dev.supportsuite.ticket.handoff.domain.HandoffNotFoundException;
import dev.supportsuite.ticket.handoff.domain.HandoffService;
import dev.supportsuite.ticket.outbox.OutboxProperties;
import dev.supportsuite.ticket.outbox.OutboxRelay;
import dev.supportsuite.ticket.outbox.R2dbcEventOutbox;
import dev.supportsuite.ticket.outbox.R2dbcTransactions;
import dev.supportsuite.ticket.shared.EventOutbox;
import dev.supportsuite.ticket.shared.ForbiddenException;
import dev.supportsuite.ticket.shared.Transactions;
import dev.supportsuite.ticket.shared.UnauthenticatedException;
import dev.supportsuite.ticket.shared.UnknownUserException;
import dev.supportsuite.ticket.shared.adapter.CallerIdentityResolver;
import dev.supportsuite.ticket.ticket.adapter.R2dbcTicketRepository;
import dev.supportsuite.ticket.ticket.domain.IdempotencyKeyReusedException;
import dev.supportsuite.ticket.ticket.domain.InvalidTicketFieldException;
import dev.supportsuite.ticket.ticket.domain.InvalidTransitionException;
import dev.supportsuite.ticket.ticket.domain.TicketNotFoundException;
import dev.supportsuite.ticket.ticket.domain.TicketService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Wires the ticket, handoff and account features to R2DBC, the outbox relay and Kafka. */
@Configuration(proxyBeanMethods = false)
class TicketServiceConfiguration {

    @Bean
    WebFluxConfigurer callerIdentityArguments() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerIdentityResolver());
            }
        };
    }

    @Bean
    TransactionalOperator ticketTransactionalOperator(ObjectProvider<ReactiveTransactionManager> managers,
            ConnectionFactory connections) {
        ReactiveTransactionManager manager = managers.getIfUnique(() -> new R2dbcTransactionManager(connections));
        return TransactionalOperator.create(manager);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator ticketTransactionalOperator,
            KafkaEventPublisher publisher, JsonMapper mapper, OutboxProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(db, ticketTransactionalOperator, publisher, mapper, properties,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    Transactions transactions(TransactionalOperator ticketTransactionalOperator, OutboxRelay relay) {
        return new R2dbcTransactions(ticketTransactionalOperator, relay);
    }

    @Bean
    EventOutbox eventOutbox(DatabaseClient db, JsonMapper mapper) {
        return new R2dbcEventOutbox(db, mapper);
    }

    @Bean
    TicketService ticketService(DatabaseClient db, JsonMapper mapper, EventOutbox outbox,
            Transactions transactions) {
        return new TicketService(new R2dbcTicketRepository(db, mapper), outbox, transactions);
    }

    @Bean
    HandoffService handoffService(DatabaseClient db, TicketService tickets, EventOutbox outbox,
            Transactions transactions) {
        return new HandoffService(new R2dbcHandoffRepository(db), tickets, outbox, transactions);
    }

    @Bean
    AccountService accountService(DatabaseClient db) {
        return new AccountService(new R2dbcAccountRepository(db));
    }

    @Bean
    EventListenerContainer<Event> handoffRequests(KafkaEventListenerFactory listeners, HandoffService handoffs) {
        HandoffRequestListener listener = new HandoffRequestListener(handoffs);
        return listeners.durable(Topics.HANDOFF_EVENTS, TicketServiceApplication.NAME,
                EventTypes.of(HandoffRequestedEvent.class, HandoffWithdrawnEvent.class), listener::handle);
    }

    @Bean
    EventListenerContainer<ConversationTurnRecordedEvent> agentReplies(KafkaEventListenerFactory listeners,
            HandoffService handoffs) {
        AgentReplyListener listener = new AgentReplyListener(handoffs);
        return listeners.durable(Topics.CONVERSATION_EVENTS, TicketServiceApplication.NAME,
                ConversationTurnRecordedEvent.class, listener::handle);
    }

    @Bean
    ProblemMappings ticketServiceProblems() {
        return ProblemMappings.of(
                ProblemMapping.of(UnauthenticatedException.class, HttpStatus.UNAUTHORIZED, "unauthenticated",
                        "No verified caller"),
                ProblemMapping.of(ForbiddenException.class, HttpStatus.FORBIDDEN, "forbidden", "Not allowed"),
                ProblemMapping.of(TicketNotFoundException.class, HttpStatus.NOT_FOUND, "ticket-not-found",
                        "Ticket not found"),
                ProblemMapping.of(UnknownUserException.class, HttpStatus.NOT_FOUND, "user-not-found",
                        "User not found"),
                ProblemMapping.of(AccountNotFoundException.class, HttpStatus.NOT_FOUND, "account-not-found",
                        "Account not found"),
                ProblemMapping.of(InvalidTicketFieldException.class, HttpStatus.BAD_REQUEST, "invalid-ticket-field",
                        "Invalid field value"),
                ProblemMapping.of(InvalidTransitionException.class, HttpStatus.CONFLICT, "invalid-status-transition",
                        "Status change not allowed"),
                ProblemMapping.of(IdempotencyKeyReusedException.class,
                        HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                        "Idempotency key reused"),
                ProblemMapping.of(HandoffNotFoundException.class, HttpStatus.NOT_FOUND, "handoff-not-found",
                        "Handoff not found"),
                ProblemMapping.of(HandoffConflictException.class, HttpStatus.CONFLICT, "handoff-conflict",
                        "Handoff not in a state for this action"));
    }
}
