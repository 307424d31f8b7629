package dev.supportsuite.sentiment.analysis.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Splits a message into words, emoticons, emoji and the punctuation that carries feeling.
 *
 * <p>Whitespace-separated chunks that the lexicon knows as a whole (":)", ":-(", "&lt;3") stay emoticons,
 * also when glued to the end of a word ("thanks:)"); everything else is cut into runs of letters, digits and inner apostrophes. Emoji become one token
 * each; '!' and '?' are kept as tokens because they amplify; sentence punctuation becomes a clause
 * break so that negation does not leak across sentences. Control characters are treated as spaces.
 */
final class Tokenizer {

    private final Predicate<String> knownEmoticon;

    Tokenizer(Predicate<String> knownEmoticon) {
        this.knownEmoticon = knownEmoticon;
    }

    List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>(Math.max(8, text.length() / 5));
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) {
                i++;
            }
            if (start < i) {
                chunk(text, start, i, tokens);
            }
        }
        return tokens;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c);
    }

    private void chunk(String text, int start, int end, List<Token> out) {
        if (end - start >= 2 && end - start <= 5 && isEmoticon(text, start, end)) {
            String whole = text.substring(start, end);
            out.add(new Token(whole, whole.toLowerCase(Locale.ROOT), Token.Kind.EMOTICON));
            return;
        }
        for (int len = 3; len >= 2; len--) {
            int at = end - len;
            if (at > start && Character.isLetterOrDigit(text.charAt(at - 1)) && isEmoticon(text, at, end)) {
                words(text, start, at, out);
                String emoticon = text.substring(at, end);
                out.add(new Token(emoticon, emoticon.toLowerCase(Locale.ROOT), Token.Kind.EMOTICON));
                return;
            }
        }
        words(text, start, end, out);
    }

    private boolean isEmoticon(String text, int start, int end) {
        return !Character.isLetterOrDigit(text.charAt(start))
                && knownEmoticon.test(text.substring(start, end).toLowerCase(Locale.ROOT));
    }

    private void words(String text, int start, int end, List<Token> out) {
        int i = start;
        while (i < end) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (isWordChar(cp)) {
                int wordStart = i;
                i += len;
                while (i < end) {
                    int c = text.codePointAt(i);
                    if (isWordChar(c)) {
                        i += Character.charCount(c);
                    } else if (isApostrophe(c) && i + 1 < end && Character.isLetter(text.codePointAt(i + 1))) {
                        i += Character.charCount(c);
                    } else {
                        break;
                    }
                }
                String word = text.substring(wordStart, i).replace('\u2019', '\'');
                out.add(new Token(word, word.toLowerCase(Locale.ROOT), Token.Kind.WORD));
                continue;
            }
            if (cp == '!') {
                out.add(new Token("!", "!", Token.Kind.EXCLAMATION));
            } else if (cp == '?') {
                out.add(new Token("?", "?", Token.Kind.QUESTION));
            } else if (cp == '.' || cp == ';' || cp == ':' || cp == ',' || cp == '\u3002') {
                if (out.isEmpty() || out.get(out.size() - 1).kind() != Token.Kind.CLAUSE_BREAK) {
                    out.add(new Token(".", ".", Token.Kind.CLAUSE_BREAK));
                }
            } else if (isEmoji(cp)) {
                String emoji = new String(Character.toChars(cp));
                out.add(new Token(emoji, emoji, Token.Kind.EMOJI));
            }
            i += len;
        }
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019';
    }

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || cp == 0x2B50 || cp == 0x2764;
    }
}
