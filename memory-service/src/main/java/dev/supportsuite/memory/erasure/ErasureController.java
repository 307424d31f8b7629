package dev.supportsuite.memory.erasure;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.memory.caller.AccessDeniedException;
import dev.supportsuite.memory.caller.Caller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code DELETE /api/v1/memory/users/{userId}}: the user themself or a human agent may erase a user. */
@RestController
@RequestMapping("/api/v1/memory/users")
class ErasureController {

    private final ErasureService service;

    ErasureController(ErasureService service) {
        this.service = service;
    }

    @DeleteMapping("/{userId}")
    Mono<ErasureResult> erase(@PathVariable String userId,
            @RequestHeader(name = IdentityHeaders.TYPE, required = false) String type,
            @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String id) {
        Caller caller = Caller.of(type, id);
        if (!caller.mayAccess(userId)) {
            return Mono.error(new AccessDeniedException("Only the user themself or a support agent may erase a user"));
        }
        return service.erase(userId, caller.id());
    }
}
