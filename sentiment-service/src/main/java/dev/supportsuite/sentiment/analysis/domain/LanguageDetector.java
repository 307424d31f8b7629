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
        Map.Entry<Character.UnicodeScript, Integer> other = scripts.isEmpty() ? null : scripts.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElse(null);
        if (other != null && other.getValue() > latin) {
            return forScript(other.getKey(), scripts);
        }
        if (latin == 0) {
            return UNDETERMINED;
        }
        return latinLanguage(tokens);
    }

    /**
     * For every function word, the languages (bit i = {@code LANGUAGES.get(i)}) it belongs to, so that a message costs
     * one lookup per word rather than one per word and language.
     */
    private static final Map<String, Integer> LANGUAGES_OF_WORD = languagesOfWord();

    private static Map<String, Integer> languagesOfWord() {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (int i = 0; i < LANGUAGES.size(); i++) {
            int bit = 1 << i;
            FUNCTION_WORDS.get(LANGUAGES.get(i)).forEach(w -> out.merge(w, bit, (a, b) -> a | b));
        }
        return Map.copyOf(out);
    }

    private static String latinLanguage(List<Token> tokens) {
        int[] hits = new int[LANGUAGES.size()];
        for (Token t : tokens) {
            if (t.isWord()) {
                Integer languages = LANGUAGES_OF_WORD.get(t.lower());
                if (languages != null) {
                    for (int i = 0; i < hits.length; i++) {
                        if ((languages & (1 << i)) != 0) {
                            hits[i]++;
                        }
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < hits.length; i++) {
            if (hits[i] > hits[best]) {
                best = i;
            }
        }
        return hits[best] > hits[0] ? LANGUAGES.get(best) : ENGLISH;
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
