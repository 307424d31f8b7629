package dev.supportsuite.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SuiteApiDocumentTests {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final SuiteApiDocument suite = new SuiteApiDocument(WebClient.create(), mapper, Map.of(),
            Duration.ofSeconds(1), Duration.ofMinutes(1));

    @Test
    void pathsAndSchemasOfEveryServiceEndUpInOneDocument() {
        JsonNode merged = suite.merge(List.of(
                fetched("gateway", """
                        {"paths":{"/api/v1/widget/sessions":{"post":{}}},
                         "components":{"schemas":{"Session":{"type":"object"}}},"tags":[{"name":"widget"}]}"""),
                fetched("ticket", """
                        {"paths":{"/api/v1/tickets":{"get":{}},"/api/v1/tickets/{id}":{"get":{}}},
                         "components":{"schemas":{"Ticket":{"type":"object"}}},"tags":[{"name":"tickets"}]}""")));

        assertThat(merged.get("paths").propertyNames())
                .containsExactly("/api/v1/widget/sessions", "/api/v1/tickets", "/api/v1/tickets/{id}");
        assertThat(merged.get("components").get("schemas").propertyNames()).containsExactly("Session", "Ticket");
        assertThat(merged.get("tags")).hasSize(2);
        assertThat(merged.has("x-unavailable")).isFalse();
    }

    @Test
    void aSchemaNameTwoServicesUseDifferentlyIsRenamedWithItsReferences() {
        JsonNode merged = suite.merge(List.of(
                fetched("ticket", """
                        {"paths":{"/api/v1/tickets":{"get":{"responses":{"200":{"content":{"application/json":
                          {"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                         "components":{"schemas":{"Page":{"type":"object","title":"tickets"}}}}"""),
                fetched("memory", """
                        {"paths":{"/api/v1/memory/users/{id}/conversations":{"get":{"responses":{"200":{"content":
                          {"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                         "components":{"schemas":{"Page":{"type":"object","title":"conversations"},
                                                  "Wrapper":{"properties":{"page":{"$ref":"#/components/schemas/Page"}}}}}}""")));

        JsonNode schemas = merged.get("components").get("schemas");
        assertThat(schemas.get("Page").get("title").asString()).isEqualTo("tickets");
        assertThat(schemas.get("memory.Page").get("title").asString()).isEqualTo("conversations");
        assertThat(schemas.get("Wrapper").get("properties").get("page").get("$ref").asString())
                .isEqualTo("#/components/schemas/memory.Page");
        assertThat(merged.at("/paths/~1api~1v1~1memory~1users~1{id}~1conversations/get/responses/200/content"
                + "/application~1json/schema/$ref").asString()).isEqualTo("#/components/schemas/memory.Page");
        assertThat(merged.at("/paths/~1api~1v1~1tickets/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Page");
    }

    @Test
    void aServiceThatDidNotAnswerIsNamedNotHidden() {
        JsonNode merged = suite.merge(List.of(fetched("gateway", "{\"paths\":{}}"),
                new SuiteApiDocument.Fetched("knowledge", null)));

        assertThat(merged.get("x-unavailable").get(0).asString()).isEqualTo("knowledge");
        assertThat(merged.get("info").get("title").asString()).isEqualTo("Support suite API");
    }

    private SuiteApiDocument.Fetched fetched(String service, String json) {
        return new SuiteApiDocument.Fetched(service, mapper.readTree(json));
    }
}
