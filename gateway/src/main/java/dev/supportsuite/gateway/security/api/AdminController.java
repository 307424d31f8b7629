package dev.supportsuite.gateway.security.api;

import dev.supportsuite.gateway.security.domain.ApiKeyRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Partner key administration; only the admin key reaches it (see {@code AccessPolicy}). */
@RestController
@Tag(name = "admin", description = "Partner API keys")
class AdminController {

    private final ApiKeyRegistry keys;

    AdminController(ApiKeyRegistry keys) {
        this.keys = keys;
    }

    @Operation(summary = "Create a partner key; the key is shown in this response only")
    @PostMapping("/api/v1/admin/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SessionRequests.ApiKeyResponse> create(@Valid @RequestBody SessionRequests.CreateApiKeyRequest request) {
        Set<String> scopes = request.scopes() == null ? Set.of() : request.scopes();
        return Mono.fromCallable(() -> keys.create(request.id(), scopes))
                .subscribeOn(Schedulers.boundedElastic())
                .map(created -> new SessionRequests.ApiKeyResponse(created.id(), created.secret(), created.scopes()));
    }
}
