package dev.supportsuite.embedded;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Spring properties that point one service at a Kafka broker and at its own schema of a
 * PostgreSQL server. Used by the local stack and by tests so both wire services the same way.
 */
public final class ServiceInfrastructure {

    private ServiceInfrastructure() {
    }

    /** Kafka settings for any service. */
    public static Map<String, Object> kafka(String bootstrapServers) {
        return Map.of("support.kafka.bootstrap-servers", bootstrapServers);
    }

    /**
     * {@code properties} as Spring command-line arguments ({@code --key=value}), which outrank the
     * service's own configuration file.
     */
    public static String[] commandLine(Map<String, ?> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /** R2DBC and Flyway settings for a service that owns {@code schema}. */
    public static Map<String, Object> database(PostgresServer postgres, String schema) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", postgres.r2dbcUrl(schema));
        properties.put("spring.r2dbc.username", postgres.username());
        properties.put("spring.r2dbc.password", postgres.password());
        properties.put("spring.flyway.url", postgres.jdbcUrl());
        properties.put("spring.flyway.user", postgres.username());
        properties.put("spring.flyway.password", postgres.password());
        return properties;
    }
}
