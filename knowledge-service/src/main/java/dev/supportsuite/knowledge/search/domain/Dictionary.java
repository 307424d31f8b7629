package dev.supportsuite.knowledge.search.domain;

/**
 * Port: the words of the language the questions are asked in. Spelling correction leaves a word found here as
 * it is, even where the knowledge base does not use it: it is a real word, meant as typed ("passport" is no
 * misspelling of "password", nor "employee" of "employer"). Only words the knowledge base does not know and the
 * language does not either are corrected.
 */
@FunctionalInterface
public interface Dictionary {

    /** Whether {@code word} (lower-case) is a word of the language, in any of its common inflections. */
    boolean contains(String word);
}
