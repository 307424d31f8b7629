package dev.supportsuite.memory.transcript.api;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.memory.caller.Caller;
import dev.supportsuite.memory.caller.UserNotFoundException;
import dev.supportsuite.memory.transcript.domain.ConversationNotFoundException;
import dev.supportsuite.memory.transcript.domain.ConversationSummaryView;
import dev.supportsuite.memory.transcript.domain.Page;
import dev.supportsuite.memory.transcript.domain.StoredMessage;
import dev.supportsuite.memory.transcript.domain.TranscriptRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * History: a user's conversations and a conversation's messages, paged. A caller sees only their
 * own (another user's answers 404); a human agent sees all.
 */
@RestController
@RequestMapping("/api/v1/memory")
class HistoryController {

    private final TranscriptRepository transcripts;

    HistoryController(TranscriptRepository transcripts) {
        this.transcripts = transcripts;
    }

    @GetMapping("/users/{userId}/conversations")
    Mono<Page<ConversationSummaryView>> conversations(@PathVariable String userId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestHeader(name = IdentityHeaders.TYPE, required = false) String type,
            @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String id) {
        Caller caller = Caller.of(type, id);
        if (!caller.mayAccess(userId)) {
            return Mono.error(new UserNotFoundException(userId));
        }
        return transcripts.conversationsOf(userId, page, size);
    }

    @GetMapping("/conversations/{conversationId}/messages")
    Mono<Page<StoredMessage>> messages(@PathVariable String conversationId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size,
            @RequestHeader(name = IdentityHeaders.TYPE, required = false) String type,
            @RequestHeader(name = IdentityHeaders.USER_ID, required = false) String id) {
        Caller caller = Caller.of(type, id);
        return transcripts.conversation(conversationId)
                .filter(conversation -> caller.mayAccess(conversation.userId()))
                .switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(conversationId)))
                .flatMap(conversation -> transcripts.messages(conversationId, page, size));
    }
}
