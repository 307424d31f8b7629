package dev.supportsuite.embedded;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Testcontainers variants of the infrastructure, used by the test extensions when a Docker engine
 * is reachable and {@code -Dsupport.test.infra=embedded} was not given.
 */
final class ContainerInfrastructure {

    static final String INFRA_PROPERTY = "support.test.infra";

    private ContainerInfrastructure() {
    }

    static boolean preferred() {
        String choice = System.getProperty(INFRA_PROPERTY, "auto");
        if ("embedded".equals(choice)) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static KafkaServer kafka() {
        KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
        container.start();
        return new KafkaServer() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }

    static PostgresServer postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine")
                .withDatabaseName(EmbeddedPostgresServer.DATABASE);
        container.start();
        return new PostgresServer() {
            @Override
            public String host() {
                return container.getHost();
            }

            @Override
            public int port() {
                return container.getFirstMappedPort();
            }

            @Override
            public String database() {
                return EmbeddedPostgresServer.DATABASE;
            }

            @Override
            public String username() {
                return container.getUsername();
            }

            @Override
            public String password() {
                return container.getPassword();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }
}
