package dev.supportsuite.knowledge.search.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** When searches are refused: during a rebuild, and after a failure until a rebuild succeeds. */
class IndexStateTests {

    private final IndexState state = new IndexState();

    @Test
    void aFailedIndexIsNotSearchableUntilARebuildSucceeds() {
        state.failed("the startup work failed: java.lang.IllegalArgumentException: vector dimensions differ");
        assertThat(state.searchable()).isFalse();

        assertThatThrownBy(() -> state.whileRebuilding(Mono.error(new IllegalStateException("disk full"))).block())
                .hasMessage("disk full");
        assertThat(state.failure()).contains("the rebuild failed: java.lang.IllegalStateException: disk full");
        assertThat(state.searchable()).isFalse();

        Mono<Boolean> searchableMeanwhile = Mono.fromSupplier(state::searchable);
        assertThat(state.whileRebuilding(searchableMeanwhile).block()).isFalse();

        assertThat(state.failure()).isEmpty();
        assertThat(state.searchable()).isTrue();
        assertThat(state.rebuilding()).isFalse();
        assertThat(state.rebuilds()).isEqualTo(2);
    }

    @Test
    void aRebuildThatFailsLeavesASearchableIndexFailed() {
        assertThat(state.searchable()).isTrue();

        assertThatThrownBy(() -> state.whileRebuilding(Mono.error(new IllegalStateException("embedder gone")))
                .block()).hasMessage("embedder gone");

        assertThat(state.searchable()).isFalse();
        assertThat(state.failure()).contains("the rebuild failed: java.lang.IllegalStateException: embedder gone");
    }
}
