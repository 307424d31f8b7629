package dev.supportsuite.gateway.docs;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** ReDoc at {@code /redoc} over the same OpenAPI document Swagger UI shows at {@code /docs}. */
@Configuration(proxyBeanMethods = false)
class DocsConfiguration {

    @Bean
    RouterFunction<ServerResponse> redoc(@Value("classpath:/docs/redoc.html") Resource page) {
        return RouterFunctions.route(GET("/redoc"),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
    }
}
