package dev.supportsuite.platform.kafka;

import dev.supportsuite.contracts.Event;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.kafka.sender.KafkaSender;
import reactor.kafka.sender.SenderOptions;
import reactor.kafka.sender.SenderRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events as JSON, keyed by their aggregate id, with the event id and type in headers.
 * The returned Mono completes when the broker has acknowledged the record (all in-sync replicas,
 * idempotent producer), and fails after {@link SupportKafkaProperties#sendTimeout()}.
 */
public class KafkaEventPublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private final KafkaSender<String, byte[]> sender;
    private final JsonMapper mapper;
    private final SupportKafkaProperties properties;

    public KafkaEventPublisher(SupportKafkaProperties properties, JsonMapper mapper, String clientId) {
        this.properties = properties;
        this.mapper = mapper;
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(properties.sendTimeout().toMillis()),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                Math.toIntExact(Math.min(properties.sendTimeout().toMillis(), 30_000)),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.toIntExact(properties.sendTimeout().toMillis()));
        this.sender = KafkaSender.create(SenderOptions.<String, byte[]>create(config)
                .withKeySerializer(new StringSerializer())
                .withValueSerializer(new ByteArraySerializer())
                .stopOnError(false));
    }

    /** Publishes {@code event} to {@code topic} with its aggregate id as the key. */
    public Mono<Void> publish(String topic, Event event) {
        return Mono.fromCallable(() -> toRecord(topic, event))
                .flatMap(record -> sender.send(Mono.just(SenderRecord.create(record, event.eventId()))).next())
                .timeout(properties.sendTimeout().plusSeconds(1))
                .flatMap(result -> result.exception() == null
                        ? Mono.<Void>empty()
                        : Mono.<Void>error(result.exception()))
                .doOnSuccess(ignored -> log.debug("Published eventId={} topic={} key={}", event.eventId(), topic,
                        event.aggregateId()))
                .doOnError(e -> log.warn("Publish failed eventId={} topic={}: {}", event.eventId(), topic,
                        e.toString()));
    }

    /** Sends a raw record, for dead-letter forwarding where the value may not even be JSON. */
    Mono<Void> sendRaw(ProducerRecord<String, byte[]> record) {
        return sender.send(Mono.just(SenderRecord.create(record, record.key())))
                .next()
                .timeout(properties.sendTimeout().plusSeconds(1))
                .flatMap(result -> result.exception() == null
                        ? Mono.<Void>empty()
                        : Mono.<Void>error(result.exception()));
    }

    private ProducerRecord<String, byte[]> toRecord(String topic, Event event) {
        byte[] value = mapper.writeValueAsBytes(event);
        List<Header> headers = List.of(
                header(EventHeaders.EVENT_ID, event.eventId().toString()),
                header(EventHeaders.EVENT_TYPE, event.getClass().getSimpleName()),
                header(EventHeaders.SCHEMA_VERSION, Integer.toString(event.schemaVersion())));
        return new ProducerRecord<>(topic, null, event.aggregateId(), value, headers);
    }

    static Header header(String key, String value) {
        return new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        sender.close();
    }
}
