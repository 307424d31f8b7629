package dev.supportsuite.knowledge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The labelled query set in {@code src/test/resources/eval}: answerable questions with expected documents, and unanswerable ones. */
record LabelledQueries(List<Query> queries) {

    /** One question; {@code expected} is empty for a question the knowledge base cannot answer. */
    record Query(String text, Set<String> expected) {
        boolean answerable() {
            return !expected.isEmpty();
        }

        /** Deterministic split: about 60% of the questions fit the confidence model, the rest test it. */
        boolean training() {
            return Math.floorMod(text.hashCode(), 10) < 6;
        }
    }

    static LabelledQueries load() {
        List<Query> queries = new ArrayList<>();
        for (String line : lines("/eval/answerable.tsv")) {
            String[] parts = line.split("\t", 2);
            queries.add(new Query(parts[1].strip(), Set.of(parts[0].strip().split(","))));
        }
        for (String line : lines("/eval/unanswerable.txt")) {
            queries.add(new Query(line.strip(), Set.of()));
        }
        return new LabelledQueries(List.copyOf(queries));
    }

    private static List<String> lines(String resource) {
        try (InputStream in = LabelledQueries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
