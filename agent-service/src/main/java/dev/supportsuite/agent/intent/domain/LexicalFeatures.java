package dev.supportsuite.agent.intent.domain;

import java.util.Arrays;
import java.util.Locale;

/**
 * Hashed word unigram and bigram features of an utterance. They complement the sentence embedding: an
 * embedding blurs the exact wording ("card" vs "account", "pending" vs "declined") that separates close
 * intents, and lexical features keep it. {@link String#hashCode()} is specified by the JDK, so a feature
 * index is the same in every JVM.
 */
final class LexicalFeatures {

    private final int buckets;

    /** @param buckets size of the hashed feature space, a power of two. */
    LexicalFeatures(int buckets) {
        if (buckets < 0 || Integer.bitCount(Math.max(buckets, 1)) != 1) {
            throw new IllegalArgumentException("buckets must be a power of two or 0, got " + buckets);
        }
        this.buckets = buckets;
    }

    int buckets() {
        return buckets;
    }

    /** Sorted distinct feature indices of the text; each feature has weight 1/sqrt(count). */
    int[] indices(String text) {
        if (buckets == 0) {
            return new int[0];
        }
        String[] tokens = tokens(text);
        int[] features = new int[tokens.length * 2 + 1];
        int n = 0;
        String previous = "<s>";
        for (String token : tokens) {
            features[n++] = bucket("u:" + token);
            features[n++] = bucket("b:" + previous + ' ' + token);
            previous = token;
        }
        features[n++] = bucket("b:" + previous + " </s>");
        int[] sorted = Arrays.copyOf(features, n);
        Arrays.sort(sorted);
        return Arrays.stream(sorted).distinct().toArray();
    }

    private int bucket(String feature) {
        int h = feature.hashCode();
        h ^= (h >>> 16);
        h *= 0x45d9f3b;
        h ^= (h >>> 16);
        return h & (buckets - 1);
    }

    static String[] tokens(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
        return Arrays.stream(lower.split("[^\\p{L}\\p{Nd}]+")).filter(token -> !token.isEmpty())
                .toArray(String[]::new);
    }
}
