package dev.supportsuite.platform.kafka;

import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * Up once every Kafka listener of the service has been assigned its partitions. Part of the
 * readiness group: a gateway that would miss replies, or an agent that would not see messages, is
 * not ready for traffic.
 */
public class KafkaListenersHealthIndicator implements ReactiveHealthIndicator {

    private final List<EventListenerContainer<?>> containers;

    public KafkaListenersHealthIndicator(List<EventListenerContainer<?>> containers) {
        this.containers = List.copyOf(containers);
    }

    @Override
    public Mono<Health> health() {
        Health.Builder health = Health.up();
        for (EventListenerContainer<?> container : containers) {
            boolean assigned = container.isAssigned();
            health.withDetail(container.topic(), assigned ? "assigned" : "waiting for partitions");
            if (!assigned) {
                health.outOfService();
            }
        }
        return Mono.just(health.build());
    }
}
