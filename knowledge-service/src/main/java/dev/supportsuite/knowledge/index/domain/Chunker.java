package dev.supportsuite.knowledge.index.domain;

import dev.supportsuite.knowledge.document.domain.DocumentDraft;
import dev.supportsuite.knowledge.document.domain.DocumentKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits documents into chunks that respect their structure. An FAQ entry stays whole. Markdown
 * is cut at headings first, so every chunk carries its section path ({@code Guide > Billing >
 * Refunds}); plain text (and PDF text) is cut at its heading-like paragraphs, a short single line
 * without closing punctuation followed by text ({@code SLA > 5. Support response times}). Inside a section, paragraphs are
 * packed into chunks of at most {@link ChunkingPolicy#maxChars()}; an over-long paragraph is cut
 * at sentence ends, then at words. Consecutive chunks of a section overlap by up to
 * {@link ChunkingPolicy#overlapChars()}, cut at a word boundary.
 */
public final class Chunker {

    /**
     * The version of how documents become chunks; part of the index fingerprint, so raising it rebuilds
     * indexes built the old way. 2: text and PDF cut at heading-like paragraphs, wrapped lines joined.
     */
    public static final int VERSION = 2;

    /** Separates the levels of a section path. */
    public static final String PATH_SEPARATOR = " > ";

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~).*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final int MAX_HEADING_CHARS = 80;
    /** Lines that start a block of their own inside a paragraph: list items, table rows, quotes, headings. */
    private static final Pattern BLOCK_START = Pattern.compile("^\\s*(?:[-*+]\\s|\\d{1,3}[.)]\\s|\\||>|#)");

    private final ChunkingPolicy policy;

    public Chunker(ChunkingPolicy policy) {
        this.policy = policy;
    }

    /** What decides the chunks: this version and the sizes. */
    public String fingerprint() {
        return "chunker=" + VERSION + ",max=" + policy.maxChars() + ",overlap=" + policy.overlapChars();
    }

    /** The chunks of {@code draft}, stored under {@code documentId}, in reading order. */
    public List<Chunk> chunk(String documentId, DocumentDraft draft) {
        List<Section> sections = switch (draft.kind()) {
            case FAQ -> List.of(new Section(draft.title(), List.of(draft.content().strip())));
            case MARKDOWN -> markdownSections(draft.title(), draft.content());
            case TEXT -> textSections(draft.title(), paragraphs(draft.content().lines().toList()));
        };
        List<Chunk> chunks = new ArrayList<>();
        for (Section section : sections) {
            List<String> texts = draft.kind() == DocumentKind.FAQ ? section.paragraphs() : pack(section.paragraphs());
            for (String text : texts) {
                if (!text.isBlank()) {
                    int ordinal = chunks.size();
                    chunks.add(new Chunk(Chunk.idOf(documentId, ordinal), documentId, ordinal, draft.title(),
                            section.path(), draft.category(), text));
                }
            }
        }
        return chunks;
    }

    private List<Section> markdownSections(String title, String content) {
        List<Section> sections = new ArrayList<>();
        String[] headings = new String[6];
        List<String> body = new ArrayList<>();
        String path = title;
        boolean inFence = false;
        for (String line : content.lines().toList()) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
            }
            Matcher heading = inFence ? null : HEADING.matcher(line);
            if (heading != null && heading.matches()) {
                addSection(sections, path, body);
                body = new ArrayList<>();
                int level = heading.group(1).length();
                headings[level - 1] = heading.group(2).strip();
                for (int deeper = level; deeper < headings.length; deeper++) {
                    headings[deeper] = null;
                }
                path = pathOf(title, headings);
            } else {
                body.add(line);
            }
        }
        addSection(sections, path, body);
        return sections;
    }

    /**
     * Plain text cut at its headings: a heading-like paragraph followed by one that is not starts a
     * section under the title; one that repeats the title only names the document.
     */
    private static List<Section> textSections(String title, List<String> paragraphs) {
        List<Section> sections = new ArrayList<>();
        String path = title;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            boolean heading = looksLikeHeading(paragraph) && i + 1 < paragraphs.size()
                    && !looksLikeHeading(paragraphs.get(i + 1));
            if (!heading) {
                body.add(paragraph);
                continue;
            }
            if (!body.isEmpty()) {
                sections.add(new Section(path, body));
                body = new ArrayList<>();
            }
            if (!paragraph.equalsIgnoreCase(title)) {
                path = title + PATH_SEPARATOR + paragraph;
            }
        }
        if (!body.isEmpty()) {
            sections.add(new Section(path, body));
        }
        return sections;
    }

    /** A short single line that does not end like a sentence or a clause: a title or a heading in plain text. */
    public static boolean looksLikeHeading(String paragraph) {
        String line = paragraph.strip();
        if (line.isEmpty() || line.length() > MAX_HEADING_CHARS || line.contains("\n")) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return ".!?,;:".indexOf(last) < 0 && line.chars().anyMatch(Character::isLetter);
    }

    private static void addSection(List<Section> sections, String path, List<String> body) {
        List<String> paragraphs = paragraphs(body);
        if (!paragraphs.isEmpty()) {
            sections.add(new Section(path, paragraphs));
        }
    }

    private static String pathOf(String title, String[] headings) {
        StringBuilder path = new StringBuilder(title);
        for (String heading : headings) {
            if (heading != null && !heading.equalsIgnoreCase(title)) {
                path.append(PATH_SEPARATOR).append(heading);
            }
        }
        return path.toString();
    }

    /**
     * Paragraphs are separated by blank lines. Inside one, a line wrapped only to keep the source narrow
     * is joined to the line before with a space, as Markdown renders it; a line that starts a list item,
     * a table row, a quote or a heading keeps its line break, and so does every line of fenced code.
     */
    private static List<String> paragraphs(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inFence = false;
        for (String line : lines) {
            boolean fence = FENCE.matcher(line).matches();
            if (line.isBlank() && !inFence) {
                flush(paragraphs, current);
                continue;
            }
            boolean ownLine = inFence || fence || BLOCK_START.matcher(line).lookingAt();
            if (current.isEmpty() || ownLine) {
                current.append(current.isEmpty() ? "" : "\n").append(line.stripTrailing());
            } else {
                current.append(' ').append(line.strip());
            }
            if (fence) {
                inFence = !inFence;
            }
        }
        flush(paragraphs, current);
        return paragraphs;
    }

    private static void flush(List<String> paragraphs, StringBuilder current) {
        if (!current.toString().isBlank()) {
            paragraphs.add(current.toString().strip());
        }
        current.setLength(0);
    }

    private List<String> pack(List<String> paragraphs) {
        List<String> units = new ArrayList<>();
        for (String paragraph : paragraphs) {
            units.addAll(fit(paragraph));
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String unit : units) {
            if (current.isEmpty()) {
                current.append(unit);
            } else if (current.length() + 2 + unit.length() <= policy.maxChars()) {
                current.append("\n\n").append(unit);
            } else {
                String done = current.toString();
                chunks.add(done);
                current.setLength(0);
                String overlap = tail(done);
                if (!overlap.isEmpty() && overlap.length() + 1 + unit.length() <= policy.maxChars()) {
                    current.append(overlap).append(' ');
                }
                current.append(unit);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    /** Cuts a paragraph into pieces no longer than the limit: at sentence ends, then at words. */
    private List<String> fit(String paragraph) {
        if (paragraph.length() <= policy.maxChars()) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : SENTENCE_END.split(paragraph)) {
            for (String part : splitWords(sentence)) {
                if (current.isEmpty()) {
                    current.append(part);
                } else if (current.length() + 1 + part.length() <= policy.maxChars()) {
                    current.append(' ').append(part);
                } else {
                    pieces.add(current.toString());
                    current.setLength(0);
                    current.append(part);
                }
            }
        }
        if (!current.isEmpty()) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    private List<String> splitWords(String sentence) {
        if (sentence.length() <= policy.maxChars()) {
            return List.of(sentence);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : sentence.split("\\s+")) {
            String piece = word;
            while (piece.length() > policy.maxChars()) {
                if (!current.isEmpty()) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                parts.add(piece.substring(0, policy.maxChars()));
                piece = piece.substring(policy.maxChars());
            }
            if (current.isEmpty()) {
                current.append(piece);
            } else if (current.length() + 1 + piece.length() <= policy.maxChars()) {
                current.append(' ').append(piece);
            } else {
                parts.add(current.toString());
                current.setLength(0);
                current.append(piece);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    /** The last words of {@code text}, at most the overlap length. */
    private String tail(String text) {
        if (policy.overlapChars() == 0) {
            return "";
        }
        if (text.length() <= policy.overlapChars()) {
            return text.replace("\n\n", " ");
        }
        int start = text.length() - policy.overlapChars();
        int space = text.indexOf(' ', start);
        return space < 0 ? "" : text.substring(space + 1).replace("\n\n", " ");
    }

    private record Section(String path, List<String> paragraphs) {
    }
}
