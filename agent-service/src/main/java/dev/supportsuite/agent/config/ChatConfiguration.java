package dev.supportsuite.agent.config;

import dev.supportsuite.agent.AgentServiceApplication;
import dev.supportsuite.agent.chat.adapter.Downstream;
import dev.supportsuite.agent.chat.adapter.KafkaTurnPublisher;
import dev.supportsuite.agent.chat.adapter.KnowledgeClient;
import dev.supportsuite.agent.chat.adapter.ModelAnswers;
import dev.supportsuite.agent.chat.adapter.MemoryClient;
import dev.supportsuite.agent.chat.adapter.SentimentClient;
import dev.supportsuite.agent.chat.adapter.TicketDeskClient;
import dev.supportsuite.agent.chat.domain.AccountLookup;
import dev.supportsuite.agent.chat.domain.DeskEvents;
import dev.supportsuite.agent.chat.domain.DirectAnswers;
import dev.supportsuite.agent.chat.domain.Handoffs;
import dev.supportsuite.agent.chat.domain.HumanWait;
import dev.supportsuite.agent.chat.domain.KnowledgeAnswers;
import dev.supportsuite.agent.chat.domain.KnowledgeSearch;
import dev.supportsuite.agent.chat.domain.RoutingPolicy;
import dev.supportsuite.agent.chat.domain.SupportDesk;
import dev.supportsuite.agent.chat.domain.TicketTools;
import dev.supportsuite.agent.chat.domain.TurnPublisher;
import dev.supportsuite.agent.chat.domain.TurnService;
import dev.supportsuite.agent.chat.domain.Understander;
import dev.supportsuite.agent.conversation.adapter.R2dbcConversationStateRepository;
import dev.supportsuite.agent.conversation.domain.ConversationStateRepository;
import dev.supportsuite.agent.intent.domain.EntityExtractor;
import dev.supportsuite.agent.intent.domain.IntentService;
import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.handoff.HandoffClaimedEvent;
import dev.supportsuite.contracts.handoff.HandoffReleasedEvent;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import dev.supportsuite.platform.kafka.EventListenerContainer;
import dev.supportsuite.platform.kafka.EventTypes;
import dev.supportsuite.platform.kafka.KafkaEventListenerFactory;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The chat turn: its steps, the services it calls (each with a timeout and a circuit breaker), its listeners. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChatConfiguration.class);
    private static final Duration SWEEP_AT_MOST_EVERY = Duration.ofSeconds(10);

    @Bean
    CircuitBreakerRegistry agentCircuitBreakers(CircuitBreakerProperties properties) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRate())
                .slidingWindowSize(properties.window())
                .minimumNumberOfCalls(properties.minimumCalls())
                .waitDurationInOpenState(properties.openFor())
                .permittedNumberOfCallsInHalfOpenState(properties.trialCalls())
                .ignoreExceptions(SupportDesk.Refusal.class)
                .build());
    }

    @Bean
    ConversationStateRepository conversationStates(DatabaseClient db, JsonMapper json) {
        return new R2dbcConversationStateRepository(db, json);
    }

    @Bean
    TurnPublisher turnPublisher(KafkaEventPublisher publisher) {
        return new KafkaTurnPublisher(publisher);
    }

    @Bean
    SupportDesk supportDesk(WebClient.Builder http, AgentServicesProperties services,
            CircuitBreakerRegistry breakers) {
        return new TicketDeskClient(http, services.ticketService(),
                downstream(breakers, "ticket-service", services.ticketTimeout()));
    }

    @Bean
    KnowledgeSearch knowledgeSearch(WebClient.Builder http, AgentServicesProperties services,
            CircuitBreakerRegistry breakers) {
        return new KnowledgeClient(http, services.knowledgeService(),
                downstream(breakers, "knowledge-service", services.knowledgeTimeout()));
    }

    @Bean
    TurnService turnService(ConversationStateRepository states, TurnPublisher publisher, IntentService intents,
            IntentProperties intentProperties, SupportDesk desk, KnowledgeSearch knowledgeSearch,
            WebClient.Builder http, AgentServicesProperties services, RoutingProperties routing,
            CircuitBreakerRegistry breakers, LlmProperties llm, ProductProperties product, JsonMapper json) {
        Clock clock = Clock.systemUTC();
        EntityExtractor entities = new EntityExtractor(clock, intentProperties.plans());
        Understander understander = new Understander(intents::classify, entities::extract,
                new SentimentClient(http, services.sentimentService(),
                        downstream(breakers, "sentiment-service", services.sentimentTimeout())),
                routing.classifierTimeout());
        RoutingPolicy policy = new RoutingPolicy(new RoutingPolicy.Settings(routing.handoffFrustration(),
                routing.negativePolarity(), routing.unansweredHandoff(), product.name()));
        Handoffs handoffs = new Handoffs();
        Set<String> plans = new HashSet<>();
        intentProperties.plans().forEach(plan -> plans.add(plan.toLowerCase(Locale.ROOT)));
        Set<String> productTerms = new HashSet<>(product.nameWords());
        productTerms.addAll(plans);
        KnowledgeAnswers knowledge = new KnowledgeAnswers(knowledgeSearch, handoffs, routing.unansweredHandoff(),
                routing.sureAnswerConfidence(), productTerms, plans);
        MemoryClient memory = new MemoryClient(http, services.memoryService(),
                downstream(breakers, "memory-service", services.memoryTimeout()));
        TurnService turns = new TurnService(states, understander, policy, knowledge, new TicketTools(desk, clock),
                new AccountLookup(desk), new DirectAnswers(product.name(), product.description()), handoffs,
                publisher, clock)
                .withMemory(memory);
        if (llm.openAi()) {
            log.info("Language model on: {} at {} (the composer answers when it fails)", llm.model(), llm.baseUrl());
            StreamingChatModel model = OpenAiStreamingChatModel.builder()
                    .baseUrl(llm.baseUrl())
                    .apiKey(llm.apiKey() == null || llm.apiKey().isBlank() ? "none" : llm.apiKey())
                    .modelName(llm.model())
                    .timeout(llm.timeout())
                    .temperature(0.2)
                    .build();
            turns.withModel(new ModelAnswers(model, knowledgeSearch, desk, json, llm.maxToolRounds(),
                    product.introduction()).withMemory(memory),
                    llm.timeout());
        } else {
            log.info("No language model configured: answers come from the grounded composer");
        }
        return turns;
    }

    @Bean
    DeskEvents deskEvents(ConversationStateRepository states, TurnPublisher publisher, RoutingProperties routing) {
        return new DeskEvents(states, publisher, Clock.systemUTC(), routing.openConversation());
    }

    @Bean
    HumanWait humanWait(ConversationStateRepository states, TurnPublisher publisher, RoutingProperties routing) {
        return new HumanWait(states, publisher, Clock.systemUTC(), routing.humanWait());
    }

    /** Looks for customers who waited too long for a human, every tenth of the wait (at most every 10 s). */
    @Bean
    SmartLifecycle humanWaitSweeper(HumanWait wait, RoutingProperties routing) {
        Duration tenth = routing.humanWait().dividedBy(10).plusMillis(1);
        Duration every = tenth.compareTo(SWEEP_AT_MOST_EVERY) > 0 ? SWEEP_AT_MOST_EVERY : tenth;
        return new SmartLifecycle() {
            private volatile Disposable running;

            @Override
            public void start() {
                running = Flux.interval(every)
                        .concatMap(tick -> wait.sweep().onErrorResume(e -> {
                            log.warn("Human wait sweep failed: {}", e.toString());
                            return Mono.just(0L);
                        }))
                        .subscribe(told -> {
                            if (told > 0) {
                                log.info("Told {} waiting customers that nobody is free yet", told);
                            }
                        });
            }

            @Override
            public void stop() {
                Disposable current = running;
                if (current != null) {
                    current.dispose();
                }
                running = null;
            }

            @Override
            public boolean isRunning() {
                return running != null;
            }
        };
    }

    @Bean
    EventListenerContainer<ChatInboundMessage> chatInboundListener(KafkaEventListenerFactory listeners,
            TurnService turns) {
        return listeners.durable(Topics.CHAT_INBOUND, AgentServiceApplication.NAME, ChatInboundMessage.class,
                turns::handle);
    }

    @Bean
    EventListenerContainer<Event> ticketEventsListener(KafkaEventListenerFactory listeners, DeskEvents events) {
        return listeners.durable(Topics.TICKET_EVENTS, AgentServiceApplication.NAME,
                EventTypes.of(TicketUpdatedEvent.class, HandoffClaimedEvent.class, HandoffReleasedEvent.class),
                events::on);
    }

    private static Downstream downstream(CircuitBreakerRegistry breakers, String service, Duration timeout) {
        return new Downstream(breakers.circuitBreaker(service), timeout);
    }
}
