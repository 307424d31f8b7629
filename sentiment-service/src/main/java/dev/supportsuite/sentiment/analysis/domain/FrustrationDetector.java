package dev.supportsuite.sentiment.analysis.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the signals that show a customer is frustrated and combines them into a score in [0, 1].
 *
 * <p>All word matching is on whole tokens, case-insensitively, so "I have an issue" never matches "sue".
 * Each signal has a weight (the probability-like strength it carries alone); signals combine as a
 * noisy-OR, {@code 1 - prod(1 - w)}, so that independent evidence accumulates without passing 1 and no
 * single weak cue dominates. The weights are set by judgement about how strongly each cue indicates
 * frustration in a support chat (a threat to leave or a repeated request more than one "!!"), not
 * fitted to any data set.
 */
final class FrustrationDetector {

    static final double KEYWORD_WEIGHT = 0.45;
    static final int MAX_COUNTED_KEYWORDS = 2;
    static final double PROFANITY_WEIGHT = 0.4;
    static final double CAPS_WEIGHT = 0.35;
    static final double HEAVY_CAPS_WEIGHT = 0.45;
    static final double TRIPLE_PUNCTUATION_WEIGHT = 0.3;
    static final double DOUBLE_PUNCTUATION_WEIGHT = 0.15;
    static final double REPEATED_ASK_WEIGHT = 0.5;
    static final double WAITING_WEIGHT = 0.3;
    static final double THREAT_WEIGHT = 0.5;
    static final double NEGATIVE_TONE_SCALE = 0.6;
    static final double REPEAT_SIMILARITY = 0.8;
    static final int MIN_REPEAT_WORDS = 3;

    private static final PhraseSet PROFANITY = PhraseSet.of(List.of("fuck", "fucking", "fucked", "fuckin", "shit",
            "shitty", "bullshit", "crap", "crappy", "damn", "damned", "goddamn", "wtf", "ffs", "asshole", "bastard",
            "pissed", "piss off", "bloody hell", "screw you", "stfu"));
    private static final PhraseSet REPEATED_ASK = PhraseSet.of(List.of("second time", "third time", "fourth time",
            "fifth time", "how many times", "many times", "so many times", "already asked", "already told",
            "asked before", "told you", "keep asking", "keep telling", "asking again", "ask again", "once again",
            "again and again", "repeat myself", "for the last time", "still not fixed", "still not resolved",
            "still broken", "same problem", "same issue"));
    private static final PhraseSet WAITING = PhraseSet.of(List.of("waiting", "waited", "still waiting",
            "for hours", "for days", "for weeks", "for ages", "hours now", "days now", "weeks now", "taking forever",
            "takes forever", "no response", "no reply", "no answer", "nobody answered", "no one answered",
            "too long", "so long", "so slow", "still no", "still haven't", "still hasn't", "yet to hear", "still nothing"));
    private static final PhraseSet THREAT = PhraseSet.of(List.of("cancel", "cancelling", "canceling",
            "close my account", "delete my account", "switch to", "switching to", "competitor", "lawyer", "lawyers",
            "sue", "suing", "legal action", "chargeback", "report you", "i'm leaving", "i am leaving", "will leave",
            "going to leave", "unsubscribe", "never again", "never use", "done with you", "going elsewhere",
            "take my business", "last chance"));
    private static final Set<String> ACRONYMS = Set.of("faq", "api", "asap", "pdf", "url", "id", "usa", "uk", "eu",
            "sms", "vat", "ceo", "it", "ok", "tv", "pc", "ios", "ui", "ux", "vip", "gdpr", "cvv", "pin", "otp", "sso",
            "saml", "scim", "csv", "json", "xml", "soc", "hipaa", "sla", "dpa", "mfa", "crm", "ssl", "tls", "http",
            "https", "html", "aws", "tkt", "inv", "usd", "eur", "gbp");

    private final PhraseSet keywords;
    private final double sentimentThreshold;

    FrustrationDetector(List<String> frustrationKeywords, double sentimentThreshold) {
        this.keywords = PhraseSet.of(frustrationKeywords);
        this.sentimentThreshold = sentimentThreshold;
    }

    /** Frustration score and the signals behind it, strongest first. */
    record Result(double frustration, List<Signal> signals) {
    }

