package dev.supportsuite.localstack;

import dev.supportsuite.agent.AgentServiceApplication;
import dev.supportsuite.gateway.GatewayApplication;
import dev.supportsuite.knowledge.KnowledgeServiceApplication;
import dev.supportsuite.memory.MemoryServiceApplication;
import dev.supportsuite.sentiment.SentimentServiceApplication;
import dev.supportsuite.ticket.TicketServiceApplication;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The six services of the suite, their default ports and the schema each owns (null: none). */
public enum SuiteService {

    SENTIMENT("sentiment-service", 8084, null, SentimentServiceApplication::builder),
    KNOWLEDGE("knowledge-service", 8082, "knowledge", KnowledgeServiceApplication::builder),
    TICKET("ticket-service", 8083, "ticket", TicketServiceApplication::builder),
    MEMORY("memory-service", 8085, "memory", MemoryServiceApplication::builder),
    AGENT("agent-service", 8081, "agent", AgentServiceApplication::builder),
    GATEWAY("gateway", 8080, null, GatewayApplication::builder);

    private final String serviceName;
    private final int defaultPort;
    private final String schema;
    private final Supplier<SpringApplicationBuilder> builder;

    SuiteService(String serviceName, int defaultPort, String schema, Supplier<SpringApplicationBuilder> builder) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
        this.schema = schema;
        this.builder = builder;
    }

    public String serviceName() {
        return serviceName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String schema() {
        return schema;
    }

    SpringApplicationBuilder newBuilder() {
        return builder.get();
    }
}
