package dev.supportsuite.platform.problem;

import java.util.List;

/**
 * A service's domain exceptions and their problem types, declared as one bean:
 * {@code ProblemMappings.of(ProblemMapping.of(...), ProblemMapping.of(...))}.
 */
public record ProblemMappings(List<ProblemMapping> mappings) {

    public ProblemMappings {
        mappings = List.copyOf(mappings);
    }

    public static ProblemMappings of(ProblemMapping... mappings) {
        return new ProblemMappings(List.of(mappings));
    }
}
