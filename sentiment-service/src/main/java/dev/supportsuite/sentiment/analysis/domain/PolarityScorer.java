package dev.supportsuite.sentiment.analysis.domain;

import java.util.List;
import java.util.Set;

/**
 * Rule engine that turns tokens into a polarity in [-1, 1].
 *
 * <p>Each sentiment-bearing token contributes its human-rated lexicon valence, changed by the rules people
 * use when they read: an intensifier or dampener up to three words before it ("very good", "slightly
 * annoying"), a negator up to three words before it within the clause ("not good", "never helpful";
 * "at all" right after a negated word strengthens the negation; a comma or full stop ends the scope),
 * contrast words ("but", "however") that shift weight to the clause that follows, words in capitals amid
 * lower-case text, stretched words ("sooo goood"), and '!' / '?' runs that amplify whatever the message
 * already says. This project adds: a capitalised word inside a sentence is a name ("Grand Central", "Best
 * Buy") and carries no sentiment; "like" is sentiment only after a subject or an adverb ("I like it", not
 * "looks like a bug", "I'd like to cancel"); a positive word right after "too" turns mildly negative ("too
 * easy", "too long" for positive-rated words); a clause from a modal or conditional on ("would", "could",
 * "if", "whether", "hope") counts half, as it says what might be, not what is; a text-initial "But" with no
 * contrast inside the text does not amplify.
 *
 * <p>On top of the human-rated part, the learned part of the {@link Lexicon} adds a correction per word
 * and per word pair, each multiplied by the same context factor (negation, contrast, "too", modal) as a
 * human-rated word in that place. The sum is scaled by {@code sqrt(4 / (words + 1))} for texts of four words
 * or more (a sum grows with the number of words, the raters' judgement does not: a long sentence with one
 * harsh word reads milder than a short one), widened by {@link #SPREAD} and squashed into [-1, 1] with
 * {@code s / sqrt(s^2 + alpha)}.
 *
 * <p>The strengths of capitals, intensifiers, negation, "but", '!' and '?' and the squashing alpha are the
 * values Hutto and Gilbert derived from human raters for VADER (ICWSM 2014); the other factors are this
 * project's, chosen by cross-validated agreement with human ratings ({@code LearnedLexiconFitter}).
 */
final class PolarityScorer {

    static final double CAPS_BOOST = 0.733;
    static final double NEGATION_FACTOR = -0.74;
    static final double ELONGATION_BOOST = 0.293;
    static final double AT_ALL_FACTOR = 1.25;
    static final double BEFORE_CONTRAST = 0.5;
    static final double AFTER_CONTRAST = 1.5;
    static final double EXCLAMATION_STEP = 0.292;
    static final int MAX_EXCLAMATIONS = 4;
    static final double QUESTION_STEP = 0.18;
    static final double NORMALISATION_ALPHA = 15;
    /** Factor of a positive-rated word right after "too". */
    static final double TOO_POSITIVE_FACTOR = -0.5;
    /** Factor of the words after a modal or conditional, to the end of the clause. */
    static final double IRREALIS_FACTOR = 0.5;
    /**
     * Widens the fitted polarities: a least-squares fit pulls predictions towards the mean. 1 would match the spread
     * of the NYT editorial raters, 2 that of the movie review raters; support chat is opinionated text.
     */
    static final double SPREAD = 1.5;
    /** Texts of this many words or more are scaled by {@code sqrt(LENGTH_REFERENCE / (words + 1))}. */
    static final double LENGTH_REFERENCE = 4;
    private static final double[] DISTANCE_DECAY = {1.0, 0.95, 0.9};

    private static final Set<String> IRREALIS = Set.of("would", "could", "should", "might", "may", "if", "whether",
            "unless", "would've", "could've", "should've", "wish", "hope", "hopefully");

    /** Words after which "like" is the verb of liking, not a preposition or a polite "would like". */
    private static final Set<String> LIKE_SUBJECTS = Set.of("i", "we", "you", "they", "he", "she", "people", "really",
            "do", "does", "did", "also", "still", "just", "actually", "truly", "definitely", "to");

    private final Lexicon lexicon;

    PolarityScorer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Result of scoring: polarity in [-1, 1] and how many tokens carried sentiment. */
    record Score(double polarity, int sentimentTokens) {
    }

