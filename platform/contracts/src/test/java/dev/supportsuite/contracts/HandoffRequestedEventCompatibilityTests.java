package dev.supportsuite.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.handoff.HandoffRequestedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code topic} was added to {@link HandoffRequestedEvent} without a new schema version, so both
 * directions must keep working: events of producers that predate it, and consumers that predate it.
 */
class HandoffRequestedEventCompatibilityTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/HandoffRequestedEvent.json");
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** The record as it was before {@code topic}, as an older consumer still has it. */
    record HandoffRequestedEventWithoutTopic(UUID eventId, Instant occurredAt, int schemaVersion, String handoffId,
            String conversationId, String userId, List<String> reasons, String summary, double frustration) {
    }

    @Test
    void anEventWithoutTopicReadsWithANullTopic() throws IOException {
        ObjectNode json = (ObjectNode) mapper.readTree(Files.readString(GOLDEN));
        assertThat(json.remove("topic")).as("the golden file carries a topic").isNotNull();

        HandoffRequestedEvent read = mapper.treeToValue(json, HandoffRequestedEvent.class);

        HandoffRequestedEvent expected = ContractFixtures.handoffRequested();
        assertThat(read.topic()).isNull();
        assertThat(read).isEqualTo(new HandoffRequestedEvent(expected.eventId(), expected.occurredAt(),
                expected.schemaVersion(), expected.handoffId(), expected.conversationId(), expected.userId(),
                expected.reasons(), expected.summary(), expected.frustration()));
    }

    @Test
    void aConsumerThatPredatesTopicReadsAnEventWithIt() throws IOException {
        HandoffRequestedEventWithoutTopic read = mapper.readValue(Files.readString(GOLDEN),
                HandoffRequestedEventWithoutTopic.class);

        HandoffRequestedEvent written = ContractFixtures.handoffRequested();
        assertThat(written.topic()).isNotNull();
        assertThat(read.handoffId()).isEqualTo(written.handoffId());
        assertThat(read.summary()).isEqualTo(written.summary());
        assertThat(read.reasons()).isEqualTo(written.reasons());
    }

    @Test
    void theConstructorWithoutTopicLeavesItNull() {
        HandoffRequestedEvent event = new HandoffRequestedEvent(UUID.randomUUID(), Instant.now(),
                HandoffRequestedEvent.SCHEMA_VERSION, "h-1", "c-1", "u-1", null, "summary", 0.2);

        assertThat(event.topic()).isNull();
        assertThat(event.reasons()).isEmpty();
        assertThat(event.schemaVersion()).isEqualTo(1);
    }
}
