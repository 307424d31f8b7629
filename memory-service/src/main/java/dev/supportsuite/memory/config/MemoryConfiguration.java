package dev.supportsuite.memory.config;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import dev.supportsuite.memory.MemoryServiceApplication;
import dev.supportsuite.memory.caller.AccessDeniedException;
import dev.supportsuite.memory.caller.MissingIdentityException;
import dev.supportsuite.memory.caller.UserNotFoundException;
import dev.supportsuite.memory.context.adapter.R2dbcContextRepository;
import dev.supportsuite.memory.context.domain.ContextRepository;
import dev.supportsuite.memory.context.domain.ContextService;
import dev.supportsuite.memory.profile.adapter.R2dbcProfileRepository;
import dev.supportsuite.memory.profile.domain.ProfileRepository;
import dev.supportsuite.memory.profile.domain.ProfileRules;
import dev.supportsuite.memory.profile.domain.ProfileService;
import dev.supportsuite.memory.summary.adapter.R2dbcSummaryRepository;
import dev.supportsuite.memory.summary.domain.ExtractiveSummarizer;
import dev.supportsuite.memory.summary.domain.Summarizer;
import dev.supportsuite.memory.summary.domain.SummaryRepository;
import dev.supportsuite.memory.summary.domain.SummaryService;
import dev.supportsuite.memory.summary.domain.TicketIds;
import dev.supportsuite.memory.transcript.adapter.R2dbcTranscriptRepository;
import dev.supportsuite.memory.transcript.domain.ConversationNotFoundException;
import dev.supportsuite.memory.transcript.domain.ConversationOwnershipException;
import dev.supportsuite.memory.transcript.domain.TranscriptRepository;
import dev.supportsuite.memory.transcript.domain.TranscriptService;
import dev.supportsuite.platform.kafka.EventListenerContainer;
import dev.supportsuite.platform.kafka.EventRejectedException;
import dev.supportsuite.platform.kafka.EventTypes;
import dev.supportsuite.platform.kafka.KafkaEventListenerFactory;
import dev.supportsuite.platform.problem.ProblemMapping;
import dev.supportsuite.platform.problem.ProblemMappings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires transcripts, summaries, profiles and contexts, and the two Kafka listeners. */
@Configuration(proxyBeanMethods = false)
class MemoryConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TicketIds ticketIds(MemoryProperties properties) {
        return new TicketIds(properties.ticketIdPattern());
    }

    @Bean
    ProfileRules profileRules(MemoryProperties properties) {
        return new ProfileRules(properties.factTtl());
    }

    /** The summarizer when no other (an LLM adapter) is configured. */
    @Bean
    @ConditionalOnMissingBean
    Summarizer summarizer(TicketIds ticketIds) {
        return new ExtractiveSummarizer(ticketIds);
    }

    @Bean
    TranscriptRepository transcriptRepository(DatabaseClient db, JsonMapper json) {
        return new R2dbcTranscriptRepository(db, json);
    }

    @Bean
    SummaryRepository summaryRepository(DatabaseClient db) {
        return new R2dbcSummaryRepository(db);
    }

    @Bean
    ProfileRepository profileRepository(DatabaseClient db) {
        return new R2dbcProfileRepository(db);
    }

    @Bean
    ContextRepository contextRepository(DatabaseClient db, JsonMapper json) {
        return new R2dbcContextRepository(db, json);
    }

    @Bean
    SummaryService summaryService(TranscriptRepository transcripts, SummaryRepository summaries,
            Summarizer summarizer, TicketIds ticketIds, MemoryProperties properties, Clock clock) {
        return new SummaryService(transcripts, summaries, summarizer, ticketIds, properties.summaryThreshold(),
                properties.maxConversationHistory(), properties.summaryRefreshInterval(), clock);
    }

    @Bean
    TranscriptService transcriptService(TranscriptRepository transcripts, SummaryService summaries,
            ProfileRules rules, TicketIds ticketIds) {
        return new TranscriptService(transcripts, summaries, rules, ticketIds, MemoryServiceApplication.NAME);
    }

    @Bean
    ProfileService profileService(ProfileRepository profiles, ProfileRules rules) {
        return new ProfileService(profiles, rules);
    }

    /**
     * Reads enough messages for the window plus what the summary may not cover yet: up to the
     * summary threshold before the first summary, up to one refresh interval after it.
     */
    @Bean
    ContextService contextService(ContextRepository repository, MemoryProperties properties, Clock clock) {
        int window = properties.maxConversationHistory();
        int fetch = Math.max(properties.summaryThreshold(), window + properties.summaryRefreshInterval());
        return new ContextService(repository, window, fetch, properties.contextTokenBudget(),
                properties.sessionTimeout(), properties.ticketIdPattern(), clock);
    }

    @Bean
    EventListenerContainer<ConversationTurnRecordedEvent> conversationEventsListener(
            KafkaEventListenerFactory listeners, TranscriptService transcripts) {
        // The turn statement records the event id atomically with the messages. A turn for another user's
        // conversation can never be recorded: it goes to the dead-letter topic at once.
        return listeners.durableRecordedByHandler(Topics.CONVERSATION_EVENTS, MemoryServiceApplication.NAME,
                ConversationTurnRecordedEvent.class, event -> transcripts.record(event)
                        .onErrorMap(ConversationOwnershipException.class, EventRejectedException::new));
    }

    @Bean
    EventListenerContainer<Event> ticketEventsListener(KafkaEventListenerFactory listeners,
            ProfileService profiles) {
        return listeners.durable(Topics.TICKET_EVENTS, MemoryServiceApplication.NAME,
                EventTypes.of(TicketOpenedEvent.class, TicketUpdatedEvent.class), profiles::onTicketEvent);
    }

    @Bean
    ProblemMappings memoryProblems() {
        return ProblemMappings.of(
                ProblemMapping.of(MissingIdentityException.class, HttpStatus.UNAUTHORIZED, "identity-required",
                        "Identity required"),
                ProblemMapping.of(ConversationNotFoundException.class, HttpStatus.NOT_FOUND, "conversation-not-found",
                        "Conversation not found"),
                ProblemMapping.of(UserNotFoundException.class, HttpStatus.NOT_FOUND, "user-not-found",
                        "User not found"),
                ProblemMapping.of(AccessDeniedException.class, HttpStatus.FORBIDDEN, "access-denied",
                        "Access denied"));
    }
}
