package dev.supportsuite.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event type against its golden JSON file: what a producer writes must match the file, and
 * the file must read back into an equal record. Run with {@code -Dgolden.write=true} to regenerate
 * the files after an intended, additive change.
 */
class GoldenJsonTests {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private final JsonMapper mapper = JsonMapper.builder().build();

    static Stream<Event> events() {
        return ContractFixtures.all().stream();
    }

    @ParameterizedTest
    @MethodSource("events")
    void writesExactlyTheGoldenJson(Event event) throws IOException {
        Path file = GOLDEN.resolve(event.getClass().getSimpleName() + ".json");
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n");
        }
        JsonNode expected = mapper.readTree(Files.readString(file));
        // Compare parsed trees so that key order and number node types do not matter.
        JsonNode written = mapper.readTree(mapper.writeValueAsString(event));
        assertThat(written).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("events")
    void readsTheGoldenJsonBackIntoAnEqualRecord(Event event) throws IOException {
        Path file = GOLDEN.resolve(event.getClass().getSimpleName() + ".json");
        Object read = mapper.readValue(Files.readString(file), event.getClass());
        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void carriesTheCommonEnvelope(Event event) throws IOException {
        JsonNode written = mapper.valueToTree(event);
        assertThat(written.has("eventId")).isTrue();
        assertThat(written.has("occurredAt")).isTrue();
        assertThat(written.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(written.has("aggregateId")).as("the key is not part of the payload").isFalse();
    }
}
