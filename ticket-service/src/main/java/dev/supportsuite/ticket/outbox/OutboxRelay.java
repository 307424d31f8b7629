package dev.supportsuite.ticket.outbox;

import dev.supportsuite.contracts.Event;
import dev.supportsuite.contracts.handoff.HandoffClaimedEvent;
import dev.supportsuite.contracts.handoff.HandoffReleasedEvent;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import dev.supportsuite.contracts.ticket.TicketUpdatedEvent;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox rows to Kafka in id order and marks them sent. Runs every
 * {@link OutboxProperties#pollInterval()} and after each commit ({@link #nudge()}): at once, unless its
 * previous drain ended less than {@link OutboxProperties#roundGap()} ago, so that under load one round
 * carries the events of many commits. Rows are
 * claimed with {@code for update skip locked}, so several instances never publish the same row at the
 * same time. When Kafka is unreachable the rows stay unsent and go out once it is back; a row may then
 * be published twice (at-least-once), and consumers skip the repeated event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Map<String, Class<? extends Event>> TYPES = Stream.of(TicketOpenedEvent.class,
                    TicketUpdatedEvent.class, HandoffClaimedEvent.class, HandoffReleasedEvent.class)
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));
    private static final Duration FAILURE_PAUSE = Duration.ofMillis(500);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final KafkaEventPublisher publisher;
    private final JsonMapper mapper;
    private final OutboxProperties properties;
    private final Timer delay;
    private final Sinks.Many<Boolean> nudges = Sinks.many().multicast().directBestEffort();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Disposable loop;
    private volatile Disposable purging;
    private volatile boolean healthy = true;

    public OutboxRelay(DatabaseClient db, TransactionalOperator transactions, KafkaEventPublisher publisher,
            JsonMapper mapper, OutboxProperties properties, MeterRegistry meters) {
        this.db = db;
        this.transactions = transactions;
        this.publisher = publisher;
        this.mapper = mapper;
        this.properties = properties;
        this.delay = Timer.builder("ticket.outbox.delay")
                .description("Time from an outbox row's commit to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Asks the relay to look for new rows now; cheap, never blocks, may be called from any thread. */
    public void nudge() {
        nudges.tryEmitNext(Boolean.TRUE);
    }

    @Override
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        loop = Flux.merge(Flux.interval(properties.pollInterval()).map(tick -> Boolean.TRUE), nudges.asFlux())
                .onBackpressureDrop()
                .concatMap(tick -> drain()
                        .onErrorResume(e -> {
                            log.warn("Outbox relay round failed, retrying: {}", e.toString());
                            return Mono.delay(FAILURE_PAUSE).then();
                        })
                        // Nudges arriving meanwhile collapse into the one queued tick: the next drain
                        // takes all their rows in one round.
                        .then(gap()), 1)
                .subscribe();
        purging = Flux.interval(PURGE_INTERVAL, PURGE_INTERVAL)
                .onBackpressureDrop()
                .concatMap(tick -> purge().onErrorResume(e -> {
                    log.warn("Outbox purge failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
        log.info("Outbox relay started pollInterval={} roundGap={}", properties.pollInterval(),
                properties.roundGap());
    }

    private Mono<Void> gap() {
        return properties.roundGap().isZero() ? Mono.empty() : Mono.delay(properties.roundGap()).then();
    }

    /** Publishes rounds until no unsent row is left. */
    Mono<Void> drain() {
        return round().expand(published -> published > 0 ? round() : Mono.empty()).then();
    }

    /**
     * One round: claim up to a batch of unsent rows, publish them in order, mark the published ones
     * sent. The first failed publish cancels the rest of the round; after a failure the next rounds
     * probe with a single row until Kafka answers again, so an outage never piles up sends.
     */
    private Mono<Integer> round() {
        int limit = healthy ? properties.batchSize() : 1;
        Mono<List<Published>> work = db.sql("select id, event_type, payload::text as payload, created_at from outbox "
                        + "where sent_at is null order by id limit :limit for update skip locked")
                .bind("limit", limit)
                .map(row -> new Pending(row.get("id", Long.class), row.get("event_type", String.class),
                        row.get("payload", String.class), row.get("created_at", Instant.class)))
                .all()
                .flatMapSequential(this::publish, properties.concurrency())
                .takeUntil(published -> !published.ok())
                .collectList()
                .flatMap(published -> markSent(published.stream().filter(Published::ok).toList())
                        .thenReturn(published));
        return transactions.transactional(work)
                .flatMap(published -> {
                    boolean failed = published.stream().anyMatch(p -> !p.ok());
                    healthy = !failed;
                    int sent = (int) published.stream().filter(Published::ok).count();
                    // A round cut short by a failure ends the drain; pause before the next poll tries again.
                    return failed ? Mono.delay(FAILURE_PAUSE).thenReturn(0)
                            : Mono.just(published.size() < limit ? 0 : sent);
                });
    }

    private Mono<Published> publish(Pending row) {
        Class<? extends Event> type = TYPES.get(row.type());
        if (type == null) {
            log.error("Outbox row id={} has unknown event-type={}, leaving it unsent", row.id(), row.type());
            return Mono.just(new Published(row, false));
        }
        return Mono.fromCallable(() -> mapper.readValue(row.payload(), type))
                .flatMap(event -> publisher.publish(dev.supportsuite.contracts.Topics.TICKET_EVENTS, event))
                .thenReturn(new Published(row, true))
                .onErrorResume(e -> {
                    log.warn("Outbox publish failed id={} eventType={}, will retry: {}", row.id(), row.type(),
                            e.toString());
                    return Mono.just(new Published(row, false));
                });
    }

    private Mono<Long> markSent(List<Published> published) {
        if (published.isEmpty()) {
            return Mono.just(0L);
        }
        Instant now = Instant.now();
        published.forEach(p -> delay.record(Duration.between(p.row().createdAt(), now)));
        Long[] ids = published.stream().map(p -> p.row().id()).toArray(Long[]::new);
        return db.sql("update outbox set sent_at = now() where id = any(:ids)")
                .bind("ids", ids)
                .fetch()
                .rowsUpdated();
    }

    /** Deletes sent rows older than the retention. */
    Mono<Long> purge() {
        return db.sql("delete from outbox where sent_at is not null and sent_at < now() - make_interval(secs => :secs)")
                .bind("secs", (double) properties.retention().toSeconds())
                .fetch()
                .rowsUpdated();
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false) && loop != null) {
            loop.dispose();
            purging.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private record Pending(long id, String type, String payload, Instant createdAt) {
    }

    private record Published(Pending row, boolean ok) {
    }
}
