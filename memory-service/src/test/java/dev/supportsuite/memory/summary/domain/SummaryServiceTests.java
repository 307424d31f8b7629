package dev.supportsuite.memory.summary.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.conversation.ToolCall;
import dev.supportsuite.memory.transcript.domain.Conversation;
import dev.supportsuite.memory.transcript.domain.ConversationSummaryView;
import dev.supportsuite.memory.transcript.domain.Page;
import dev.supportsuite.memory.transcript.domain.RecordedTurn;
import dev.supportsuite.memory.transcript.domain.StoreOutcome;
import dev.supportsuite.memory.transcript.domain.StoredMessage;
import dev.supportsuite.memory.transcript.domain.TranscriptRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class SummaryServiceTests {

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    private final List<StoredMessage> transcript = new ArrayList<>();
    private final InMemorySummaries summaries = new InMemorySummaries();
    private final TicketIds ticketIds = new TicketIds("TKT-[0-9A-Z]+");

    @Test
    void summarisesOnlyPastTheThresholdAndThenEveryFewMessages() {
        SummaryService service = service(new ExtractiveSummarizer(ticketIds));

        assertThat(service.isDue(30, 0)).isFalse();
        assertThat(service.isDue(31, 0)).isTrue();
        assertThat(service.isDue(35, 11)).isFalse();
        assertThat(service.isDue(37, 11)).isTrue();
    }

    @Test
    void extractiveSummaryKeepsTicketsIssuesAndWhatIsStillOpen() {
        say(1, "user", "My CSV export fails every night since Monday.", null);
        say(1, "ai", "I opened a ticket for it.", new ToolCall("create_ticket", Map.of(), "TKT-AAA1"));
        say(2, "user", "Also I was charged twice in March.", null);
        say(2, "ai", "Refund started under TKT-BBB2.", null);
        say(3, "user", "Thanks, the refund arrived.", null);
        say(3, "ai", "Great, TKT-BBB2 is resolved now.", null);
        padTo(40);

        service(new ExtractiveSummarizer(ticketIds)).refresh("conv-1").block();

        Summary summary = summaries.saved;
        assertThat(summary.ticketIds()).containsExactly("TKT-AAA1", "TKT-BBB2");
        assertThat(summary.text()).contains("My CSV export fails every night since Monday.", "TKT-AAA1", "TKT-BBB2",
                "ran create_ticket -> TKT-AAA1");
        assertThat(summary.openItems()).contains("ticket TKT-AAA1").doesNotContain("ticket TKT-BBB2");
        assertThat(summary.resolvedItems()).contains("ticket TKT-BBB2", "Also I was charged twice in March.");
        assertThat(summary.coveredMessages()).isEqualTo(transcript.size() - 20);
        assertThat(summary.coveredUntil()).isEqualTo(MessageKey.of(transcript.get(transcript.size() - 21)));
    }

    @Test
    void aSummarizerCannotDropATicketIdOrAnOpenItem() {
        say(1, "user", "The export to TKT-CCC3 keeps failing.", null);
        padTo(40);
        summaries.saved = new Summary("conv-1", "old", List.of("TKT-OLD9"), List.of("refund for March"), List.of(),
                10, null, "extractive", AT);
        Summarizer forgetful = new Summarizer() {
            @Override
            public String name() {
                return "forgetful";
            }

            @Override
            public Mono<SummaryDraft> summarize(List<StoredMessage> older, List<String> tickets, Summary previous) {
                return Mono.just(new SummaryDraft("The customer chatted.", List.of(), List.of()));
            }
        };

        service(forgetful).refresh("conv-1").block();

        Summary summary = summaries.saved;
        assertThat(summary.ticketIds()).contains("TKT-OLD9", "TKT-CCC3");
        assertThat(summary.openItems()).contains("refund for March");
        assertThat(summary.text()).contains("TKT-OLD9", "TKT-CCC3", "refund for March");
        assertThat(summary.generatedBy()).isEqualTo("forgetful");
    }

    private SummaryService service(Summarizer summarizer) {
        return new SummaryService(new InMemoryTranscript(), summaries, summarizer, ticketIds, 30, 20, 6,
                Clock.fixed(AT, ZoneOffset.UTC));
    }

    private void say(long seq, String role, String content, ToolCall tool) {
        transcript.add(new StoredMessage("m-" + seq + "-" + role, "conv-1", seq, role, content, "question", null,
                List.of(), tool == null ? List.of() : List.of(tool), AT.plusSeconds(seq)));
    }

    private void padTo(int size) {
        long seq = 100;
        while (transcript.size() < size) {
            say(seq, transcript.size() % 2 == 0 ? "user" : "ai", "ok", null);
            seq++;
        }
    }

    private final class InMemoryTranscript implements TranscriptRepository {

        @Override
        public Mono<StoreOutcome> store(RecordedTurn turn) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Flux<StoredMessage> messages(String conversationId) {
            return Flux.fromIterable(transcript).sort(StoredMessage.ORDER);
        }

        @Override
        public Mono<Conversation> conversation(String conversationId) {
            return Mono.empty();
        }

        @Override
        public Mono<Page<ConversationSummaryView>> conversationsOf(String userId, int page, int size) {
            return Mono.empty();
        }

        @Override
        public Mono<Page<StoredMessage>> messages(String conversationId, int page, int size) {
            return Mono.empty();
        }
    }

    private static final class InMemorySummaries implements SummaryRepository {

        Summary saved;

        @Override
        public Mono<Summary> find(String conversationId) {
            return Mono.justOrEmpty(saved);
        }

        @Override
        public Mono<Void> save(Summary summary) {
            saved = summary;
            return Mono.empty();
        }
    }
}
