package dev.supportsuite.agent.intent.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and writes a catalog as RFC 4180 CSV: a header row naming a {@code text} column and an
 * {@code intent} column ({@code category} and {@code label} are accepted for the intent, so public
 * data sets load as they are; other columns are ignored), then one example per row. Fields may be
 * quoted, with commas, doubled quotes and line breaks inside. What {@link #write} produces,
 * {@link #read} reads back unchanged.
 */
public final class CatalogCsv {

    private static final Set<String> INTENT_COLUMNS = Set.of("intent", "category", "label");

    private CatalogCsv() {
    }

    /**
     * Parses a catalog.
     *
     * @throws InvalidIntentCatalogException when the text is not such a CSV
     */
    public static IntentCatalog read(String csv, Double minConfidence) {
        List<List<String>> rows = parse(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
        if (rows.isEmpty()) {
            throw new InvalidIntentCatalogException("the CSV is empty; expected a header row 'text,intent'");
        }
        List<String> header = rows.get(0).stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
        int text = header.indexOf("text");
        int intent = -1;
        for (int i = 0; i < header.size() && intent < 0; i++) {
            intent = INTENT_COLUMNS.contains(header.get(i)) ? i : -1;
        }
        if (text < 0 || intent < 0) {
            throw new InvalidIntentCatalogException("the CSV header must name a 'text' and an 'intent' column, got "
                    + String.join(",", rows.get(0)));
        }
        List<IntentExample> examples = new ArrayList<>(rows.size());
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() <= Math.max(text, intent)) {
                throw new InvalidIntentCatalogException("CSV row " + (r + 1) + " has " + row.size()
                        + " column(s), the header has " + header.size());
            }
            examples.add(new IntentExample(row.get(text), row.get(intent)));
        }
        return new IntentCatalog(examples, minConfidence);
    }

    /** Writes a catalog with a {@code text,intent} header and CRLF line ends. */
    public static String write(IntentCatalog catalog) {
        StringBuilder out = new StringBuilder(catalog.examples().size() * 48).append("text,intent\r\n");
        for (IntentExample example : catalog.examples()) {
            field(out, example.text());
            out.append(',');
            field(out, example.intent());
            out.append("\r\n");
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String value) {
        boolean quote = value.isEmpty() || value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || !value.equals(value.strip());
        if (quote) {
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
        else {
            out.append(value);
        }
    }

    /** Splits CSV text into rows of fields. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0 && !field.toString().isBlank()) {
                        throw new InvalidIntentCatalogException("CSV row " + (rows.size() + 1)
                                + " has a quote inside an unquoted field");
                    }
                    field.setLength(0);
                    quoted = true;
                    fieldStarted = true;
                }
                case ',' -> {
                    row.add(field.toString());
                    field.setLength(0);
                    fieldStarted = true;
                }
                case '\r', '\n' -> {
                    if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    rows.add(row);
                    row = new ArrayList<>();
                    field.setLength(0);
                    fieldStarted = false;
                }
                default -> {
                    field.append(c);
                    fieldStarted = true;
                }
            }
            i++;
        }
        if (quoted) {
            throw new InvalidIntentCatalogException("the CSV ends inside a quoted field");
        }
        if (fieldStarted || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
