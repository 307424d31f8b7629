package dev.supportsuite.agent.chat.domain;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the labelled knowledge questions land in the agent's three bands (no answer, the closest entry offered as
 * such, answered as known), measured against a running knowledge-service: each question is searched over HTTP and
 * the agent's rule is applied to the top hit, once with only the confidence and the names a passage lacks, once
 * with the thing a question asks the product has as well. Prints the counts and every question the second check
 * moves. Start the local stack first, then from the repository root:
 *
 * <pre>
 * ./mvnw -B -q -pl agent-service test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp agent-service/target/test-classes:agent-service/target/classes:$(cat agent-service/target/bench.cp) \
 *     dev.supportsuite.agent.chat.domain.KnowledgeBandsMeasurement [knowledge base URL] [sure confidence]
 * </pre>
 */
public final class KnowledgeBandsMeasurement {

    private static final Path EVAL = Path.of("knowledge-service/src/test/resources/eval");
    /** The product's own words as the local stack configures them: its name and its plans. */
    private static final Set<String> PRODUCT_TERMS = Set.of("pennant", "free", "team", "business", "enterprise");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private KnowledgeBandsMeasurement() {
    }

    private enum Band { MISS, UNSURE, SURE }

    private record Question(String text, Set<String> expected) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String base = args.length > 0 ? args[0] : "http://localhost:8082";
        double sure = args.length > 1 ? Double.parseDouble(args[1]) : 0.7;
        List<Question> answerable = new ArrayList<>();
        for (String line : Files.readAllLines(EVAL.resolve("answerable.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] columns = line.split("\t", 2);
                answerable.add(new Question(columns[1], Set.of(columns[0].split(","))));
            }
        }
        List<Question> unanswerable = new ArrayList<>();
        for (String line : Files.readAllLines(EVAL.resolve("unanswerable.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                unanswerable.add(new Question(line.strip(), Set.of()));
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        JsonMapper json = JsonMapper.builder().build();
        if (args.length > 2) {
            // questions of one's own, each shown with its band
            measure("given", List.of(args).subList(2, args.length).stream().map(text -> new Question(text, Set.of()))
                    .toList(), base, sure, http, json);
            return;
        }
        measure("answerable", answerable, base, sure, http, json);
        measure("unanswerable", unanswerable, base, sure, http, json);
    }

    private static void measure(String label, List<Question> questions, String base, double sure, HttpClient http,
            JsonMapper json) throws IOException, InterruptedException {
        int[] before = new int[Band.values().length];
        int[] after = new int[Band.values().length];
        int[] rightBefore = new int[Band.values().length];
        int[] rightAfter = new int[Band.values().length];
        List<String> moved = new ArrayList<>();
        for (Question question : questions) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/knowledge/search?k=3&q="
                    + URLEncoder.encode(question.text(), StandardCharsets.UTF_8))).timeout(TIMEOUT).GET().build();
            JsonNode found = json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            JsonNode top = found.path("hits").path(0);
            boolean right = question.expected().contains(top.path("documentId").asString(""));
            String passage = top.path("title").asString("") + " " + top.path("text").asString("");
            double confidence = top.path("confidence").asDouble(0);
            Band first;
            if (!found.path("answerable").asBoolean(false) || top.isMissingNode()) {
                first = Band.MISS;
            } else if (confidence < sure || !Phrases.namesMissingFrom(question.text(), passage, PRODUCT_TERMS).isEmpty()) {
                first = Band.UNSURE;
            } else {
                first = Band.SURE;
            }
            Band second = first;
            var thing = Phrases.askedThingMissingFrom(question.text(), passage, PRODUCT_TERMS);
            if (first == Band.SURE && thing.isPresent()) {
                second = Band.UNSURE;
            }
            before[first.ordinal()]++;
            after[second.ordinal()]++;
            if (right) {
                rightBefore[first.ordinal()]++;
                rightAfter[second.ordinal()]++;
            }
            if (question.expected().isEmpty() && label.equals("given")) {
                moved.add(String.format("  %s %.2f [%s] -> %s%s", second, confidence, question.text(),
                        top.path("documentId").asString(""), thing.map(t -> ", \"" + t + "\" missing").orElse("")));
                continue;
            }
            if (second == Band.SURE && !right) {
                moved.add(String.format("  still sure and wrong: %.2f [%s] -> %s", confidence, question.text(),
                        top.path("documentId").asString("")));
            }
            if (thing.isPresent() && first != Band.MISS) {
                moved.add(String.format("  %s %.2f %s [%s] -> %s, \"%s\" missing", right ? "right" : "WRONG",
                        confidence, first, question.text(), top.path("documentId").asString(""), thing.get()));
            }
        }
        System.out.printf("%s (%d): before miss/unsure/sure %d/%d/%d (top hit right %d/%d/%d); "
                + "after %d/%d/%d (right %d/%d/%d)%n", label, questions.size(), before[0], before[1], before[2],
                rightBefore[0], rightBefore[1], rightBefore[2], after[0], after[1], after[2], rightAfter[0],
                rightAfter[1], rightAfter[2]);
        System.out.println(" the asked thing missing from the top passage:");
        moved.forEach(System.out::println);
    }
}
