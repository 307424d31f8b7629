package dev.supportsuite.knowledge.ingest.domain;

/** Port: the text of a PDF file. */
public interface PdfText {

    /**
     * The text of {@code pdf}, blank when it has none.
     *
     * @throws NoExtractableTextException when the bytes are not a readable PDF
     */
    String extract(String fileName, byte[] pdf);
}
