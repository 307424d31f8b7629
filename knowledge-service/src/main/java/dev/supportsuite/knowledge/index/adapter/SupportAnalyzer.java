package dev.supportsuite.knowledge.index.adapter;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English analysis for support questions: Lucene's English analyser (possessives, Porter stemming)
 * with a stop list that also drops the pronouns, auxiliaries and question words every support
 * question is made of ("how do I", "can you", "my"). Without them, a short FAQ title such as
 * "Do you offer discounts?" outscores the one document that holds the question's real keyword.
 */
final class SupportAnalyzer {

    private static final List<String> EXTRA_STOP_WORDS = List.of("i", "i'm", "im", "me", "my", "mine", "we",
            "our", "ours", "us", "you", "your", "yours", "he", "she", "him", "her", "its", "it's", "them",
            "do", "does", "did", "doing", "done", "can", "could", "would", "should", "shall", "may", "might",
            "must", "have", "has", "had", "having", "am", "been", "being", "how", "what", "when", "where",
            "which", "who", "whom", "why", "get", "got", "any", "some", "please", "want", "need", "so", "from",
            "about", "just", "too", "very", "also", "there", "here", "s", "t", "don't", "dont", "let", "able",
            "anyone", "someone", "something", "anything", "thing", "things", "way", "tell", "know", "like");

    private SupportAnalyzer() {
    }

    static EnglishAnalyzer create() {
        CharArraySet stopWords = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stopWords.addAll(EXTRA_STOP_WORDS);
        return new EnglishAnalyzer(stopWords);
    }

    /**
     * Words as they are written, for spelling suggestions: the same tokens as {@link #create()} (possessives
     * dropped, lower-cased) but neither stemmed nor stop-listed, and only those made of letters, so that a
     * suggestion is a word a customer would type and never a number or a code. Stemmed terms
     * ({@code invoic}, {@code subscript}) would be no words to put back into a query.
     */
    static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream words = new LettersOnly(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
                return new TokenStreamComponents(source, words);
            }
        };
    }

    /** Keeps the tokens made of letters only. */
    private static final class LettersOnly extends FilteringTokenFilter {

        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        private LettersOnly(TokenStream input) {
            super(input);
        }

        @Override
        protected boolean accept() {
            for (int i = 0; i < term.length(); i++) {
                if (!Character.isLetter(term.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
