package dev.supportsuite.knowledge.search.domain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which words of a query spelling correction may touch, and how the corrected query is written back.
 *
 * <p>A word is a candidate when it is made of letters only (with punctuation around it at most), so numbers,
 * ids, codes, e-mail addresses and hyphenated terms are left as typed; when it has at least
 * {@value #MIN_LETTERS} letters, because a shorter word has many real words one edit away ({@code plan}:
 * {@code plat}, {@code play}, {@code clan}) and one edit changes a quarter of it; and when no letter after the
 * first is upper-case ({@code SAML}, {@code iPhone}: acronyms and brand names); and when it is not a word of the
 * language ({@link Dictionary}): a real word is meant as typed, even where the knowledge base does not use it.
 * Whether a candidate is known to the index, and what replaces it, is the index's to say
 * ({@code KnowledgeIndex#closestKnownWords}).
 */
public final class QuerySpelling {

    /** Shortest word that is corrected. */
    static final int MIN_LETTERS = 5;
    /**
     * From this length a word may be two edits from its replacement, below it one: one edit covers a single slip
     * (a dropped, doubled, swapped or neighbouring letter); two in a short word would reach too many other words.
     */
    static final int TWO_EDITS_FROM_LETTERS = 8;

    /** A whitespace-separated token: optional punctuation, letters, optional punctuation. */
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern WORD = Pattern.compile("^(\\p{Punct}*)(\\p{L}+)(\\p{Punct}*)$");

    private QuerySpelling() {
    }

    /**
     * The lower-case words of {@code query} that may be corrected, each with the edits its replacement may make;
     * words of {@code dictionary} are not among them.
     */
    public static Map<String, Integer> candidates(String query, Dictionary dictionary) {
        Map<String, Integer> candidates = new LinkedHashMap<>();
        Matcher tokens = TOKEN.matcher(query);
        while (tokens.find()) {
            String word = candidate(tokens.group());
            if (word == null) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            if (!dictionary.contains(lower)) {
                candidates.put(lower, word.length() >= TWO_EDITS_FROM_LETTERS ? 2 : 1);
            }
        }
        return candidates;
    }

    /**
     * {@code query} with every word that has a replacement in {@code corrections} (keyed lower-case) replaced,
     * keeping a capital first letter; everything else, spacing and punctuation included, as typed.
     */
    public static String corrected(String query, Map<String, String> corrections) {
        if (corrections.isEmpty()) {
            return query;
        }
        StringBuilder out = new StringBuilder(query.length());
        Matcher tokens = TOKEN.matcher(query);
        int last = 0;
        while (tokens.find()) {
            out.append(query, last, tokens.start());
            last = tokens.end();
            String token = tokens.group();
            String word = candidate(token);
            String replacement = word == null ? null : corrections.get(word.toLowerCase(Locale.ROOT));
            if (replacement == null) {
                out.append(token);
                continue;
            }
            Matcher parts = WORD.matcher(token);
            parts.matches();
            out.append(parts.group(1))
                    .append(Character.isUpperCase(word.charAt(0))
                            ? Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1)
                            : replacement)
                    .append(parts.group(3));
        }
        return out.append(query, last, query.length()).toString();
    }

    /** The word of {@code token} if it may be corrected, else {@code null}. */
    private static String candidate(String token) {
        Matcher parts = WORD.matcher(token);
        if (!parts.matches()) {
            return null;
        }
        String word = parts.group(2);
        if (word.length() < MIN_LETTERS) {
            return null;
        }
        for (int i = 1; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                return null;
            }
        }
        return word;
    }
}
