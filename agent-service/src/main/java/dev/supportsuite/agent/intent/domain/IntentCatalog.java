package dev.supportsuite.agent.intent.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The set of intents the agent recognises, defined by labelled example utterances.
 *
 * @param examples      the examples, in the order the operator gave them
 * @param minConfidence the confidence below which an utterance is out of scope for this catalog, or
 *                      {@code null} to use the configured default
 */
public record IntentCatalog(List<IntentExample> examples, Double minConfidence) {

    /** Intent names that mark out-of-scope examples (CLINC150 uses {@code oos}). */
    public static final Set<String> OUT_OF_SCOPE_LABELS = Set.of("oos", "out_of_scope");

    /** The intent answered for an utterance that matches no intent of the catalog. */
    public static final String OUT_OF_SCOPE = "out_of_scope";

    public IntentCatalog {
        examples = List.copyOf(examples);
    }

    /**
     * Checks the catalog before it may replace the one in force.
     *
     * @throws InvalidIntentCatalogException naming every problem found
     */
    public IntentCatalog validated(int maxExamples, int minExamplesPerIntent) {
        List<String> problems = new ArrayList<>();
        if (examples.isEmpty()) {
            problems.add("the catalog has no examples");
        }
        if (examples.size() > maxExamples) {
            problems.add("the catalog has " + examples.size() + " examples, more than the limit of " + maxExamples);
        }
        for (int i = 0; i < examples.size() && problems.size() < 20; i++) {
            IntentExample example = examples.get(i);
            if (example == null || isBlank(example.text())) {
                problems.add("example " + (i + 1) + " has no text");
            }
            else if (isBlank(example.intent())) {
                problems.add("example " + (i + 1) + " has no intent");
            }
        }
        IntentCatalog normalised = problems.isEmpty() ? normalised() : this;
        if (problems.isEmpty()) {
            Map<String, Integer> counts = normalised.counts();
            long inScope = counts.keySet().stream().filter(intent -> !isOutOfScopeLabel(intent)).count();
            if (inScope < 2) {
                problems.add("the catalog needs at least 2 intents (besides out of scope), it has " + inScope);
            }
            counts.forEach((intent, count) -> {
                if (count < minExamplesPerIntent) {
                    problems.add("intent '" + intent + "' has " + count + " example(s), at least "
                            + minExamplesPerIntent + " are needed");
                }
            });
        }
        if (minConfidence != null && !(minConfidence >= 0 && minConfidence < 1)) {
            problems.add("minConfidence must be in [0, 1), got " + minConfidence);
        }
        if (!problems.isEmpty()) {
            throw new InvalidIntentCatalogException(problems);
        }
        return normalised;
    }

    /** Number of examples per intent, in order of first appearance. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (IntentExample example : examples) {
            counts.merge(example.intent(), 1, Integer::sum);
        }
        return counts;
    }

    /** A stable fingerprint of the content, for version bookkeeping and caches. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (IntentExample example : examples) {
                digest.update(example.intent().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(example.text().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            digest.update(String.valueOf(minConfidence).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Whether an intent name marks out-of-scope examples. */
    public static boolean isOutOfScopeLabel(String intent) {
        return OUT_OF_SCOPE_LABELS.contains(intent.toLowerCase(Locale.ROOT));
    }

    private IntentCatalog normalised() {
        return new IntentCatalog(examples.stream()
                .map(example -> new IntentExample(example.text().strip(), example.intent().strip()))
                .toList(), minConfidence);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
