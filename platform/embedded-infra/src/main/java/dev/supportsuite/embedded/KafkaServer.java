package dev.supportsuite.embedded;

/** A running Kafka broker the suite can talk to, embedded in this JVM or in a container. */
public interface KafkaServer extends AutoCloseable {

    /** The {@code bootstrap.servers} value for clients. */
    String bootstrapServers();

    @Override
    void close();
}
