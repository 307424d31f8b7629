package dev.supportsuite.knowledge.document.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The content of a document before it is stored: what a client sends, what an upload or the
 * directory import produces. Its {@link #contentHash()} covers every field that changes what is
 * indexed, so an unchanged draft is recognised and not embedded again.
 *
 * @param title    title, or the question of an FAQ entry
 * @param content  body text, or the answer of an FAQ entry
 * @param category category such as {@code billing}, lower case
 * @param source   file name or URL the content came from, may be {@code null}
 * @param tags     free tags, never {@code null}
 * @param kind     how the content is chunked
 */
public record DocumentDraft(String title, String content, String category, String source, List<String> tags,
        DocumentKind kind) {

    public DocumentDraft {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(kind, "kind");
        category = category == null || category.isBlank() ? "general" : category.strip().toLowerCase(java.util.Locale.ROOT);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** SHA-256 over title, content, category, tags and kind, as lower-case hex. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(kind.name(), category, title, content, String.join(",", tags))) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
