package dev.supportsuite.sentiment.analysis.domain;

import java.util.List;

/**
 * Rule engine that turns tokens into a polarity in [-1, 1].
 *
 * <p>Each sentiment-bearing token contributes its lexicon valence, changed by the rules people use
 * when they read: an intensifier or dampener up to three words before it ("very good", "slightly
 * annoying"), a negator up to three words before it within the clause ("not good", "never helpful";
 * "at all" right after a negated word strengthens the negation; a comma or full stop ends the scope),
 * contrast words ("but", "however") that shift weight to the clause that follows, words in capitals amid
 * lower-case text, stretched words ("sooo goood"),
 * and '!' / '?' runs that amplify whatever the message already says. The summed valence is squashed
 * into [-1, 1] with {@code s / sqrt(s^2 + alpha)}.
 *
 * <p>The strengths of capitals, intensifiers, negation, "but", '!' and '?' and the squashing alpha are the
 * values Hutto and Gilbert derived from human raters for VADER (ICWSM 2014); the "at all" and stretched-word
 * factors are this project's.
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
    private static final double[] DISTANCE_DECAY = {1.0, 0.95, 0.9};

    private final Lexicon lexicon;

    PolarityScorer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Result of scoring: polarity in [-1, 1] and how many tokens carried sentiment. */
    record Score(double polarity, int sentimentTokens) {
    }

    Score score(List<Token> tokens) {
        double[] raw = new double[2];
        rawSum(tokens, raw);
        double sum = raw[0];
        double polarity = sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
        return new Score(clamp(polarity), (int) raw[1]);
    }

    /** Writes the unsquashed valence sum into {@code out[0]} and the number of sentiment tokens into {@code out[1]}. */
    void rawSum(List<Token> tokens, double[] out) {
        int n = tokens.size();
        boolean mixedCase = hasMixedCase(tokens);
        double[] context = contextMultipliers(tokens);
        double sum = 0;
        int carriers = 0;
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            double v = switch (t.kind()) {
                case EMOTICON, EMOJI -> lexicon.valence(t.lower());
                case WORD -> wordValence(tokens, i, mixedCase);
                default -> 0;
            };
            if (t.kind() == Token.Kind.EXCLAMATION) {
                exclamations++;
            } else if (t.kind() == Token.Kind.QUESTION) {
                questions++;
            }
            if (v != 0) {
                carriers++;
                sum += v * context[i];
            }
        }
        if (sum != 0) {
            double emphasis = Math.min(exclamations, MAX_EXCLAMATIONS) * EXCLAMATION_STEP;
            if (questions > 1) {
                emphasis += Math.min(questions, 3) * QUESTION_STEP;
            }
            sum += Math.signum(sum) * emphasis;
        }
        out[0] = sum;
        out[1] = carriers;
    }

    /**
     * For every token, the factor its valence is multiplied by because of where it stands: negated
     * (within three words, same clause), before or after a contrast word, strengthened by "at all".
     */
    static double[] contextMultipliers(List<Token> tokens) {
        int n = tokens.size();
        double[] m = new double[n];
        int contrastAt = -1;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (contrastAt < 0 && t.isWord() && isContrast(t.lower())) {
                contrastAt = i;
            }
        }
        for (int i = 0; i < n; i++) {
            double f = 1;
            if (tokens.get(i).isWord() && isNegated(tokens, i)) {
                f = NEGATION_FACTOR * (followedByAtAll(tokens, i) ? AT_ALL_FACTOR : 1);
            }
            if (contrastAt >= 0) {
                f *= i < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
            }
            m[i] = f;
        }
        return m;
    }

    private static boolean isNegated(List<Token> tokens, int i) {
        for (int k = 1; k <= 3 && i - k >= 0; k++) {
            Token prev = tokens.get(i - k);
            if (prev.kind() == Token.Kind.CLAUSE_BREAK) {
                return false;
            }
            if (prev.isWord() && Lexicon.isNegator(prev.lower())) {
                return true;
            }
        }
        return false;
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

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }
}
