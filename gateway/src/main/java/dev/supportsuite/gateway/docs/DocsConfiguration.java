package dev.supportsuite.gateway.docs;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import dev.supportsuite.gateway.config.ServiceRoutesProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public API's one OpenAPI document at {@code /openapi.json} (the gateway's endpoints and every
 * routed service's, merged), shown by Swagger UI at {@code /docs} and by ReDoc at {@code /redoc}
 * (served from its webjar, so it works offline).
 */
@Configuration(proxyBeanMethods = false)
class DocsConfiguration {

    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration KEEP = Duration.ofMinutes(1);

    @Bean
    SuiteApiDocument suiteApiDocument(WebClient.Builder http, JsonMapper mapper, ServiceRoutesProperties services,
            Environment environment) {
        Map<String, Supplier<String>> sources = new LinkedHashMap<>();
        sources.put("gateway", () -> "http://localhost:" + environment.getProperty("local.server.port", "8080")
                + "/v3/api-docs");
        sources.put("agent", () -> services.agentService() + "/v3/api-docs");
        sources.put("knowledge", () -> services.knowledgeService() + "/v3/api-docs");
        sources.put("ticket", () -> services.ticketService() + "/v3/api-docs");
        sources.put("sentiment", () -> services.sentimentService() + "/v3/api-docs");
        sources.put("memory", () -> services.memoryService() + "/v3/api-docs");
        return new SuiteApiDocument(http.build(), mapper, sources, FETCH_TIMEOUT, KEEP);
    }

    @Bean
    RouterFunction<ServerResponse> suiteOpenApi(SuiteApiDocument document) {
        return RouterFunctions.route(GET("/openapi.json"), request -> document.document()
                .flatMap(json -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json)));
    }

    @Bean
    RouterFunction<ServerResponse> redoc(@Value("classpath:/docs/redoc.html") Resource page) {
        return RouterFunctions.route(GET("/redoc"),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
    }
}
