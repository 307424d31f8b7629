package dev.supportsuite.knowledge.ingest.adapter;

import dev.supportsuite.knowledge.ingest.domain.NoExtractableTextException;
import dev.supportsuite.knowledge.ingest.domain.PdfText;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF text through Apache PDFBox, in reading order, as paragraphs: the lines a paragraph was wrapped into
 * are joined, and paragraphs (headings among them) are separated by a blank line. Blocking: call it off
 * the event loop.
 */
public class PdfBoxText implements PdfText {

    @Override
    public String extract(String fileName, byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setLineSeparator(" ");
            stripper.setParagraphEnd("\n\n");
            return stripper.getText(document);
        } catch (IOException e) {
            throw new NoExtractableTextException(fileName);
        }
    }
}
