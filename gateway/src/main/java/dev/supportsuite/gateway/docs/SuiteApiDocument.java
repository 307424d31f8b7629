package dev.supportsuite.gateway.docs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one OpenAPI document of the public API: the gateway's own endpoints plus every routed
 * service's, fetched from each service's {@code /v3/api-docs} and merged. Paths are taken as the
 * services publish them (the gateway routes them unchanged); a schema name two services use for
 * different shapes is renamed {@code <service>.<name>} in the second one, with its references. A
 * service that does not answer within the timeout is left out and named in {@code x-unavailable}.
 * The merged document is kept for a minute.
 */
public final class SuiteApiDocument {

    private static final Logger log = LoggerFactory.getLogger(SuiteApiDocument.class);
    private static final String SCHEMA_REF = "#/components/schemas/";

    private final WebClient http;
    private final JsonMapper mapper;
    private final Map<String, Supplier<String>> sources;
    private final Duration timeout;
    private final Mono<JsonNode> cached;

    /**
     * @param sources service name to the URL of its OpenAPI document (asked when the document is
     *                built, so the gateway's own can use the port it got), the gateway's own first
     */
    public SuiteApiDocument(WebClient http, JsonMapper mapper, Map<String, Supplier<String>> sources,
            Duration timeout,
            Duration keep) {
        this.http = http;
        this.mapper = mapper;
        this.sources = new LinkedHashMap<>(sources);
        this.timeout = timeout;
        this.cached = Mono.defer(this::build).cache(document -> keep, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<JsonNode> document() {
        return cached;
    }

    private Mono<JsonNode> build() {
        return Flux.fromIterable(sources.entrySet())
                .concatMap(source -> fetch(source.getKey(), source.getValue().get()))
                .collectList()
                .map(this::merge);
    }

    private Mono<Fetched> fetch(String service, String url) {
        return http.get().uri(url).retrieve().bodyToMono(String.class)
                .timeout(timeout)
                .map(body -> new Fetched(service, mapper.readTree(body)))
                .onErrorResume(e -> {
                    log.warn("OpenAPI document of {} not available at {}: {}", service, url, e.toString());
                    return Mono.just(new Fetched(service, null));
                });
    }

    JsonNode merge(List<Fetched> fetched) {
        ObjectNode suite = mapper.createObjectNode();
        suite.put("openapi", "3.1.0");
        ObjectNode info = suite.putObject("info");
        info.put("title", "Support suite API");
        info.put("description", "Everything partners and widgets reach through the gateway. Authenticate with "
                + "`Authorization: Bearer` (a partner key or a widget session token); errors are problem+json.");
        info.put("version", "v1");
        ObjectNode paths = suite.putObject("paths");
        ObjectNode schemas = suite.putObject("components").putObject("schemas");
        ArrayNode tags = suite.putArray("tags");
        ArrayNode unavailable = mapper.createArrayNode();
        for (Fetched source : fetched) {
            if (source.document() == null) {
                unavailable.add(source.service());
                continue;
            }
            JsonNode document = source.document().deepCopy();
            Map<String, String> renamed = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
                JsonNode existing = schemas.get(schema.getKey());
                if (existing != null && !existing.equals(schema.getValue())) {
                    renamed.put(schema.getKey(), source.service() + "." + schema.getKey());
                }
            }
            if (!renamed.isEmpty()) {
                rewriteRefs(document, renamed);
            }
            for (Map.Entry<String, JsonNode> schema : document.path("components").path("schemas").properties()) {
                schemas.set(renamed.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue());
            }
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                if (!paths.has(path.getKey())) {
                    paths.set(path.getKey(), path.getValue());
                }
            }
            for (JsonNode tag : document.path("tags")) {
                tags.add(tag);
            }
        }
        if (!unavailable.isEmpty()) {
            suite.set("x-unavailable", unavailable);
        }
        return suite;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMA_REF)) {
                String name = ref.asString().substring(SCHEMA_REF.length());
                if (renamed.containsKey(name)) {
                    object.put("$ref", SCHEMA_REF + renamed.get(name));
                }
            }
            for (Map.Entry<String, JsonNode> child : object.properties()) {
                rewriteRefs(child.getValue(), renamed);
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode child : array) {
                rewriteRefs(child, renamed);
            }
        }
    }

    record Fetched(String service, JsonNode document) {
    }
}
