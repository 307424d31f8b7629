package dev.supportsuite.knowledge.index.domain;

/**
 * A piece of a document small enough to embed and precise enough to cite.
 *
 * @param chunkId     {@code <documentId>#<ordinal>}
 * @param documentId  the document it belongs to
 * @param ordinal     position in the document, from 0
 * @param title       the document title (the question, for FAQ entries)
 * @param sectionPath where in the document it sits, such as {@code Guide > Billing > Refunds}
 * @param category    the document category
 * @param text        the chunk text
 */
public record Chunk(String chunkId, String documentId, int ordinal, String title, String sectionPath,
        String category, String text) {

    /** What is embedded and indexed lexically: the section path gives the text its context. */
    public String indexedText() {
        return sectionPath.equals(title) || sectionPath.isEmpty() ? title + "\n" + text
                : sectionPath + "\n" + text;
    }

    public static String idOf(String documentId, int ordinal) {
        return documentId + "#" + ordinal;
    }
}
