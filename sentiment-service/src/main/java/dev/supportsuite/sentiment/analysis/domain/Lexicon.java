package dev.supportsuite.sentiment.analysis.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Word, emoticon and emoji valences on the scale -4 (most negative) to +4 (most positive), plus the
 * closed word classes the rules need (negators, intensifiers, dampeners).
 *
 * <p>The word and emoticon valences are the VADER lexicon (Hutto and Gilbert, 2014; MIT), as bundled
 * by the {@code vader-sentiment} npm package (Apache-2.0): each entry is the mean of ten human ratings.
 * Emoji valences are this project's own small table. Inflected forms that the lexicon lacks are found
 * through a light suffix fallback ("disappointingly" finds "disappointing"). Apart from these, an optional
 * table of corpus-learned corrections ({@code learned-lexicon.tsv}, written by the build-time
 * {@code LearnedLexiconFitter}) holds a correction per word and per word pair ("too slow"), which the rule
 * engine adds with the context factor of the word's place.
 */
public final class Lexicon {

    static final String VADER_RESOURCE = "/sentiment/vader-lexicon.tsv";
    static final String EMOJI_RESOURCE = "/sentiment/emoji-lexicon.tsv";

    private static final Set<String> NEGATORS = Set.of("not", "no", "never", "nothing", "nobody", "none", "neither",
            "nor", "nowhere", "cannot", "can't", "cant", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt",
            "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "werent", "won't", "wont", "wouldn't",
            "wouldnt", "shouldn't", "shouldnt", "couldn't", "couldnt", "hasn't", "hasnt", "haven't", "havent",
            "hadn't", "hadnt", "mustn't", "mustnt", "needn't", "neednt", "ain't", "aint", "without", "hardly",
            "barely", "rarely", "seldom", "scarcely", "lack", "lacks", "lacking", "n't");

    /**
     * Words that name the subject of a support chat or are plain politeness there ("I need help with my
     * credit card, please"), not sentiment; the general-purpose lexicon rates them positive.
     */
    private static final Set<String> SUPPORT_TOPIC_WORDS = Set.of("support", "help", "please", "credit", "care");

    private static final Map<String, Double> INTENSIFIERS = intensifiers();

    static final String LEARNED_RESOURCE = "/sentiment/learned-lexicon.tsv";

    private final Map<String, Double> valences;
    private final Map<String, Double> learned;
    private final Map<String, Map<String, Double>> learnedPairs;
    private final Map<String, Double> learnedStems;

    /**
     * @param valences human-rated valences
     * @param learned  learned corrections: a word ("slow"), a word pair separated by one space ("too slow") or
     *                 a stem after a tilde ("~disappoint", see {@link #stem(String)})
     */
    Lexicon(Map<String, Double> valences, Map<String, Double> learned) {
        this.valences = Map.copyOf(valences);
        Map<String, Double> words = new HashMap<>();
        Map<String, Double> stems = new HashMap<>();
        Map<String, Map<String, Double>> pairs = new HashMap<>();
        learned.forEach((key, v) -> {
            int space = key.indexOf(' ');
            if (key.startsWith("~")) {
                stems.put(key.substring(1), v);
            } else if (space < 0) {
                words.put(key, v);
            } else {
                pairs.computeIfAbsent(key.substring(space + 1), k -> new HashMap<>()).put(key.substring(0, space), v);
            }
        });
        this.learned = Map.copyOf(words);
        this.learnedStems = Map.copyOf(stems);
        Map<String, Map<String, Double>> frozen = new HashMap<>();
        pairs.forEach((second, firsts) -> frozen.put(second, Map.copyOf(firsts)));
        this.learnedPairs = Map.copyOf(frozen);
    }

    /** The same human-rated valences without the learned corrections (for fitting them, and for comparison). */
    public Lexicon humanOnly() {
        return new Lexicon(valences, Map.of());
    }

    /** The same human-rated valences with other learned corrections (words and "first second" pairs). */
    Lexicon withLearned(Map<String, Double> corrections) {
        return new Lexicon(valences, corrections);
    }

    /** The bundled lexicon: VADER's words and emoticons, the project's emoji table and the learned corrections. */
    public static Lexicon bundled() {
        Map<String, Double> map = new HashMap<>(8192);
        read(VADER_RESOURCE, map);
        read(EMOJI_RESOURCE, map);
        Map<String, Double> learned = new HashMap<>(32768);
        if (Lexicon.class.getResource(LEARNED_RESOURCE) != null) {
            read(LEARNED_RESOURCE, learned);
        }
        return new Lexicon(map, learned);
    }

