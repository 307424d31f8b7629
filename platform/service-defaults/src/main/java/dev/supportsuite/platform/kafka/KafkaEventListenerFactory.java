package dev.supportsuite.platform.kafka;

import dev.supportsuite.contracts.Event;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates {@link EventListenerContainer}s. Declare each container as a bean so the application
 * context starts it after everything it needs, and stops it first on shutdown.
 */
public class KafkaEventListenerFactory {

    private final SupportKafkaProperties properties;
    private final JsonMapper mapper;
    private final ProcessedEventStore store;
    private final KafkaEventPublisher deadLetters;
    private final TopicProvisioner provisioner;
    private final MeterRegistry meters;
    private final String applicationName;

    public KafkaEventListenerFactory(SupportKafkaProperties properties, JsonMapper mapper, ProcessedEventStore store,
            KafkaEventPublisher deadLetters, TopicProvisioner provisioner, MeterRegistry meters,
            String applicationName) {
        this.properties = properties;
        this.mapper = mapper;
        this.store = store;
        this.deadLetters = deadLetters;
        this.provisioner = provisioner;
        this.meters = meters;
        this.applicationName = applicationName;
    }

    /** A listener in the consumer group {@code group}: each record is handled by one member, once. */
    public <T extends Event> EventListenerContainer<T> durable(String topic, String group, Class<T> type,
            Function<T, Mono<Void>> handler) {
        return durable(topic, group, EventTypes.single(type), handler);
    }

    /**
     * A listener for a topic that carries several event types, such as {@code ticket-events}: each
     * record is read as the type its {@code event-type} header names; types not listed are skipped.
     */
    public <T extends Event> EventListenerContainer<T> durable(String topic, String group, EventTypes<T> types,
            Function<T, Mono<Void>> handler) {
        return new EventListenerContainer<>(topic, group, types, handler, false, false, properties, mapper, store,
                deadLetters, provisioner, meters, applicationName);
    }

    /**
     * A durable listener whose handler records the event id in {@code processed_event} itself, in the
     * same statement or transaction as its work, and is idempotent on its own (a redelivered event
     * changes nothing, for example because every row it writes is keyed by a message id). The listener
     * then neither checks nor writes the id: two database round trips less per event than
     * {@link #durable}.
     */
    public <T extends Event> EventListenerContainer<T> durableRecordedByHandler(String topic, String group,
            Class<T> type, Function<T, Mono<Void>> handler) {
        return new EventListenerContainer<>(topic, group, EventTypes.single(type), handler, false, true, properties,
                mapper, store, deadLetters, provisioner, meters, applicationName);
    }

    /** A listener with a group of its own: this process sees every new record of the topic. */
    public <T extends Event> EventListenerContainer<T> broadcast(String topic, Class<T> type,
            Function<T, Mono<Void>> handler) {
        return broadcast(topic, EventTypes.single(type), handler);
    }

    /** A listener with a group of its own for a topic that carries several event types. */
    public <T extends Event> EventListenerContainer<T> broadcast(String topic, EventTypes<T> types,
            Function<T, Mono<Void>> handler) {
        String group = applicationName + "-" + topic + "-" + UUID.randomUUID();
        return new EventListenerContainer<>(topic, group, types, handler, true, false, properties, mapper, store,
                deadLetters, provisioner, meters, applicationName);
    }
}
