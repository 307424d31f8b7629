package dev.supportsuite.sentiment.analysis.domain;

/**
 * One unit of a message as the rule engine sees it.
 *
 * @param text  the token as written (case kept, so shouting can be detected)
 * @param lower the lower-case form used for lexicon look-ups
 * @param kind  what sort of token it is
 */
record Token(String text, String lower, Kind kind) {

    /** The sorts of token the tokenizer produces. */
    enum Kind {
        WORD, EMOTICON, EMOJI, EXCLAMATION, QUESTION, CLAUSE_BREAK
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    /** True when the word is written in capitals and long enough for that to mean shouting. */
    boolean isShouted() {
        if (kind != Kind.WORD || text.length() < 2) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letter = true;
            }
        }
        return letter;
    }
}
