package dev.supportsuite.knowledge.ingest.domain;

import dev.supportsuite.knowledge.document.domain.DocumentDraft;
import dev.supportsuite.knowledge.document.domain.DocumentKind;
import dev.supportsuite.knowledge.index.domain.Chunker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a file (name and bytes) into a document draft: .md as Markdown (with optional front
 * matter giving {@code title}, {@code category} and {@code tags}), .txt as text, .pdf through
 * {@link PdfText}. The title is the front-matter title, else the first level-1 heading (Markdown) or a
 * heading-like first paragraph (text, PDF), else the file name without extension.
 */
public final class FileDrafts {

    private final PdfText pdf;

    public FileDrafts(PdfText pdf) {
        this.pdf = pdf;
    }

    /** Whether a file of this name can be imported. */
    public static boolean supports(String fileName) {
        return extension(fileName) != null;
    }

    /**
     * @param defaultCategory used when the file does not name its category
     * @param title           overrides the derived title when not blank
     */
    public DocumentDraft draft(String fileName, byte[] bytes, String defaultCategory, String title) {
        String extension = extension(fileName);
        if (extension == null) {
            throw new UnsupportedFileTypeException(fileName);
        }
        if (bytes.length == 0) {
            throw new EmptyFileException(fileName);
        }
        String text = extension.equals("pdf") ? pdf.extract(fileName, bytes)
                : new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
        if (text.isBlank()) {
            if (extension.equals("pdf")) {
                throw new NoExtractableTextException(fileName);
            }
            throw new EmptyFileException(fileName);
        }
        FrontMatter front = extension.equals("md") ? FrontMatter.parse(text) : FrontMatter.none(text);
        String derivedTitle = front.title() != null ? front.title()
                : extension.equals("md") ? firstHeading(front.body(), baseName(fileName))
                : firstHeading(front.body(), firstParagraphTitle(front.body(), baseName(fileName)));
        String category = front.category() != null ? front.category() : defaultCategory;
        DocumentKind kind = extension.equals("md") ? DocumentKind.MARKDOWN : DocumentKind.TEXT;
        return new DocumentDraft(title != null && !title.isBlank() ? title.strip() : derivedTitle, front.body(),
                category, baseFileName(fileName), front.tags(), kind);
    }

    private static String extension(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return "md";
        }
        if (lower.endsWith(".txt")) {
            return "txt";
        }
        if (lower.endsWith(".pdf")) {
            return "pdf";
        }
        return null;
    }

    private static String baseFileName(String fileName) {
        String normalized = fileName.replace('\\', '/');
        return normalized.substring(normalized.lastIndexOf('/') + 1);
    }

    private static String baseName(String fileName) {
        String base = baseFileName(fileName);
        int dot = base.lastIndexOf('.');
        String name = dot > 0 ? base.substring(0, dot) : base;
        return name.replace('-', ' ').replace('_', ' ').strip();
    }

    private static String firstHeading(String body, String fallback) {
        for (String line : body.lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# ")) {
                return trimmed.substring(2).strip();
            }
        }
        return fallback;
    }

    private static String firstParagraphTitle(String body, String fallback) {
        String first = body.strip().split("\\n\\s*\\n", 2)[0].strip();
        return Chunker.looksLikeHeading(first) ? first : fallback;
    }

    /** Optional YAML-like front matter between two {@code ---} lines: simple key: value pairs. */
    private record FrontMatter(String title, String category, List<String> tags, String body) {

        static FrontMatter none(String text) {
            return new FrontMatter(null, null, List.of(), text);
        }

        static FrontMatter parse(String text) {
            if (!text.startsWith("---\n")) {
                return none(text);
            }
            int end = text.indexOf("\n---", 4);
            if (end < 0) {
                return none(text);
            }
            String title = null;
            String category = null;
            List<String> tags = new ArrayList<>();
            for (String line : text.substring(4, end).lines().toList()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                switch (key) {
                    case "title" -> title = value;
                    case "category" -> category = value;
                    case "tags" -> Arrays.stream(value.replace("[", "").replace("]", "").split(","))
                            .map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
                    default -> { }
                }
            }
            int bodyStart = text.indexOf('\n', end + 1);
            String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
            return new FrontMatter(title, category, tags, body);
        }
    }
}
