package dev.supportsuite.knowledge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Unrelated texts for the distractor runs, read at benchmark time from the shared development
 * data (never shipped): BANKING77 and CLINC150 utterances and movie-review and editorial
 * snippets, interleaved so any prefix mixes all sources, without duplicates.
 */
final class Distractors {

    private Distractors() {
    }

    static List<String> texts(Path data, int count) {
        List<List<String>> sources = List.of(banking(data), clinc(data),
                snippets(data.resolve("sentiment/movieReviewSnippets_GroundTruth.txt")),
                snippets(data.resolve("sentiment/nytEditorialSnippets_GroundTruth.txt")));
        Set<String> texts = new LinkedHashSet<>();
        for (int i = 0; texts.size() < count; i++) {
            boolean any = false;
            for (List<String> source : sources) {
                if (i < source.size()) {
                    any = true;
                    texts.add(source.get(i));
                    if (texts.size() == count) {
                        break;
                    }
                }
            }
            if (!any) {
                break;
            }
        }
        return List.copyOf(texts);
    }

    private static List<String> banking(Path data) {
        List<String> texts = new ArrayList<>();
        for (String line : read(data.resolve("banking77/train.csv")).stream().skip(1).toList()) {
            int comma = line.lastIndexOf(',');
            if (comma <= 0) {
                continue;
            }
            String text = line.substring(0, comma).strip();
            if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            }
            texts.add(text);
        }
        return texts;
    }

    private static List<String> clinc(Path data) {
        JsonNode root = JsonMapper.builder().build().readTree(data.resolve("clinc150/train_val.json").toFile());
        List<String> texts = new ArrayList<>();
        root.get("train").forEach(pair -> texts.add(pair.get(0).asString()));
        return texts;
    }

    private static List<String> snippets(Path file) {
        List<String> texts = new ArrayList<>();
        for (String line : read(file)) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3 && !parts[2].isBlank()) {
                texts.add(parts[2].strip());
            }
        }
        return texts;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
