package dev.supportsuite.gateway.console;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.chat.ChatTypingEvent;
import dev.supportsuite.contracts.conversation.ConversationTurnRecordedEvent;
import dev.supportsuite.contracts.handoff.HandoffClaimedEvent;
import dev.supportsuite.contracts.handoff.HandoffReleasedEvent;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import dev.supportsuite.gateway.config.ServiceRoutesProperties;
import dev.supportsuite.platform.kafka.EventListenerContainer;
import dev.supportsuite.platform.kafka.EventTypes;
import dev.supportsuite.platform.kafka.KafkaEventListenerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** The console: its live feed (from ticket and transcript events), its ticket-service client, its page. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    ConsoleFeed consoleFeed() {
        return new ConsoleFeed();
    }

    @Bean
    WebClient consoleTicketClient(WebClient.Builder http, ServiceRoutesProperties services) {
        return http.baseUrl(services.ticketService().toString()).build();
    }

    @Bean
    EventListenerContainer<Event> consoleTicketEvents(KafkaEventListenerFactory listeners, ConsoleFeed feed) {
        return listeners.broadcast(Topics.TICKET_EVENTS, EventTypes.of(TicketOpenedEvent.class,
                HandoffClaimedEvent.class, HandoffReleasedEvent.class), feed::on);
    }

    @Bean
    EventListenerContainer<ConversationTurnRecordedEvent> consoleConversationEvents(
            KafkaEventListenerFactory listeners, ConsoleFeed feed) {
        return listeners.broadcast(Topics.CONVERSATION_EVENTS, ConversationTurnRecordedEvent.class, feed::on);
    }

    /** Typing signals from every gateway's sockets; the customer messages on the same topic are skipped unread. */
    @Bean
    EventListenerContainer<ChatTypingEvent> consoleTypingEvents(KafkaEventListenerFactory listeners,
            ConsoleFeed feed) {
        return listeners.broadcast(Topics.CHAT_INBOUND, ChatTypingEvent.class, feed::on);
    }

    /** {@code /console}, with or without its slash, is the console page. */
    @Bean
    RouterFunction<ServerResponse> consolePage() {
        return RouterFunctions.route()
                .GET("/console", request -> toConsolePage())
                .GET("/console/", request -> toConsolePage())
                .build();
    }

    private static Mono<ServerResponse> toConsolePage() {
        return ServerResponse.status(HttpStatus.FOUND).header("Location", "/console/index.html").build();
    }
}
