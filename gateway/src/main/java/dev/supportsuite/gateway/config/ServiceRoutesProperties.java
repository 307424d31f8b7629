package dev.supportsuite.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway finds each service; the routes of {@code gateway.yml} forward to these. A
 * missing value stops startup.
 */
@Validated
@ConfigurationProperties("support.gateway.services")
public record ServiceRoutesProperties(
        @NotNull URI agentService,
        @NotNull URI knowledgeService,
        @NotNull URI ticketService,
        @NotNull URI sentimentService,
        @NotNull URI memoryService) {
}
