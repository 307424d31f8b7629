package dev.supportsuite.knowledge.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes the shipped PDF of the knowledge base from a text source, so the PDF can be regenerated
 * and reviewed as text. Not part of the test suite. Usage: {@code KnowledgePdfGenerator <in.txt> <out.pdf>}.
 * A blank line separates paragraphs; the first paragraph is the title.
 */
public final class KnowledgePdfGenerator {

    private static final float MARGIN = 60;
    private static final float BODY_SIZE = 11;
    private static final float TITLE_SIZE = 18;
    private static final float LEADING = 1.4f;

    private KnowledgePdfGenerator() {
    }

    public static void main(String[] args) throws IOException {
        String text = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        List<String> paragraphs = List.of(text.strip().split("\\n\\s*\\n"));
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle(paragraphs.get(0).strip());
            Writer writer = new Writer(document);
            writer.paragraph(paragraphs.get(0).strip(), bold, TITLE_SIZE);
            for (String paragraph : paragraphs.subList(1, paragraphs.size())) {
                boolean heading = paragraph.strip().matches("\\d+\\. .{1,60}");
                writer.paragraph(paragraph.strip().replaceAll("\\s+", " "), heading ? bold : regular,
                        heading ? 13 : BODY_SIZE);
            }
            writer.close();
            document.save(Path.of(args[1]).toFile());
        }
    }

    private static final class Writer {
        private final PDDocument document;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void paragraph(String text, PDType1Font font, float size) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            for (String line : wrap(text, font, size, width)) {
                if (y < MARGIN + size) {
                    stream.close();
                    newPage();
                }
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN, y);
                stream.showText(line);
                stream.endText();
                y -= size * LEADING;
            }
            y -= size * 0.8f;
        }

        private void newPage() throws IOException {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void close() throws IOException {
            stream.close();
        }

        private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (font.getStringWidth(candidate) / 1000 * size > width && !line.isEmpty()) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }
    }
}
