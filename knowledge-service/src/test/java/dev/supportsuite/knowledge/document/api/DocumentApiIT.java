package dev.supportsuite.knowledge.document.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.knowledge.DocumentIngestedEvent;
import dev.supportsuite.knowledge.KnowledgeEvents;
import dev.supportsuite.knowledge.KnowledgeServiceTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Documents through HTTP on real PostgreSQL, Kafka, Lucene and the embedding model. */
class DocumentApiIT extends KnowledgeServiceTestSupport {

    private static final Duration EVENT_WAIT = Duration.ofSeconds(15);

    @Autowired
    WebTestClient http;

    @Autowired
    JsonMapper mapper;

    private KnowledgeEvents events;
    /** Each test works in its own category so that tests sharing the context do not meet. */
    private String category;

    @BeforeEach
    void setUp() {
        events = new KnowledgeEvents(mapper);
        category = "cat-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        events.close();
    }

    @Test
    void storesAnFaqEntryFindsItByAParaphraseAndPublishesCreated() {
        JsonNode created = post(faq("How long does a refund take to reach my card?",
                "Refunds reach your card within 5 to 10 business days after approval."))
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = created.get("id").asString();
        post(faq("How do I change my password?", "Use the Forgot password link on the sign-in page."))
                .expectStatus().isCreated();

        http.get().uri("/api/v1/knowledge/documents/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.kind").isEqualTo("faq")
                .jsonPath("$.category").isEqualTo(category)
                .jsonPath("$.chunkCount").isEqualTo(1)
                .jsonPath("$.contentHash").value(hash -> assertThat((String) hash).hasSize(64));

        JsonNode result = search("when will the money from my refund be back on my credit card");
        assertThat(result.get("hits").get(0).get("documentId").asString()).isEqualTo(id);
        assertThat(result.get("hits").get(0).get("chunkId").asString()).isEqualTo(id + "#0");
        assertThat(result.get("hits").get(0).get("confidence").asDouble()).isBetween(0.0, 1.0);

        List<DocumentIngestedEvent> published = events.forDocument(id, 1, EVENT_WAIT);
        assertThat(published).singleElement().satisfies(event -> {
            assertThat(event.change()).isEqualTo("created");
            assertThat(event.chunkCount()).isEqualTo(1);
            assertThat(event.category()).isEqualTo(category);
            assertThat(event.contentHash()).isEqualTo(created.get("contentHash").asString());
        });
    }

    @Test
    void acceptsABatchAndListsItByCategoryPageByPage() {
        List<Map<String, Object>> batch = List.of(
                article("Shipping guide", "# Shipping\n\n## Rates\n\nParcels cost five euros."),
                article("Returns guide", "Return anything within thirty days."),
                faq("Do you ship abroad?", "Yes, to forty countries."));

        JsonNode created = post(batch).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created).hasSize(3);
        assertThat(created).extracting(document -> document.get("title").asString())
                .containsExactly("Shipping guide", "Returns guide", "Do you ship abroad?");

        JsonNode found = search("which countries can you deliver parcels to");
        assertThat(found.get("hits")).extracting(hit -> hit.get("documentId").asString())
                .contains(created.get(2).get("id").asString());
        for (JsonNode document : created) {
            assertThat(events.forDocument(document.get("id").asString(), 1, EVENT_WAIT)).singleElement()
                    .satisfies(event -> {
                        assertThat(event.change()).isEqualTo("created");
                        assertThat(event.chunkCount()).isEqualTo(document.get("chunkCount").asInt()).isPositive();
                    });
        }

        JsonNode first = http.get().uri("/api/v1/knowledge/documents?category={c}&size=2", category).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode second = http.get().uri("/api/v1/knowledge/documents?category={c}&size=2&page=1", category)
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items")).hasSize(1);

