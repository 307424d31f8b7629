package dev.supportsuite.knowledge.index.domain;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Embeds passages and queries with the product's name read as "it". Every entry of a product's own help center is
 * about the product, so its name tells entries apart no more than "it" does; but an embedding model weighs the
 * name like any other word. A question that names the product was pulled towards the entries that happen to repeat
 * the name ("does Pennant have guest access?" found "Is Pennant free for personal use?"), and a question the
 * knowledge base cannot answer rose to the confidence of answered ones because it shared the name ("Is there a
 * Pennant certification course?" reached the compliance certifications at 0.84). Every mention is read so, in
 * addresses too ("status.it.example"). Lexical search still sees the name. Measured in docs/benchmarks.md (twelfth
 * session).
 */
public final class ProductNameEmbedder implements Embedder {

    private final Embedder embedder;
    private final Pattern name;

    /** @param productName the product's name, one word or more; blank embeds every text as it is */
    public ProductNameEmbedder(Embedder embedder, String productName) {
        this.embedder = embedder;
        this.name = productName == null || productName.isBlank() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])"
                + Arrays.stream(productName.strip().split("\\s+")).map(Pattern::quote).collect(Collectors.joining(
                        "\\s+")) + "(?<possessive>['\u2019]s)?(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    @Override
    public Mono<List<float[]>> embedPassages(List<String> texts) {
        return embedder.embedPassages(texts.stream().map(this::neutralised).toList());
    }

    @Override
    public Mono<float[]> embedQuery(String query) {
        return embedder.embedQuery(neutralised(query));
    }

    /** The text with each mention of the product's name read as "it" ("its" for "Pennant's"). */
    String neutralised(String text) {
        if (name == null) {
            return text;
        }
        Matcher mention = name.matcher(text);
        StringBuilder read = new StringBuilder();
        while (mention.find()) {
            mention.appendReplacement(read, mention.group("possessive") == null ? "it" : "its");
        }
        return mention.appendTail(read).toString();
    }
}
