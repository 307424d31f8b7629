package dev.supportsuite.knowledge.document.domain;

/** What shape a document has, which decides how it is chunked. */
public enum DocumentKind {
    /** A question (the title) and its answer (the content); always one chunk. */
    FAQ,
    /** Markdown: headings give each chunk its section path. */
    MARKDOWN,
    /** Plain text (also text extracted from PDF): paragraphs packed into sized chunks. */
    TEXT
}
