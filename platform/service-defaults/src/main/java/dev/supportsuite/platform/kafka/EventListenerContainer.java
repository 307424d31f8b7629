package dev.supportsuite.platform.kafka;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.kafka.receiver.KafkaReceiver;
import reactor.kafka.receiver.ReceiverOptions;
import reactor.kafka.receiver.ReceiverRecord;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes one topic and runs a handler for each event, with the guarantees every consumer of the
 * suite needs:
 * <ul>
 * <li>records of one partition (so of one aggregate) are handled one at a time, in order;</li>
 * <li>an offset is acknowledged only after the handler's Mono completed and the event id was
 *     recorded, so a crash redelivers rather than loses;</li>
 * <li>an event id already recorded for this group is skipped (at-least-once becomes
 *     effectively-once), unless the handler records ids and is idempotent itself;</li>
 * <li>a failing handler is retried with exponential backoff, then the record goes to
 *     {@code <topic>-dlt} with the error in a header; a record that is not valid JSON goes there at
 *     once.</li>
 * </ul>
 * A <em>durable</em> container belongs to a named group and starts from the earliest uncommitted
 * record; a <em>broadcast</em> container has a group of its own per process and starts from the
 * latest record, so that every gateway instance sees every reply.
 *
 * @param <T> the event type of the topic
 */
