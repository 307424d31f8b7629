package dev.supportsuite.agent.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The services the agent calls during a turn, each with a timeout: a call slower than that counts as
 * failed and the turn takes its fallback (and the service's circuit breaker counts it).
 *
 * @param knowledgeService knowledge-service's base URL ({@code KNOWLEDGE_SERVICE_URL})
 * @param sentimentService sentiment-service's base URL ({@code SENTIMENT_SERVICE_URL})
 * @param ticketService    ticket-service's base URL ({@code TICKET_SERVICE_URL})
 * @param memoryService    memory-service's base URL ({@code MEMORY_SERVICE_URL}); asked when a verified
 *                         customer opens a conversation with a greeting
 */
@Validated
@ConfigurationProperties("support.agent.services")
public record AgentServicesProperties(
        @NotNull @DefaultValue("http://localhost:8082") URI knowledgeService,
        @NotNull @DefaultValue("3s") Duration knowledgeTimeout,
        @NotNull @DefaultValue("http://localhost:8084") URI sentimentService,
        @NotNull @DefaultValue("800ms") Duration sentimentTimeout,
        @NotNull @DefaultValue("http://localhost:8083") URI ticketService,
        @NotNull @DefaultValue("3s") Duration ticketTimeout,
        @NotNull @DefaultValue("http://localhost:8085") URI memoryService,
        @NotNull @DefaultValue("500ms") Duration memoryTimeout) {
}
