package dev.supportsuite.memory.context.api;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.memory.caller.Caller;
import dev.supportsuite.memory.caller.UserNotFoundException;
import dev.supportsuite.memory.context.domain.ContextService;
import dev.supportsuite.memory.context.domain.ConversationContext;
import dev.supportsuite.memory.context.domain.SessionStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The agent's reads: a conversation's context and a user's session state. agent-service calls
 * both with the identity headers of the conversation's verified user (type {@code user} or
 * {@code visitor}); a human agent (type {@code agent}) may read any conversation and names the
 * user of a conversation not stored yet with {@code ?userId=}.
 */
@RestController
class ContextController {

    private final ContextService contexts;

    ContextController(ContextService contexts) {
        this.contexts = contexts;
    }

    @GetMapping("/api/v1/memory/conversations/{conversationId}/context")
    Mono<ConversationContext> context(@PathVariable String conversationId,
            @RequestParam(required = false) String userId,
            @RequestHeader(name = IdentityHeaders.TYPE, required = false) String type,
            @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String id) {
        return contexts.context(Caller.of(type, id), conversationId, userId);
    }

    @GetMapping("/api/v1/memory/users/{userId}/session")
    Mono<SessionStatus> session(@PathVariable String userId,
            @RequestHeader(name = IdentityHeaders.TYPE, required = false) String type,
            @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String id) {
        Caller caller = Caller.of(type, id);
        if (!caller.mayAccess(userId)) {
            return Mono.error(new UserNotFoundException(userId));
        }
        return contexts.session(userId);
    }
}
