package dev.supportsuite.gateway.chat.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.supportsuite.contracts.chat.Citation;
import java.util.List;

/** A citation as clients see it, snake_case like every other field of the public chat API. */
record CitationView(
        @JsonProperty("document_id") String documentId,
        String title,
        @JsonProperty("section_path") String sectionPath) {

    static List<CitationView> of(List<Citation> citations) {
        return citations.stream().map(c -> new CitationView(c.documentId(), c.title(), c.sectionPath())).toList();
    }
}
