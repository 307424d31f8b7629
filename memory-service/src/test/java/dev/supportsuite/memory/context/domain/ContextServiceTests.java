package dev.supportsuite.memory.context.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportsuite.memory.caller.Caller;
import dev.supportsuite.memory.summary.domain.MessageKey;
import dev.supportsuite.memory.summary.domain.Summary;
import dev.supportsuite.memory.transcript.domain.Conversation;
import dev.supportsuite.memory.transcript.domain.ConversationNotFoundException;
import dev.supportsuite.memory.transcript.domain.StoredMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ContextServiceTests {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Caller ALICE = new Caller("user", "u-alice");

    private final List<StoredMessage> messages = new ArrayList<>();
    private Summary summary;
    private Conversation conversation = new Conversation("c-1", "u-alice", "active", NOW.minusSeconds(3600),
            NOW.minusSeconds(60));

    @Test
    void keepsTheWindowAndWhatTheSummaryDoesNotCoverYet() {
        for (int seq = 1; seq <= 15; seq++) {
            say(seq, "short question " + seq);
        }
        summary = new Summary("c-1", "Customer issues: x.", List.of("TKT-A1"), List.of(), List.of(), 6,
                MessageKey.of(messages.get(5)), "extractive", NOW);

        ConversationContext context = service(10, 3000).context(ALICE, "c-1", null).block();

        assertThat(context.recentMessages()).extracting(StoredMessage::seq)
                .containsExactly(6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
        assertThat(context.unsummarizedMessages()).isEmpty();
        assertThat(context.summary().text()).contains("TKT-A1");
    }

    @Test
    void listsMessagesBetweenSummaryAndWindow() {
        for (int seq = 1; seq <= 15; seq++) {
            say(seq, "short question " + seq);
        }
        summary = new Summary("c-1", "Customer issues: x.", List.of(), List.of(), List.of(), 2,
                MessageKey.of(messages.get(1)), "extractive", NOW);

        ConversationContext context = service(10, 3000).context(ALICE, "c-1", null).block();

        assertThat(context.unsummarizedMessages()).extracting(StoredMessage::seq).containsExactly(3L, 4L, 5L);
    }

    @Test
    void dropsTheOldestMessagesToStayWithinTheTokenBudgetButKeepsTheNewest() {
        for (int seq = 1; seq <= 5; seq++) {
            say(seq, "x".repeat(400));
        }

        ConversationContext context = service(10, 250).context(ALICE, "c-1", null).block();

        assertThat(context.recentMessages()).extracting(StoredMessage::seq).containsExactly(4L, 5L);
        assertThat(context.omittedMessages()).isEqualTo(3);
        assertThat(context.estimatedTokens()).isLessThanOrEqualTo(250);
    }

    @Test
    void tellsWhenTheSessionHasExpired() {
        conversation = new Conversation("c-1", "u-alice", "active", NOW.minus(Duration.ofDays(3)),
                NOW.minus(Duration.ofHours(25)));
        say(1, "hello");

        assertThat(service(10, 3000).context(ALICE, "c-1", null).block().session().expired()).isTrue();
    }

    @Test
    void hidesAnotherUsersConversation() {
        say(1, "hello");

        assertThatThrownBy(() -> service(10, 3000).context(new Caller("user", "u-bob"), "c-1", null).block())
                .isInstanceOf(ConversationNotFoundException.class);
        assertThat(service(10, 3000).context(new Caller("agent", "agent-ana"), "c-1", null).block().userId())
                .isEqualTo("u-alice");
    }

    private ContextService service(int window, int budget) {
        return new ContextService(new InMemoryContexts(), window, window + 6, budget, Duration.ofHours(24),
                "TKT-[0-9A-Z]+", Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void say(long seq, String content) {
        messages.add(new StoredMessage("m-" + seq, "c-1", seq, "user", content, null, null, List.of(), List.of(),
                NOW.minusSeconds(1000 - seq)));
    }

    private final class InMemoryContexts implements ContextRepository {

        @Override
        public Mono<ContextHead> head(String conversationId, String userHint) {
            return Mono.just(new ContextHead(conversation.userId(), conversation, summary, List.of(), null));
        }

        @Override
        public Flux<StoredMessage> latest(String conversationId, int limit) {
            return Flux.fromIterable(messages).sort(StoredMessage.ORDER.reversed()).take(limit);
        }

        @Override
        public Mono<PreviousConversation> lastConversation(String userId) {
            return Mono.empty();
        }
    }
}
