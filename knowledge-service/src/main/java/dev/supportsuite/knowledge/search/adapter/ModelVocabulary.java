package dev.supportsuite.knowledge.search.adapter;

import dev.supportsuite.embeddings.SentenceEmbedder;
import dev.supportsuite.knowledge.search.domain.Dictionary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The English words of the embedding model's own vocabulary as the spelling dictionary: the whole-word entries
 * of bge-small's WordPiece vocabulary (about 25,000 of its 30,522 entries are words of letters, not word pieces),
 * read from the tokenizer file the model ships with. A word the model has a token of its own for is a real word
 * the dense side understands as typed; a misspelling is not in it ({@code subscripton}, {@code cancle}). Plurals
 * the vocabulary lacks ({@code refunds}) are found through their singular.
 */
public final class ModelVocabulary implements Dictionary {

    /** The tokenizer of {@link SentenceEmbedder#MODEL_ID}, on the classpath with the model. */
    static final String TOKENIZER = SentenceEmbedder.TOKENIZER_RESOURCE;
    private static final Pattern WORD = Pattern.compile("\\p{Ll}+");

    private final Set<String> words;
    private final EnglishMinimalStemmer plurals = new EnglishMinimalStemmer();

    private ModelVocabulary(Set<String> words) {
        this.words = words;
    }

    /** Reads the vocabulary; fails with the resource's name when the model's tokenizer is not on the classpath. */
    public static ModelVocabulary load(JsonMapper mapper) {
        try (InputStream in = ModelVocabulary.class.getResourceAsStream(TOKENIZER)) {
            if (in == null) {
                throw new IllegalStateException("The spelling dictionary needs the embedding model's tokenizer "
                        + TOKENIZER + " on the classpath");
            }
            JsonNode vocab = mapper.readTree(in).path("model").path("vocab");
            Set<String> words = new HashSet<>();
            for (String entry : vocab.propertyNames()) {
                if (WORD.matcher(entry).matches()) {
                    words.add(entry);
                }
            }
            if (words.isEmpty()) {
                throw new IllegalStateException("No words in the vocabulary of " + TOKENIZER);
            }
            return new ModelVocabulary(Set.copyOf(words));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TOKENIZER, e);
        }
    }

    @Override
    public boolean contains(String word) {
        if (words.contains(word)) {
            return true;
        }
        char[] chars = word.toCharArray();
        int length = plurals.stem(chars, chars.length);
        return length < chars.length && words.contains(new String(chars, 0, length));
    }

    /** Number of words held. */
    public int size() {
        return words.size();
    }
}