    Result detect(List<Token> tokens, double polarity, List<List<Token>> earlierMessages) {
        List<String> words = new ArrayList<>();
        List<Token> wordTokens = new ArrayList<>();
        for (Token t : tokens) {
            if (t.isWord()) {
                words.add(t.lower());
                wordTokens.add(t);
            }
        }
        List<Signal> signals = new ArrayList<>();
        int counted = 0;
        for (String k : keywords.find(words)) {
            if (counted++ < MAX_COUNTED_KEYWORDS) {
                signals.add(new Signal(SignalType.KEYWORD, k, KEYWORD_WEIGHT));
            }
        }
        counted = 0;
        for (String p : PROFANITY.find(words)) {
            if (counted++ < MAX_COUNTED_KEYWORDS) {
                signals.add(new Signal(SignalType.PROFANITY, p, PROFANITY_WEIGHT));
            }
        }
        caps(wordTokens).ifPresent(signals::add);
        punctuation(tokens).ifPresent(signals::add);
        List<String> asks = REPEATED_ASK.find(words);
        if (!asks.isEmpty()) {
            signals.add(new Signal(SignalType.REPEATED_ASK, asks.get(0), REPEATED_ASK_WEIGHT));
        } else if (repeatsEarlier(words, earlierMessages)) {
            signals.add(new Signal(SignalType.REPEATED_ASK, "repeats an earlier message", REPEATED_ASK_WEIGHT));
        }
        List<String> waits = WAITING.find(words);
        if (!waits.isEmpty()) {
            signals.add(new Signal(SignalType.WAITING_TIME, waits.get(0), WAITING_WEIGHT));
        }
        List<String> threats = THREAT.find(words);
        if (!threats.isEmpty()) {
            signals.add(new Signal(SignalType.THREAT_TO_LEAVE, threats.get(0), THREAT_WEIGHT));
        }
        if (polarity <= -sentimentThreshold) {
            signals.add(new Signal(SignalType.NEGATIVE_TONE, String.format(Locale.ROOT, "polarity %.2f", polarity),
                    round(Math.min(1, -polarity) * NEGATIVE_TONE_SCALE)));
        }
        double calm = 1;
        for (Signal s : signals) {
            calm *= 1 - s.weight();
        }
        signals.sort(Comparator.comparingDouble(Signal::weight).reversed());
        return new Result(round(1 - calm), signals);
    }

    /**
     * Shouting: several words in capitals, acronyms ("GDPR", "SSO") and identifiers with digits (a ticket id
     * such as "TKT-01M875D1RB001610QFA94R3E3D", an invoice number) aside.
     */
    private static java.util.Optional<Signal> caps(List<Token> words) {
        int shouted = 0;
        int eligible = 0;
        for (Token t : words) {
            if (t.text().length() >= 3 && !ACRONYMS.contains(t.lower())
                    && t.text().chars().noneMatch(Character::isDigit)) {
                eligible++;
                if (t.isShouted()) {
                    shouted++;
                }
            }
        }
        if (shouted < 2 || shouted < 0.3 * eligible) {
            return java.util.Optional.empty();
        }
        double weight = shouted >= 0.6 * eligible ? HEAVY_CAPS_WEIGHT : CAPS_WEIGHT;
        return java.util.Optional.of(new Signal(SignalType.ALL_CAPS, shouted + " words in capitals", weight));
    }

    private static java.util.Optional<Signal> punctuation(List<Token> tokens) {
        int longest = 0;
        int run = 0;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.EXCLAMATION || t.kind() == Token.Kind.QUESTION) {
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
        }
        if (longest >= 3) {
            return java.util.Optional.of(new Signal(SignalType.REPEATED_PUNCTUATION, "run of " + longest,
                    TRIPLE_PUNCTUATION_WEIGHT));
        }
        if (longest == 2) {
            return java.util.Optional.of(new Signal(SignalType.REPEATED_PUNCTUATION, "run of 2",
                    DOUBLE_PUNCTUATION_WEIGHT));
        }
        return java.util.Optional.empty();
    }

    private static boolean repeatsEarlier(List<String> words, List<List<Token>> earlierMessages) {
        if (words.size() < MIN_REPEAT_WORDS) {
            return false;
        }
        Set<String> current = new HashSet<>(words);
        for (List<Token> earlier : earlierMessages) {
            Set<String> other = new HashSet<>();
            for (Token t : earlier) {
                if (t.isWord()) {
                    other.add(t.lower());
                }
            }
            if (other.size() < MIN_REPEAT_WORDS) {
                continue;
            }
            Set<String> union = new HashSet<>(current);
            union.addAll(other);
            long shared = current.stream().filter(other::contains).count();
            if ((double) shared / union.size() >= REPEAT_SIMILARITY) {
                return true;
            }
        }
        return false;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Phrases of one or more words, matched on whole lower-case word tokens. */
    static final class PhraseSet {

        private final Map<String, List<String[]>> byFirstWord;

        private PhraseSet(Map<String, List<String[]>> byFirstWord) {
            this.byFirstWord = byFirstWord;
        }

        static PhraseSet of(List<String> phrases) {
            Map<String, List<String[]>> map = new HashMap<>();
            for (String phrase : phrases) {
                String[] parts = phrase.trim().toLowerCase(Locale.ROOT).replace('\u2019', '\'').split("\\s+");
                if (parts.length > 0 && !parts[0].isEmpty()) {
                    map.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts);
                }
            }
            map.values().forEach(l -> l.sort(Comparator.comparingInt((String[] p) -> p.length).reversed()));
            return new PhraseSet(map);
        }

        /** Distinct phrases found in the words, in order of appearance (longest match at each position). */
        List<String> find(List<String> words) {
            Set<String> found = new LinkedHashSet<>();
            for (int i = 0; i < words.size(); i++) {
                List<String[]> candidates = byFirstWord.get(words.get(i));
                if (candidates == null) {
                    continue;
                }
                for (String[] phrase : candidates) {
                    if (matches(words, i, phrase)) {
                        found.add(String.join(" ", phrase));
                        break;
                    }
                }
            }
            return List.copyOf(found);
        }

        private static boolean matches(List<String> words, int at, String[] phrase) {
            if (at + phrase.length > words.size()) {
                return false;
            }
            for (int k = 1; k < phrase.length; k++) {
                if (!words.get(at + k).equals(phrase[k])) {
                    return false;
                }
            }
            return true;
        }
    }
}
