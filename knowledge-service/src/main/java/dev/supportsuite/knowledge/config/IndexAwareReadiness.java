package dev.supportsuite.knowledge.config;

import dev.supportsuite.knowledge.search.domain.IndexState;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;

/**
 * The readiness probe's state, refusing traffic while the search index is rebuilt from the documents:
 * searches are refused then (503), so a load balancer should send none.
 */
class IndexAwareReadiness extends ReadinessStateHealthIndicator {

    private final IndexState state;

    IndexAwareReadiness(ApplicationAvailability availability, IndexState state) {
        super(availability);
        this.state = state;
    }

    @Override
    protected AvailabilityState getState(ApplicationAvailability availability) {
        return state.rebuilding() ? ReadinessState.REFUSING_TRAFFIC : super.getState(availability);
    }
}
