package dev.supportsuite.agent.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The services the agent calls during a turn.
 *
 * @param knowledgeService knowledge-service's base URL ({@code KNOWLEDGE_SERVICE_URL})
 * @param knowledgeTimeout a search slower than this counts as failed and the turn says so; default 3 s
 */
@Validated
@ConfigurationProperties("support.agent.services")
public record AgentServicesProperties(
        @NotNull @DefaultValue("http://localhost:8082") URI knowledgeService,
        @NotNull @DefaultValue("3s") Duration knowledgeTimeout) {
}