    /**
     * Receives the learnable occurrences of a text: a word that may carry a learned correction, the word
     * before it (null when none, or a clause break between them) and the context factor of its place.
     */
    interface OccurrenceSink {
        void accept(String previous, String word, double factor);
    }

    /**
     * The human-rated part of a text: the sum of valences times context factors, the emphasis from '!' and '?'
     * (added with the sign of the full sum) and the number of words (for the length scaling).
     */
    record Rated(double sum, double emphasis, int carriers, int words) {
    }

    Score score(List<Token> tokens) {
        double[] learned = new double[1];
        Rated rated = rate(tokens, lexicon.hasLearned() ? (prev, w, f) -> learned[0] += f * lexicon.learned(prev, w) : null);
        return new Score(polarity(rated, learned[0]), rated.carriers());
    }

    /** The polarity of a text from its human-rated part and its summed learned corrections. */
    static double polarity(Rated rated, double learned) {
        double sum = fittedSum(rated, learned) * SPREAD;
        return clamp(sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA));
    }

    /**
     * The sum the learned corrections are fitted on: human-rated part plus corrections, '!' and '?' emphasis with
     * the sign of the total, scaled for length.
     */
    static double fittedSum(Rated rated, double learned) {
        double sum = rated.sum() + learned;
        if (sum != 0) {
            sum += Math.signum(sum) * rated.emphasis();
        }
        return sum * lengthFactor(rated.words());
    }

    static double lengthFactor(int words) {
        return Math.min(1, Math.sqrt(LENGTH_REFERENCE / (words + 1)));
    }

    /**
     * Applies the rules to the human-rated valences and reports every learnable word occurrence (not a name,
     * not a rule word) to {@code sink} (may be null).
     */
    Rated rate(List<Token> tokens, OccurrenceSink sink) {
        int n = tokens.size();
        boolean mixedCase = hasMixedCase(tokens);
        boolean mostlyLowerCase = mostlyLowerCase(tokens);
        double[] context = contextMultipliers(tokens);
        double sum = 0;
        int carriers = 0;
        int exclamations = 0;
        int questions = 0;
        int words = 0;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            double v = 0;
            switch (t.kind()) {
                case EMOTICON, EMOJI -> v = lexicon.valence(t.lower());
                case EXCLAMATION -> exclamations++;
                case QUESTION -> questions++;
                case WORD -> {
                    words++;
                    if (!isName(tokens, i, mostlyLowerCase)) {
                        v = wordValence(tokens, i, mixedCase);
                        if (v > 0 && i > 0 && "too".equals(tokens.get(i - 1).lower())) {
                            context[i] *= TOO_POSITIVE_FACTOR;
                        }
                        if (sink != null && isLearnable(t.lower())) {
                            Token prev = i > 0 ? tokens.get(i - 1) : null;
                            sink.accept(prev != null && prev.isWord() ? prev.lower() : null, t.lower(), context[i]);
                        }
                    }
                }
                default -> {
                }
            }
            if (v != 0) {
                carriers++;
                sum += v * context[i];
            }
        }
        double emphasis = Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION_STEP;
        if (questions > 1) {
            emphasis += Math.min(questions, 3) * QUESTION_STEP;
        }
        return new Rated(sum, emphasis, carriers, words);
    }

    /** Words whose meaning the rules decide, so they get no learned correction. */
    static boolean isLearnable(String lower) {
        return !"like".equals(lower) && !"too".equals(lower) && Lexicon.intensity(lower) == 0
                && !Lexicon.isNegator(lower) && !IRREALIS.contains(lower) && !isContrast(lower);
    }

    /**
     * For every token, the factor its valence is multiplied by because of where it stands: negated
     * (within three words, same clause), before or after a contrast word, strengthened by "at all", after a
     * modal or conditional in the same clause.
     */
    static double[] contextMultipliers(List<Token> tokens) {
        int n = tokens.size();
        double[] m = new double[n];
        int contrastAt = -1;
        int contrasts = 0;
        // One negator lookup per token; the scope test below looks back up to three tokens from every word.
        boolean[] negators = new boolean[n];
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            negators[i] = t.isWord() && Lexicon.isNegator(t.lower());
            if (t.isWord() && isContrast(t.lower())) {
                contrasts++;
                if (contrastAt < 0) {
                    contrastAt = i;
                }
            }
        }
        if (contrastAt == 0 && contrasts == 1) {
            contrastAt = -1;
        }
        boolean irrealis = false;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            Token.Kind kind = t.kind();
            if (kind == Token.Kind.CLAUSE_BREAK || kind == Token.Kind.EXCLAMATION || kind == Token.Kind.QUESTION) {
                irrealis = false;
            } else if (t.isWord() && IRREALIS.contains(t.lower())) {
                irrealis = true;
            }
            double f = irrealis ? IRREALIS_FACTOR : 1;
            if (t.isWord() && isNegated(tokens, negators, i)) {
                f *= NEGATION_FACTOR * (followedByAtAll(tokens, i) ? AT_ALL_FACTOR : 1);
            }
            if (contrastAt >= 0) {
                f *= i < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
            }
            m[i] = f;
        }
        return m;
    }

    private static boolean isNegated(List<Token> tokens, boolean[] negators, int i) {
        for (int k = 1; k <= 3 && i - k >= 0; k++) {
            if (tokens.get(i - k).kind() == Token.Kind.CLAUSE_BREAK) {
                return false;
            }
            if (negators[i - k]) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for a capitalised word inside a sentence of a mostly lower-case text ("a trip to Grand Central",
     * "I bought it at Best Buy"): a name, whatever its words mean.
     */
    static boolean isName(List<Token> tokens, int i, boolean mostlyLowerCase) {
        if (!mostlyLowerCase || i == 0 || !tokens.get(i - 1).isWord()) {
            return false;
        }
        String s = tokens.get(i).text();
        if (s.length() < 2 || !Character.isUpperCase(s.charAt(0))) {
            return false;
        }
        for (int k = 1; k < s.length(); k++) {
            if (Character.isUpperCase(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Valence of word i before negation and contrast: lexicon value, shouting and intensifiers. */
    private double wordValence(List<Token> tokens, int i, boolean mixedCase) {
        Token t = tokens.get(i);
        String w = t.lower();
        if (Lexicon.intensity(w) != 0 || Lexicon.isNegator(w) && !"no".equals(w)) {
            return 0;
        }
        if ("kind".equals(w) && i + 1 < tokens.size() && "of".equals(tokens.get(i + 1).lower())) {
            return 0;
        }
        if ("like".equals(w) && !likeIsAVerbOfLiking(tokens, i)) {
            return 0;
        }
        double v = lexicon.valence(w);
        if (v == 0) {
            return 0;
        }
        double sign = Math.signum(v);
        if (mixedCase && t.isShouted()) {
            v += sign * CAPS_BOOST;
        }
        if (Lexicon.isElongated(w)) {
            v += sign * ELONGATION_BOOST;
        }
        for (int k = 1; k <= 3 && i - k >= 0; k++) {
            Token prev = tokens.get(i - k);
            if (prev.kind() == Token.Kind.CLAUSE_BREAK) {
                break;
            }
            double boost = prev.isWord() ? Lexicon.intensity(prev.lower()) : 0;
            if (boost != 0) {
                double scalar = boost * sign;
                if (mixedCase && prev.isShouted()) {
                    scalar += sign * CAPS_BOOST * Math.signum(boost);
                }
                v += scalar * DISTANCE_DECAY[k - 1];
            }
        }
        return v;
    }

    private static boolean likeIsAVerbOfLiking(List<Token> tokens, int i) {
        if (i == 0 || !tokens.get(i - 1).isWord()) {
            return false;
        }
        String prev = tokens.get(i - 1).lower();
        return LIKE_SUBJECTS.contains(prev) || Lexicon.isNegator(prev);
    }

    private static boolean followedByAtAll(List<Token> tokens, int i) {
        return i + 2 < tokens.size() && "at".equals(tokens.get(i + 1).lower()) && "all".equals(tokens.get(i + 2).lower());
    }

    private static boolean isContrast(String w) {
        return "but".equals(w) || "however".equals(w);
    }

    private static boolean hasMixedCase(List<Token> tokens) {
        int shouted = 0;
        int words = 0;
        for (Token t : tokens) {
            if (t.isWord()) {
                words++;
                if (t.isShouted()) {
                    shouted++;
                }
            }
        }
        return shouted > 0 && shouted < words;
    }

    private static boolean mostlyLowerCase(List<Token> tokens) {
        int lower = 0;
        int words = 0;
        for (Token t : tokens) {
            if (t.isWord()) {
                words++;
                if (Character.isLowerCase(t.text().charAt(0))) {
                    lower++;
                }
            }
        }
        return lower * 2 > words;
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
