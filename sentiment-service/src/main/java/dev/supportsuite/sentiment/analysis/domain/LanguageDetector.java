package dev.supportsuite.sentiment.analysis.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Light, offline language identification: the writing system first, then, for Latin script, which
 * language's common function words the message uses most. English wins ties and Latin text without
 * any function word (short messages such as "great app"), because that is what the suite serves.
 * Text without letters (empty, emoji only, digits) is {@code und}.
 */
final class LanguageDetector {

    static final String ENGLISH = "en";
    static final String UNDETERMINED = "und";

    private static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "it", "pt", "nl");

    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.of(
            "en", Set.of("the", "and", "is", "are", "was", "it", "this", "that", "to", "of", "my", "i", "you", "with",
                    "for", "not", "have", "has", "be", "me", "your", "what", "can", "do", "don't", "on", "in", "a"),
            "es", Set.of("el", "la", "los", "las", "es", "que", "de", "y", "en", "un", "una", "por", "con", "para",
                    "mi", "muy", "pero", "está", "esto", "no", "lo", "se"),
            "fr", Set.of("le", "la", "les", "est", "et", "de", "des", "un", "une", "que", "pour", "avec", "mon", "ma",
                    "je", "vous", "pas", "ce", "c'est", "très", "mais", "il"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "ich", "mit", "für", "sehr", "aber",
                    "mein", "sie", "es", "zu", "auf", "den", "wir"),
            "it", Set.of("il", "lo", "gli", "è", "che", "di", "e", "un", "una", "per", "con", "non", "mi", "molto",
                    "ma", "sono", "questo", "della"),
            "pt", Set.of("o", "os", "as", "é", "que", "de", "e", "um", "uma", "para", "com", "não", "meu", "muito",
                    "mas", "isso", "está", "do", "da"),
            "nl", Set.of("de", "het", "een", "is", "en", "niet", "ik", "met", "voor", "van", "mijn", "maar", "zeer",
                    "dat", "dit", "zijn", "ook"));

    String detect(List<Token> tokens) {
        int latin = 0;
        Map<Character.UnicodeScript, Integer> scripts = new java.util.EnumMap<>(Character.UnicodeScript.class);
        for (Token t : tokens) {
            if (!t.isWord()) {
                continue;
            }
            String w = t.text();
            for (int i = 0; i < w.length(); ) {
                int cp = w.codePointAt(i);
                i += Character.charCount(cp);
                if (!Character.isLetter(cp)) {
                    continue;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                } else {
                    scripts.merge(script, 1, Integer::sum);
                }
            }
        }
        Map.Entry<Character.UnicodeScript, Integer> other = scripts.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElse(null);
        if (other != null && other.getValue() > latin) {
            return forScript(other.getKey(), scripts);
        }
        if (latin == 0) {
            return UNDETERMINED;
        }
        return latinLanguage(tokens);
    }

    private static String latinLanguage(List<Token> tokens) {
        String best = ENGLISH;
        int bestHits = 0;
        int englishHits = 0;
        for (String language : LANGUAGES) {
            Set<String> words = FUNCTION_WORDS.get(language);
            int hits = 0;
            for (Token t : tokens) {
                if (t.isWord() && words.contains(t.lower())) {
                    hits++;
                }
            }
            if (language.equals(ENGLISH)) {
                englishHits = hits;
            }
            if (hits > bestHits) {
                best = language;
                bestHits = hits;
            }
        }
        return bestHits > englishHits ? best : ENGLISH;
    }

    private static String forScript(Character.UnicodeScript script, Map<Character.UnicodeScript, Integer> all) {
        return switch (script) {
            case HAN -> all.containsKey(Character.UnicodeScript.HIRAGANA)
                    || all.containsKey(Character.UnicodeScript.KATAKANA) ? "ja" : "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case HANGUL -> "ko";
            case CYRILLIC -> "ru";
            case ARABIC -> "ar";
            case HEBREW -> "he";
            case GREEK -> "el";
            case THAI -> "th";
            case DEVANAGARI -> "hi";
            case ARMENIAN -> "hy";
            case GEORGIAN -> "ka";
            default -> UNDETERMINED;
        };
    }
}
