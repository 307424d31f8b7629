package dev.supportsuite.embedded;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that provides one real Kafka broker per test JVM, started on first use and
 * stopped when the JVM's test run ends. Tests read {@link #bootstrapServers()}.
 */
public final class KafkaExtension implements BeforeAllCallback {

    private static final Object LOCK = new Object();
    private static KafkaServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        bootstrapServers();
    }

    /** The running broker's bootstrap servers, starting the broker if needed. */
    public static String bootstrapServers() {
        synchronized (LOCK) {
            if (server == null) {
                server = ContainerInfrastructure.preferred() ? ContainerInfrastructure.kafka() : EmbeddedKafka.start();
                KafkaServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-extension-stop"));
            }
            return server.bootstrapServers();
        }
    }
}
