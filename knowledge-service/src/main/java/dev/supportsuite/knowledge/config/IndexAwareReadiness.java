package dev.supportsuite.knowledge.config;

import dev.supportsuite.knowledge.search.domain.IndexState;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The readiness probe's state, refusing traffic while the search index is rebuilt from the documents or
 * after it failed to build: searches are refused then (503), so a load balancer should send none. The
 * {@code reason} detail says which, and for a failure what failed.
 */
class IndexAwareReadiness extends ReadinessStateHealthIndicator {

    private final IndexState state;

    IndexAwareReadiness(ApplicationAvailability availability, IndexState state) {
        super(availability);
        this.state = state;
    }

    @Override
    protected AvailabilityState getState(ApplicationAvailability availability) {
        return state.searchable() ? super.getState(availability) : ReadinessState.REFUSING_TRAFFIC;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        super.doHealthCheck(builder);
        if (state.rebuilding()) {
            builder.withDetail("reason", "the search index is being rebuilt from the documents");
        } else {
            state.failure().ifPresent(failure -> builder.withDetail("reason", "the search index failed to build ("
                    + failure + "); POST /api/v1/knowledge/index/rebuild rebuilds it from the documents"));
        }
    }
}