    private static void read(String resource, Map<String, Double> into) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing lexicon resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                int end = line.indexOf('\t', tab + 1);
                into.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1, end < 0 ? line.length() : end).trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lexicon " + resource, e);
        }
    }

    int size() {
        return valences.size();
    }

    int learnedSize() {
        return learned.size() + learnedStems.size() + learnedPairs.values().stream().mapToInt(Map::size).sum();
    }

    boolean contains(String lower) {
        return valences.containsKey(lower);
    }

    boolean hasLearned() {
        return !learned.isEmpty() || !learnedPairs.isEmpty() || !learnedStems.isEmpty();
    }

    /**
     * Human-rated valence of a lower-case token (trying common suffixes when the exact form is unknown; 0 when
     * unknown; 0 for support topic words).
     */
    double valence(String lower) {
        return humanValence(lower);
    }

    /**
     * The learned correction for {@code word} in its place: the word's own, its stem's (shared by its inflections)
     * and that of the pair it forms with {@code previous} (null when there is none); 0 for support topic words.
     */
    double learned(String previous, String word) {
        if (SUPPORT_TOPIC_WORDS.contains(word)) {
            return 0;
        }
        Double own = learned.get(word);
        double v = own == null ? 0 : own;
        if (!learnedStems.isEmpty()) {
            Double shared = learnedStems.get(stem(word));
            if (shared != null) {
                v += shared;
            }
        }
        if (previous != null) {
            Map<String, Double> firsts = learnedPairs.get(word);
            if (firsts != null) {
                Double pair = firsts.get(previous);
                if (pair != null) {
                    v += pair;
                }
            }
        }
        return v;
    }

    /** Valence from the human-rated lexicon only, with the suffix fallback; 0 when unknown. */
    double humanValence(String lower) {
        if (SUPPORT_TOPIC_WORDS.contains(lower)) {
            return 0;
        }
        Double v = valences.get(lower);
        if (v != null) {
            return v;
        }
        if (isElongated(lower)) {
            double collapsed = humanValence(collapse(lower, 2));
            return collapsed != 0 ? collapsed : humanValence(collapse(lower, 1));
        }
        int n = lower.length();
        if (n < 5) {
            return 0;
        }
        if (lower.endsWith("ly")) {
            v = first(lower.substring(0, n - 2), n > 5 && lower.endsWith("ily") ? lower.substring(0, n - 3) + "y" : null);
        } else if (lower.endsWith("ness")) {
            v = first(lower.substring(0, n - 4), lower.endsWith("iness") ? lower.substring(0, n - 5) + "y" : null);
        } else if (lower.endsWith("ies")) {
            v = first(lower.substring(0, n - 3) + "y", null);
        } else if (lower.endsWith("es")) {
            v = first(lower.substring(0, n - 1), lower.substring(0, n - 2));
        } else if (lower.endsWith("s") && !lower.endsWith("ss")) {
            v = first(lower.substring(0, n - 1), null);
        } else if (lower.endsWith("ed")) {
            v = first(lower.substring(0, n - 1), lower.substring(0, n - 2));
        } else if (lower.endsWith("ing")) {
            v = first(lower.substring(0, n - 3), lower.substring(0, n - 3) + "e");
        }
        return v == null ? 0 : v;
    }

    private Double first(String a, String b) {
        Double v = valences.get(a);
        if (v == null && b != null) {
            v = valences.get(b);
        }
        return v;
    }

    private static final String[][] SUFFIXES = {{"ingly", ""}, {"edly", ""}, {"ness", ""}, {"ment", ""}, {"ies", "y"},
        {"ied", "y"}, {"ing", ""}, {"ed", ""}, {"es", ""}, {"er", ""}, {"ly", ""}, {"s", ""}};

    /**
     * A light stem shared by a word's inflections, for learned corrections: one common suffix cut (leaving at least
     * three letters), then a final "e" and a doubled final consonant ("disappointed", "disappointing",
     * "disappoints" → "disappoint"; "hoped", "hoping", "hope" → "hop").
     */
    static String stem(String lower) {
        String w = lower;
        for (String[] rule : SUFFIXES) {
            if (w.endsWith(rule[0]) && w.length() - rule[0].length() >= 3) {
                w = w.substring(0, w.length() - rule[0].length()) + rule[1];
                break;
            }
        }
        if (w.length() > 3 && w.endsWith("e")) {
            w = w.substring(0, w.length() - 1);
        }
        int n = w.length();
        char last = w.charAt(n - 1);
        if (n > 3 && last == w.charAt(n - 2) && "lszaeiou".indexOf(last) < 0) {
            w = w.substring(0, n - 1);
        }
        return w;
    }

    /** True when a letter repeats three or more times in a row, as in "sooo" or "greaaat". */
    static boolean isElongated(String word) {
        for (int i = 2; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c) && c == word.charAt(i - 1) && c == word.charAt(i - 2)) {
                return true;
            }
        }
        return false;
    }

    /** The word with every run of one letter cut to at most {@code max} letters. */
    static String collapse(String word, int max) {
        StringBuilder sb = new StringBuilder(word.length());
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            run = i > 0 && c == word.charAt(i - 1) ? run + 1 : 1;
            if (run <= max) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static boolean isSupportTopicWord(String lower) {
        return SUPPORT_TOPIC_WORDS.contains(lower);
    }

    static boolean isNegator(String lower) {
        return NEGATORS.contains(lower) || lower.endsWith("n't");
    }

    /** How much a word strengthens (positive) or weakens (negative) the next sentiment word; 0 if neither. */
    static double intensity(String lower) {
        Double d = INTENSIFIERS.get(lower);
        if (d == null && isElongated(lower)) {
            d = INTENSIFIERS.get(collapse(lower, 1));
            if (d == null) {
                d = INTENSIFIERS.get(collapse(lower, 2));
            }
        }
        return d == null ? 0 : d;
    }

    private static Map<String, Double> intensifiers() {
        double up = 0.293;
        double down = -0.293;
        Map<String, Double> map = new HashMap<>();
        for (String w : new String[] {"absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly",
                "deeply", "enormously", "entirely", "especially", "exceptionally", "extremely", "extraordinarily",
                "fabulously", "fully", "greatly", "highly", "hugely", "incredibly", "intensely", "majorly", "more",
                "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially", "thoroughly",
                "totally", "tremendously", "truly", "unbelievably", "unusually", "utterly", "very", "super", "seriously",
                "insanely", "ridiculously", "terribly", "way", "frickin", "freaking", "fucking", "effing"}) {
            map.put(w, up);
        }
        for (String w : new String[] {"almost", "kinda", "kindof", "less", "little", "marginally",
                "occasionally", "partly", "slightly", "somewhat", "sorta", "sort", "fairly", "mildly",
                "rather", "pretty"}) {
            map.put(w, down);
        }
        map.put("pretty", up * 0.5);
        return Map.copyOf(map);
    }
}
