package dev.supportsuite.localstack;

import dev.supportsuite.embedded.EmbeddedKafka;
import dev.supportsuite.embedded.EmbeddedPostgresServer;
import dev.supportsuite.embedded.KafkaServer;
import dev.supportsuite.embedded.PostgresServer;
import dev.supportsuite.embedded.ServiceInfrastructure;
import dev.supportsuite.platform.kafka.EventListenerContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole suite in one JVM: a real Kafka broker (KRaft), a real PostgreSQL, and each service in
 * its own application context on its own port. Services can be stopped and started one by one,
 * which is how the system tests show that a message waits in Kafka while the agent is down.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private static final Duration LISTENER_ASSIGNMENT_TIMEOUT = Duration.ofSeconds(30);

    /** The JDBC auto-configurations support-defaults.yml excludes for every service. */
    private static final String JDBC_EXCLUDES = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration");

    /** Auto-configurations a service without a database must not run even though R2DBC is on this classpath. */
    private static final String NO_DATABASE_EXCLUDES = String.join(",", JDBC_EXCLUDES,
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcProxyAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.health.ConnectionFactoryHealthContributorAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.metrics.ConnectionPoolMetricsAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.observation.R2dbcObservationAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration");

    /**
     * How to start the stack.
     *
     * @param dataDirectory where PostgreSQL keeps its files; null for a throw-away cluster
     * @param postgresPort  PostgreSQL's port, 0 for any free port
     * @param fixedPorts    serve each service on its default port (8080-8085) rather than free ports
     * @param properties    extra properties for every service
     */
    public record Options(Path dataDirectory, int postgresPort, boolean fixedPorts,
            Map<String, Object> properties) {

        public Options {
            properties = Map.copyOf(properties);
        }

        /** Free ports, a throw-away database and a throw-away data directory: for tests and benchmarks. */
        public static Options ephemeral(Map<String, Object> properties) {
            Map<String, Object> all = new LinkedHashMap<>(dataDirectoryProperties(temporaryDirectory()));
            all.putAll(properties);
            return new Options(null, 0, false, all);
        }

        /** Where services keep files (the knowledge index, imported documents) under {@code data}. */
        public static Map<String, Object> dataDirectoryProperties(Path data) {
            return Map.of("support.data-dir", data.toString(),
                    "support.knowledge.import-dir", data.resolve("knowledge_base").toString());
        }

        private static Path temporaryDirectory() {
            try {
                return Files.createTempDirectory("support-suite-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Options options;
    private final KafkaServer kafka;
    private final PostgresServer postgres;
    private final Map<SuiteService, ConfigurableApplicationContext> running = new EnumMap<>(SuiteService.class);
    private final Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);

    private LocalStack(Options options, KafkaServer kafka, PostgresServer postgres) {
        this.options = options;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts the infrastructure and all six services; the gateway last, once it knows the others' ports. */
    public static LocalStack start(Options options) {
        long started = System.nanoTime();
        // Each service is a Spring application of its own, and each start would reset the shared logback
        // configuration while the services already up are logging, losing their lines (a knowledge-service
        // startup line never showed). Logging is configured once, by logback.xml, instead.
        if (System.getProperty(LoggingSystem.SYSTEM_PROPERTY) == null) {
            System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        }
        KafkaServer kafka = EmbeddedKafka.start();
        PostgresServer postgres;
        try {
            postgres = EmbeddedPostgresServer.start(options.dataDirectory(), options.postgresPort());
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
        log.info("Infrastructure up in {} ms: kafka={} postgres={}", (System.nanoTime() - started) / 1_000_000,
                kafka.bootstrapServers(), postgres.jdbcUrl());
        LocalStack stack = new LocalStack(options, kafka, postgres);
        try {
            for (SuiteService service : SuiteService.values()) {
                stack.startService(service);
            }
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        log.info("All services up in {} ms", (System.nanoTime() - started) / 1_000_000);
        return stack;
    }

    /** Starts one service (again) with the same ports it had, or its first port. */
    public synchronized void startService(SuiteService service) {
        if (running.containsKey(service)) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>(ServiceInfrastructure.kafka(kafka.bootstrapServers()));
        int port = ports.getOrDefault(service, options.fixedPorts() ? service.defaultPort() : 0);
        properties.put("server.port", port);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jmx.enabled", false);
        if (service.schema() != null) {
            properties.putAll(ServiceInfrastructure.database(postgres, service.schema()));
        } else {
            properties.put("spring.autoconfigure.exclude", NO_DATABASE_EXCLUDES);
        }
        if (service == SuiteService.AGENT) {
            properties.put("support.agent.services.knowledge-service", "http://localhost:"
                    + ports.get(SuiteService.KNOWLEDGE));
            properties.put("support.agent.services.sentiment-service", "http://localhost:"
                    + ports.get(SuiteService.SENTIMENT));
            properties.put("support.agent.services.ticket-service", "http://localhost:"
                    + ports.get(SuiteService.TICKET));
            properties.put("support.agent.services.memory-service", "http://localhost:"
                    + ports.get(SuiteService.MEMORY));
        }
        if (service != SuiteService.GATEWAY) {
            properties.put("spring.cloud.gateway.server.webflux.enabled", false);
        } else {
            // The local stack is for development: the seed's unauthenticated chat, loudly logged.
            properties.put("support.gateway.security.dev-mode", true);
            for (SuiteService target : SuiteService.values()) {
                if (target != SuiteService.GATEWAY) {
                    properties.put("support.gateway.services." + target.serviceName(), "http://localhost:"
                            + ports.get(target));
                }
            }
        }
        properties.putAll(options.properties());
        long started = System.nanoTime();
        String[] arguments = ServiceInfrastructure.commandLine(properties);
        ConfigurableApplicationContext context = service.newBuilder()
                .registerShutdownHook(false)
                .run(arguments);
        awaitListeners(service, context);
        int actualPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        ports.put(service, actualPort);
        running.put(service, context);
        log.info("Started {} on port {} in {} ms", service.serviceName(), actualPort,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Waits until the service's Kafka listeners own their partitions, so that a message sent right
     * after startup is seen (the gateway's reply listener starts from the latest offset).
     */
    @SuppressWarnings("rawtypes")
    private static void awaitListeners(SuiteService service, ConfigurableApplicationContext context) {
        for (EventListenerContainer listener : context.getBeansOfType(EventListenerContainer.class).values()) {
            try {
                listener.whenAssigned().block(LISTENER_ASSIGNMENT_TIMEOUT);
            } catch (RuntimeException e) {
                log.warn("{} listener on {} has no partitions after {}; continuing", service.serviceName(),
                        listener.topic(), LISTENER_ASSIGNMENT_TIMEOUT);
            }
        }
    }

    /** Stops one service; the rest of the stack keeps running. */
    public synchronized void stopService(SuiteService service) {
        ConfigurableApplicationContext context = running.remove(service);
        if (context != null) {
            context.close();
            log.info("Stopped {}", service.serviceName());
        }
    }

    public int port(SuiteService service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalStateException(service.serviceName() + " has not started");
        }
        return port;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The application context of a running service, for tests that need a bean. */
    public ConfigurableApplicationContext context(SuiteService service) {
        ConfigurableApplicationContext context = running.get(service);
        if (context == null) {
            throw new IllegalStateException(service.serviceName() + " is not running");
        }
        return context;
    }

    /** Stops the gateway first so no new work comes in, then the services, then the infrastructure. */
    @Override
    public synchronized void close() {
        List<SuiteService> order = new ArrayList<>(List.of(SuiteService.values()));
        Collections.reverse(order);
        for (SuiteService service : order) {
            try {
                stopService(service);
            } catch (RuntimeException e) {
                log.warn("Stopping {} failed: {}", service.serviceName(), e.toString());
            }
        }
        try {
            kafka.close();
        } catch (RuntimeException e) {
            log.warn("Stopping Kafka failed: {}", e.toString());
        }
        postgres.close();
    }
}
