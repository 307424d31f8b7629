package dev.supportsuite.knowledge.search.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A small, dependency-free notion of the content words of a text, used to measure how much of a
 * question a chunk covers. Words are lower-cased, stop words dropped, and cut to a five-letter
 * stem so that {@code refunds} and {@code refunded} meet.
 */
public final class QueryTerms {

    private static final int STEM = 5;
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
            "can", "could", "do", "does", "did", "for", "from", "get", "got", "has", "have", "how", "i", "if", "in",
            "into", "is", "it", "its", "me", "my", "mine", "of", "on", "or", "our", "please", "should", "so",
            "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "was", "we", "what",
            "when", "where", "which", "who", "why", "will", "with", "would", "you", "your", "am", "been", "any",
            "some", "i'm", "im", "want", "need", "way", "just", "about", "tell", "know", "able");

    private QueryTerms() {
    }

    /** The content-word stems of {@code text}. */
    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            String clean = word.replace("'", "");
            if (clean.length() < 2 || STOP_WORDS.contains(word) || STOP_WORDS.contains(clean)) {
                continue;
            }
            terms.add(clean.length() > STEM ? clean.substring(0, STEM) : clean);
        }
        return terms;
    }

    /** Share of the query's terms that occur in {@code text}; 0 for a query without content words. */
    public static double coverage(Set<String> queryTerms, String text) {
        if (queryTerms.isEmpty()) {
            return 0;
        }
        Set<String> found = of(text);
        long covered = queryTerms.stream().filter(found::contains).count();
        return (double) covered / queryTerms.size();
    }
}