        http.get().uri("/api/v1/knowledge/categories").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.category == '%s')].documents".formatted(category)).isEqualTo(3);
    }

    @Test
    void replacingADocumentReplacesWhatSearchFinds() {
        String id = post(article("Office hours", "Support is open from nine to five on weekdays."))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();

        http.put().uri("/api/v1/knowledge/documents/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(article("Office hours", "Support now answers around the clock, every day of the year."))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content").isEqualTo(
                        "Support now answers around the clock, every day of the year.");

        JsonNode result = search("is support open around the clock");
        assertThat(result.get("hits")).singleElement().satisfies(hit -> {
            assertThat(hit.get("documentId").asString()).isEqualTo(id);
            assertThat(hit.get("snippet").asString()).contains("around the clock");
            assertThat(hit.get("text").asString())
                    .isEqualTo("Support now answers around the clock, every day of the year.");
        });
        assertThat(events.forDocument(id, 2, EVENT_WAIT)).extracting(DocumentIngestedEvent::change)
                .containsExactly("created", "replaced");
    }

    @Test
    void aDeletedDocumentIsNeverReturnedAgain() {
        String id = post(faq("Can I pay by bank transfer?", "Yes, annual plans can be paid by bank transfer."))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();
        assertThat(search("pay with a bank transfer").get("hits")).hasSize(1);

        http.delete().uri("/api/v1/knowledge/documents/{id}", id).exchange().expectStatus().isNoContent();

        assertThat(search("pay with a bank transfer").get("hits")).isEmpty();
        http.get().uri("/api/v1/knowledge/documents/{id}", id).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/document-not-found");
        http.delete().uri("/api/v1/knowledge/documents/{id}", id).exchange().expectStatus().isNotFound();
        assertThat(events.forDocument(id, 2, EVENT_WAIT)).extracting(DocumentIngestedEvent::change,
                DocumentIngestedEvent::chunkCount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("created", 1), org.assertj.core.groups.Tuple.tuple("deleted", 0));
    }

    @Test
    void rejectsAnInvalidDocumentAndABatchWithOneInvalidEntryWithoutStoringAnything() {
        post(Map.of("title", "No content here", "category", category))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/validation-failed")
                .jsonPath("$.errors.complete").exists();

        post(List.of(faq("A valid question?", "A valid answer."), Map.of("question", "Missing its answer?")))
                .expectStatus().isBadRequest();
        post(List.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/invalid-document");
        http.post().uri("/api/v1/knowledge/documents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{not json").exchange()
                .expectStatus().isBadRequest();

        http.get().uri("/api/v1/knowledge/documents?category={c}", category).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void rebuildsTheIndexFromPostgresql() {
        String id = post(faq("Is there a mobile app?", "Yes, for iOS and Android."))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asString();

        JsonNode rebuilt = http.post().uri("/api/v1/knowledge/index/rebuild").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode status = http.get().uri("/api/v1/knowledge/index").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(rebuilt.get("chunks").asLong()).isPositive().isEqualTo(status.get("chunks").asLong());
        assertThat(search("can I use it on my android phone").get("hits").get(0).get("documentId").asString())
                .isEqualTo(id);
    }

    @Test
    void correctsAMisspelledQueryAndSaysWhatItSearched() {
        String id = post(faq("How do I cancel my subscription?",
                "Open Settings > Billing and choose Cancel subscription; the plan stays active until the period ends."))
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
        post(faq("Where can I download my invoices?", "Every invoice is under Settings > Billing > Invoices."))
                .expectStatus().isCreated();

        JsonNode misspelled = search("how do i cancle my subscripton");
        JsonNode spelled = search("how do i cancel my subscription");

        assertThat(misspelled.get("query").asString()).isEqualTo("how do i cancle my subscripton");
        assertThat(misspelled.get("correctedQuery").asString()).isEqualTo("how do i cancel my subscription");
        assertThat(misspelled.get("hits").get(0).get("documentId").asString()).isEqualTo(id);
        assertThat(spelled.has("correctedQuery")).isFalse();
        assertThat(spelled.get("hits").get(0).get("documentId").asString()).isEqualTo(id);
    }

    @Test
    void validatesSearchParameters() {
        http.get().uri("/api/v1/knowledge/search?q=&k=5").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/knowledge/search?q=refund&k=0").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://supportsuite.dev/problems/validation-failed");
    }

    private WebTestClient.ResponseSpec post(Object body) {
        return http.post().uri("/api/v1/knowledge/documents").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private JsonNode search(String query) {
        return http.get().uri(b -> b.path("/api/v1/knowledge/search").queryParam("q", query)
                        .queryParam("category", category).queryParam("k", 5).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private Map<String, Object> faq(String question, String answer) {
        return Map.of("question", question, "answer", answer, "category", category, "tags", List.of("test"));
    }

    private Map<String, Object> article(String title, String content) {
        return Map.of("title", title, "content", content, "category", category, "source", "test.md");
    }
}
