package dev.supportsuite.embedded;

import dev.supportsuite.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real single-node Kafka broker (KRaft, no ZooKeeper) inside this JVM. Starts in about 1.5 s.
 * The suite's topics and their dead-letter topics are created up front.
 */
public final class EmbeddedKafka implements KafkaServer {

    /** Partitions per topic: enough to show per-key ordering without wasting two cores. */
    public static final int DEFAULT_PARTITIONS = 3;

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts a broker on a free port; {@link #bootstrapServers()} tells which. (The KRaft test
     * broker does not honour a fixed port, so none is offered.)
     */
    public static EmbeddedKafka start() {
        return start(DEFAULT_PARTITIONS);
    }

    /**
     * Starts a broker whose suite topics have {@code partitions} partitions each, for measurements
     * that should see as many partitions as a deployment has (the services create 12 by default).
     */
    public static EmbeddedKafka start(int partitions) {
        List<String> topics = new ArrayList<>();
        for (String topic : Topics.all()) {
            topics.add(topic);
            topics.add(Topics.deadLetter(topic));
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions,
                topics.toArray(String[]::new));
        // With a single broker these must be 1, or transactional producers and group commits hang.
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "offsets.topic.num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true"));
        broker.afterPropertiesSet();
        return new EmbeddedKafka(broker);
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
