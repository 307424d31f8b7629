package dev.supportsuite.agent.intent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogCsvTests {

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
        String csv = "text,intent\r\n"
                + "\"hi, there\",greeting\r\n"
                + "\"she said \"\"cancel\"\" twice\",cancel_subscription\n"
                + "\"two\nlines\",question\n"
                + "plain text,question";

        IntentCatalog catalog = CatalogCsv.read(csv, null);

        assertThat(catalog.examples()).containsExactly(
                new IntentExample("hi, there", "greeting"),
                new IntentExample("she said \"cancel\" twice", "cancel_subscription"),
                new IntentExample("two\nlines", "question"),
                new IntentExample("plain text", "question"));
    }

    @Test
    void findsColumnsByHeaderNameAndAcceptsCategoryForIntent() {
        String csv = "category,source,text\nbilling,web,why was I charged twice\n";

        IntentCatalog catalog = CatalogCsv.read("\uFEFF" + csv, 0.4);

        assertThat(catalog.examples()).containsExactly(new IntentExample("why was I charged twice", "billing"));
        assertThat(catalog.minConfidence()).isEqualTo(0.4);
    }

    @Test
    void writesWhatItReadsBackUnchanged() {
        IntentCatalog catalog = new IntentCatalog(List.of(
                new IntentExample("hello, anyone?", "greeting"),
                new IntentExample("he wrote \"help\"", "question"),
                new IntentExample(" padded ", "question"),
                new IntentExample("line\r\nbreak", "question")), null);

        String csv = CatalogCsv.write(catalog);

        assertThat(csv).startsWith("text,intent\r\n");
        assertThat(CatalogCsv.read(csv, null)).isEqualTo(catalog);
        assertThat(CatalogCsv.write(CatalogCsv.read(csv, null))).isEqualTo(csv);
    }

    @Test
    void rejectsAHeaderWithoutAnIntentColumn() {
        assertThatThrownBy(() -> CatalogCsv.read("text,topic\nhi,greeting\n", null))
                .isInstanceOf(InvalidIntentCatalogException.class)
                .hasMessageContaining("'intent'");
    }

    @Test
    void rejectsRowsWithTooFewColumnsAndUnterminatedQuotes() {
        assertThatThrownBy(() -> CatalogCsv.read("text,intent\nhi,greeting\nlonely\n", null))
                .isInstanceOf(InvalidIntentCatalogException.class)
                .hasMessageContaining("row 3");
        assertThatThrownBy(() -> CatalogCsv.read("text,intent\n\"open quote,greeting\n", null))
                .isInstanceOf(InvalidIntentCatalogException.class)
                .hasMessageContaining("quoted");
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThatThrownBy(() -> CatalogCsv.read("", null)).isInstanceOf(InvalidIntentCatalogException.class);
    }
}
