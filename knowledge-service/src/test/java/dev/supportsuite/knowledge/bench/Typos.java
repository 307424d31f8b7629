package dev.supportsuite.knowledge.bench;

import dev.supportsuite.knowledge.search.domain.QueryTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Misspelled variants of the labelled questions, made at benchmark time so that the eval files stay as they
 * are: in each question one or two content words of at least {@value #MIN_LETTERS} letters get one slip of the
 * kind people make typing: a letter dropped, two adjacent letters swapped, a letter replaced by a neighbouring
 * key (QWERTY), or a letter doubled. Deterministic: the random source of a question is seeded from the seed and
 * the question's text, so every run and every order of questions gets the same typos. The position of the slip
 * is uniform over the word, the first letter included.
 */
final class Typos {

    static final long SEED = 20_261_124L;
    private static final int MIN_LETTERS = 5;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Keys next to each letter on a QWERTY keyboard, same row and the rows above and below. */
    private static final Map<Character, String> NEIGHBOURS = Map.ofEntries(
            Map.entry('q', "wa"), Map.entry('w', "qeas"), Map.entry('e', "wrsd"), Map.entry('r', "etdf"),
            Map.entry('t', "ryfg"), Map.entry('y', "tugh"), Map.entry('u', "yihj"), Map.entry('i', "uojk"),
            Map.entry('o', "ipkl"), Map.entry('p', "ol"), Map.entry('a', "qwsz"), Map.entry('s', "awedxz"),
            Map.entry('d', "serfcx"), Map.entry('f', "drtgvc"), Map.entry('g', "ftyhbv"), Map.entry('h', "gyujnb"),
            Map.entry('j', "huikmn"), Map.entry('k', "jiolm"), Map.entry('l', "kop"), Map.entry('z', "asx"),
            Map.entry('x', "zsdc"), Map.entry('c', "xdfv"), Map.entry('v', "cfgb"), Map.entry('b', "vghn"),
            Map.entry('n', "bhjm"), Map.entry('m', "njk"));

    private Typos() {
    }

    /** The answerable questions of {@code set}, each with its typos, expecting the same documents. */
    static LabelledQueries of(LabelledQueries set) {
        List<LabelledQueries.Query> typod = new ArrayList<>();
        for (LabelledQueries.Query query : set.queries()) {
            if (query.answerable()) {
                typod.add(new LabelledQueries.Query(misspell(query.text()), query.expected()));
            }
        }
        return new LabelledQueries(List.copyOf(typod));
    }

    /** {@code text} with one slip in each of one or two of its content words; unchanged if it has none. */
    static String misspell(String text) {
        Random random = new Random(SEED * 31 + text.hashCode());
        List<int[]> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String word = matcher.group();
            if (word.length() >= MIN_LETTERS && !QueryTerms.of(word).isEmpty()) {
                words.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        if (words.isEmpty()) {
            return text;
        }
        int count = words.size() == 1 ? 1 : 1 + random.nextInt(2);
        List<int[]> chosen = new ArrayList<>();
        while (chosen.size() < count) {
            int[] word = words.remove(random.nextInt(words.size()));
            chosen.add(word);
        }
        // Right to left, so that the offsets of the words still to edit hold
        chosen.sort((a, b) -> Integer.compare(b[0], a[0]));
        StringBuilder out = new StringBuilder(text);
        for (int[] word : chosen) {
            out.replace(word[0], word[1], slip(text.substring(word[0], word[1]), random));
        }
        return out.toString();
    }

    /** {@code word} with one slip that changes it. */
    private static String slip(String word, Random random) {
        while (true) {
            int at = random.nextInt(word.length());
            char c = word.charAt(at);
            String typo = switch (random.nextInt(4)) {
                case 0 -> word.substring(0, at) + word.substring(at + 1);
                case 1 -> at + 1 < word.length()
                        ? word.substring(0, at) + word.charAt(at + 1) + c + word.substring(at + 2) : word;
                case 2 -> {
                    String keys = NEIGHBOURS.get(Character.toLowerCase(c));
                    if (keys == null) {
                        yield word;
                    }
                    char key = keys.charAt(random.nextInt(keys.length()));
                    yield word.substring(0, at) + (Character.isUpperCase(c) ? Character.toUpperCase(key) : key)
                            + word.substring(at + 1);
                }
                default -> word.substring(0, at) + c + word.substring(at);
            };
            if (!typo.equals(word)) {
                return typo;
            }
        }
    }
}