public final class EventListenerContainer<T extends Event> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventListenerContainer.class);
    private static final Duration RESTART_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_RESTART_BACKOFF = Duration.ofSeconds(15);

    private final String topic;
    private final String group;
    private final EventTypes<T> types;
    private final Function<T, Mono<Void>> handler;
    private final boolean broadcast;
    private final boolean handlerRecordsIds;
    private final SupportKafkaProperties properties;
    private final JsonMapper mapper;
    private final ProcessedEventStore store;
    private final KafkaEventPublisher deadLetters;
    private final TopicProvisioner provisioner;
    private final MeterRegistry meters;
    private final String clientId;
    private final Sinks.One<Boolean> assigned = Sinks.one();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean hasPartitions = new AtomicBoolean();
    private volatile Disposable subscription;

    EventListenerContainer(String topic, String group, EventTypes<T> types, Function<T, Mono<Void>> handler,
            boolean broadcast, boolean handlerRecordsIds, SupportKafkaProperties properties, JsonMapper mapper, ProcessedEventStore store,
            KafkaEventPublisher deadLetters, TopicProvisioner provisioner, MeterRegistry meters, String clientId) {
        this.topic = topic;
        this.group = group;
        this.types = types;
        this.handler = handler;
        this.broadcast = broadcast;
        this.handlerRecordsIds = handlerRecordsIds;
        this.properties = properties;
        this.mapper = mapper;
        this.store = store;
        this.deadLetters = deadLetters;
        this.provisioner = provisioner;
        this.meters = meters;
        this.clientId = clientId;
    }

    public String topic() {
        return topic;
    }

    public String group() {
        return group;
    }

    /** Whether the consumer has been assigned partitions since it started. */
    public boolean isAssigned() {
        return hasPartitions.get();
    }

    /** Completes once the consumer has been assigned its partitions, so it will see new records. */
    public Mono<Void> whenAssigned() {
        return assigned.asMono().then();
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        ReceiverOptions<String, byte[]> options = ReceiverOptions.<String, byte[]>create(consumerConfig())
                .withKeyDeserializer(new StringDeserializer())
                .withValueDeserializer(new ByteArrayDeserializer())
                .commitInterval(properties.commitInterval())
                .addAssignListener(partitions -> {
                    log.info("Assigned topic={} group={} partitions={}", topic, group, partitions.size());
                    hasPartitions.set(true);
                    assigned.tryEmitValue(Boolean.TRUE);
                })
                .subscription(List.of(topic));
        subscription = provisioner.ensure(topic, Topics.deadLetter(topic))
                .thenMany(Mono.fromCallable(() -> KafkaReceiver.create(options)).flatMapMany(KafkaReceiver::receive))
                .groupBy(record -> record.receiverOffset().topicPartition())
                .flatMap(partition -> partition.concatMap(this::process), Integer.MAX_VALUE)
                .doOnError(e -> log.warn("Listener topic={} group={} failed, restarting: {}", topic, group,
                        e.toString()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, RESTART_BACKOFF).maxBackoff(MAX_RESTART_BACKOFF))
                .subscribe();
        log.info("Listening topic={} group={} broadcast={}", topic, group, broadcast);
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, broadcast ? "latest" : "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    private Mono<Void> process(ReceiverRecord<String, byte[]> record) {
        return Mono.defer(() -> {
            String typeName = headerValue(record, EventHeaders.EVENT_TYPE);
            Class<? extends T> type = types.resolve(typeName);
            if (type == null) {
                // Another producer's newer event type on a shared topic: not ours to handle.
                log.debug("Ignoring event-type={} on topic={} group={}", typeName, topic, group);
                count("ignored");
                return Mono.<Void>empty();
            }
            T event;
            try {
                event = mapper.readValue(record.value(), type);
            } catch (RuntimeException e) {
                return deadLetter(record, "not a valid " + type.getSimpleName() + ": " + e.getMessage());
            }
            if (event == null || event.eventId() == null) {
                return deadLetter(record, "no event id");
            }
            if (handlerRecordsIds) {
                // The handler records the id with its work and is idempotent itself: no check, no second write.
                return handle(event)
                        .doOnSuccess(ignored -> count("processed"))
                        .onErrorResume(e -> deadLetter(record, describe(e)));
            }
            return store.isProcessed(group, event.eventId()).flatMap(done -> {
                if (done) {
                    log.debug("Skipping duplicate eventId={} group={}", event.eventId(), group);
                    count("duplicate");
                    return Mono.<Void>empty();
                }
                return handle(event)
                        .then(store.markProcessed(group, event.eventId()))
                        .doOnSuccess(ignored -> count("processed"))
                        .onErrorResume(e -> deadLetter(record, describe(e)));
            });
        }).then(Mono.fromRunnable(record.receiverOffset()::acknowledge));
    }

    private Mono<Void> handle(T event) {
        return Mono.defer(() -> handler.apply(event))
                .timeout(properties.handlerTimeout())
                .doOnError(e -> log.warn("Handler failed eventId={} topic={} group={}: {}", event.eventId(), topic,
                        group, e.toString()))
                .retryWhen(Retry.backoff(properties.maxAttempts() - 1L, properties.retryBackoff())
                        .maxBackoff(properties.maxRetryBackoff())
                        .filter(error -> !(error instanceof EventRejectedException)));
    }

    private Mono<Void> deadLetter(ReceiverRecord<String, byte[]> record, String error) {
        String dlt = Topics.deadLetter(topic);
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(dlt, null, record.key(), record.value());
        for (Header header : record.headers()) {
            copy.headers().add(header);
        }
        copy.headers().add(KafkaEventPublisher.header(EventHeaders.ERROR, truncate(error)));
        copy.headers().add(KafkaEventPublisher.header(EventHeaders.FAILED_GROUP, group));
        log.error("Dead-lettering record topic={} partition={} offset={} group={} to {}: {}", topic,
                record.partition(), record.offset(), group, dlt, truncate(error));
        count("dead_lettered");
        return deadLetters.sendRaw(copy);
    }

    private String describe(Throwable error) {
        if (error instanceof EventRejectedException rejected) {
            return "rejected without retries: " + rejected.getCause();
        }
        if (Exceptions.isRetryExhausted(error) && error.getCause() != null) {
            return "failed " + properties.maxAttempts() + " attempts, last: " + error.getCause();
        }
        return error.toString();
    }

    private static String headerValue(ReceiverRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void count(String outcome) {
        if (meters != null) {
            meters.counter("support.kafka.listener.records", "topic", topic, "group", group, "outcome", outcome)
                    .increment();
        }
    }

    private static String truncate(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= 1000 ? text : text.substring(0, Math.min(text.length(), 1000));
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            Disposable current = subscription;
            if (current != null) {
                current.dispose();
            }
            log.info("Stopped listening topic={} group={}", topic, group);
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
