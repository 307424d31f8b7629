package dev.supportsuite.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted conversation read from a scenario file. The format, one item per line:
 * <pre>
 * ## title                      starts a scenario
 * as: u-1001 | visitor | fresh  who chats (fresh: a new user id nobody else uses)
 * setup: other-ticket u-1002    opens a ticket for another user, known as {other} in later lines
 * &gt; text                        a customer message; {ticket} is the last ticket id the agent mentioned
 * !claim | !resolve note        a human agent claims the conversation's handoff / resolves it
 *   key=value ...               what the reply to the line above must show (see {@link Step})
 * # ...                         a comment
 * </pre>
 */
record Scenario(String title, String as, List<String> setup, List<Step> steps) {

    /**
     * One line of the conversation and what must follow it. Keys: {@code intent} (alternatives with
     * {@code |}), {@code notintent}, {@code route} ({@code knowledge}, {@code tool}, {@code handoff},
     * {@code direct}, {@code ask}, {@code out_of_scope}, {@code silent}), {@code tools} (the exact tool
     * names, comma-separated, {@code -} for none), {@code escalated}, {@code role}, {@code contains} and
     * {@code lacks} (case-insensitive, repeatable), and the flag {@code cites}.
     */
    record Step(String kind, String text, Map<String, List<String>> expect) {

        String one(String key) {
            List<String> values = expect.get(key);
            return values == null ? null : values.get(0);
        }

        List<String> all(String key) {
            return expect.getOrDefault(key, List.of());
        }
    }

    private static final Pattern PAIR = Pattern.compile("(\\w+)(?:=(\"[^\"]*\"|\\S+))?");

    static List<Scenario> load(String resource) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        try (InputStream in = Scenario.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String title = null;
            String as = "fresh";
            List<String> setup = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("# ")) {
                    continue;
                }
                if (line.startsWith("## ")) {
                    if (title != null) {
                        scenarios.add(new Scenario(title, as, setup, steps));
                    }
                    title = line.substring(3).strip();
                    as = "fresh";
                    setup = new ArrayList<>();
                    steps = new ArrayList<>();
                } else if (line.startsWith("as:")) {
                    as = line.substring(3).strip();
                } else if (line.startsWith("setup:")) {
                    setup.add(line.substring(6).strip());
                } else if (line.startsWith("> ")) {
                    steps.add(new Step("say", line.substring(2).strip(), new LinkedHashMap<>()));
                } else if (line.startsWith("!")) {
                    String[] parts = line.substring(1).strip().split(" ", 2);
                    steps.add(new Step(parts[0], parts.length > 1 ? parts[1] : "", new LinkedHashMap<>()));
                } else if (line.startsWith("  ") && !steps.isEmpty()) {
                    Matcher pair = PAIR.matcher(line.strip());
                    Map<String, List<String>> expect = steps.get(steps.size() - 1).expect();
                    while (pair.find()) {
                        String value = pair.group(2) == null ? "true" : pair.group(2).replaceAll("^\"|\"$", "");
                        expect.computeIfAbsent(pair.group(1), key -> new ArrayList<>()).add(value);
                    }
                } else {
                    throw new IOException("Cannot read scenario line: " + line);
                }
            }
            if (title != null) {
                scenarios.add(new Scenario(title, as, setup, steps));
            }
        }
        return scenarios;
    }
}
