package dev.supportsuite.knowledge.index.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.knowledge.document.domain.DocumentDraft;
import dev.supportsuite.knowledge.document.domain.DocumentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTests {

    private final Chunker chunker = new Chunker(new ChunkingPolicy(200, 40));

    @Test
    void keepsAnFaqEntryWholeHoweverLongItIs() {
        String answer = "Refunds are possible within thirty days. ".repeat(20);
        List<Chunk> chunks = chunker.chunk("faq-1", draft("Can I get a refund?", answer, DocumentKind.FAQ));

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.text()).isEqualTo(answer.strip());
            assertThat(chunk.sectionPath()).isEqualTo("Can I get a refund?");
            assertThat(chunk.chunkId()).isEqualTo("faq-1#0");
            assertThat(chunk.indexedText()).startsWith("Can I get a refund?\n");
        });
    }

    @Test
    void givesEachMarkdownChunkTheHeadingsAboveItAsSectionPath() {
        String markdown = """
                # Guide

                Intro text.

                ## Billing

                ### Refunds

                Refunds take five days.

                ## Security

                Use two factors.
                """;
        List<Chunk> chunks = chunker.chunk("doc", draft("Guide", markdown, DocumentKind.MARKDOWN));

        assertThat(chunks).extracting(Chunk::sectionPath)
                .containsExactly("Guide", "Guide > Billing > Refunds", "Guide > Security");
        assertThat(chunks).extracting(Chunk::text)
                .containsExactly("Intro text.", "Refunds take five days.", "Use two factors.");
        assertThat(chunks.get(1).indexedText()).isEqualTo("Guide > Billing > Refunds\nRefunds take five days.");
    }

    @Test
    void ignoresHashLinesInsideCodeFences() {
        String markdown = """
                ## Setup

                ```
                # not a heading
                ```
                """;
        List<Chunk> chunks = chunker.chunk("doc", draft("Doc", markdown, DocumentKind.MARKDOWN));

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(chunk.sectionPath()).isEqualTo("Doc > Setup");
            assertThat(chunk.text()).contains("# not a heading");
        });
    }

    @Test
    void cutsLongSectionsIntoSizedOverlappingChunks() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            text.append("Sentence number ").append(i).append(" says something useful. ");
        }
        List<Chunk> chunks = chunker.chunk("doc", draft("Long", text.toString(), DocumentKind.TEXT));

        assertThat(chunks).hasSizeGreaterThan(4);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.text().length()).isLessThanOrEqualTo(200));
        for (int i = 1; i < chunks.size(); i++) {
            String previous = chunks.get(i - 1).text();
            String firstWords = chunks.get(i).text().substring(0, 15);
            assertThat(previous).as("chunk %d starts with the end of chunk %d", i, i - 1).contains(firstWords);
        }
        assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).contains("Sentence number 29");
        assertThat(chunks).extracting(Chunk::ordinal).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
    }

    @Test
    void cutsPlainTextAtItsHeadingLikeParagraphs() {
        String text = """
                Pennant Service Level Agreement

                This agreement describes what Pennant commits to.

                1. Uptime commitment

                Pennant commits to 99.9% monthly uptime on Business.

                2. Service credits

                Note: a short line ending with a colon is no heading:

                Credits are a share of the monthly fee.
                Two lines make a paragraph, not a heading
                """;
        List<Chunk> chunks = chunker.chunk("doc", draft("Pennant Service Level Agreement", text, DocumentKind.TEXT));

        assertThat(chunks).extracting(Chunk::sectionPath).containsExactly("Pennant Service Level Agreement",
                "Pennant Service Level Agreement > 1. Uptime commitment",
                "Pennant Service Level Agreement > 2. Service credits");
        assertThat(chunks.get(0).text()).isEqualTo("This agreement describes what Pennant commits to.");
        assertThat(chunks.get(2).text()).startsWith("Note: a short line").endsWith("not a heading");
    }

    @Test
    void joinsLinesWrappedInTheSourceButKeepsListsTablesAndCode() {
        String markdown = """
                # Guide

                ## Invoices

                An invoice is issued on each renewal date and whenever a change
                creates a charge, such as adding seats.
                - first item
                - second item that wraps
                  onto a second line
                | plan | price |
                | Team | 8 |

                ```
                curl -X POST \\
                  https://api.example

                echo done
                ```
                """;
        List<Chunk> chunks = chunker.chunk("doc", draft("Guide", markdown, DocumentKind.MARKDOWN));

        String text = String.join("\n\n", chunks.stream().map(Chunk::text).toList());
        assertThat(text).contains("whenever a change creates a charge, such as adding seats.\n- first item\n"
                + "- second item that wraps onto a second line\n| plan | price |\n| Team | 8 |");
        assertThat(text).contains("```\ncurl -X POST \\\n  https://api.example\n\necho done\n```");
    }

    @Test
    void cutsAWordLongerThanAChunk() {
        String word = "x".repeat(450);
        List<Chunk> chunks = chunker.chunk("doc", draft("Odd", word, DocumentKind.TEXT));

        assertThat(chunks).extracting(chunk -> chunk.text().length()).containsExactly(200, 200, 50);
    }

    @Test
    void producesNoChunksForHeadingsWithoutText() {
        List<Chunk> chunks = chunker.chunk("doc", draft("Empty", "# Empty\n\n## Nothing here\n", DocumentKind.MARKDOWN));

        assertThat(chunks).isEmpty();
    }

    private static DocumentDraft draft(String title, String content, DocumentKind kind) {
        return new DocumentDraft(title, content, "general", null, List.of(), kind);
    }
}
