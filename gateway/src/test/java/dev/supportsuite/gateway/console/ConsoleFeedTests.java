package dev.supportsuite.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.handoff.HandoffClaimedEvent;
import dev.supportsuite.contracts.ticket.TicketOpenedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

class ConsoleFeedTests {

    private final ConsoleFeed feed = new ConsoleFeed();

    @Test
    void aConsoleWhoseConnectionIsBusyGetsTheBurstOnceItAsksAgain() {
        Slow console = new Slow();
        feed.events().subscribe(console);

        for (int i = 0; i < 200; i++) {
            feed.on(claimed("H-" + i)).block();
        }
        assertThat(console.received).hasSize(1);

        console.ask(1_000);
        assertThat(console.received).hasSize(200);
        assertThat(console.received.get(199)).containsEntry("handoff_id", "H-199").containsEntry("change", "claimed");
    }

    @Test
    void aConsoleThatStaysBehindLosesOnlyItsOldestUpdates() {
        Slow console = new Slow();
        feed.events().subscribe(console);

        int sent = ConsoleFeed.BUFFER + 50;
        for (int i = 0; i < sent; i++) {
            feed.on(claimed("H-" + i)).block();
        }
        console.ask(Long.MAX_VALUE);

        assertThat(console.received).hasSize(ConsoleFeed.BUFFER + 1);
        assertThat(console.received.get(console.received.size() - 1)).containsEntry("handoff_id", "H-" + (sent - 1));
    }

    @Test
    void updatesFromTwoConsumerThreadsAtOnceAllArrive() throws Exception {
        List<Map<String, Object>> received = Collections.synchronizedList(new ArrayList<>());
        feed.events().subscribe(received::add);
        int perThread = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (String name : List.of("ticket-events", "conversation-events")) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < perThread; i++) {
                    feed.on(claimed(name + "-" + i)).block();
                }
            }, name);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join(30_000);
        }

        assertThat(received).hasSize(2 * perThread);
    }

    @Test
    void onlyEscalationTicketsAndHandoffChangesReachTheQueue() {
        assertThat(ConsoleFeed.toUpdate(opened("escalation"))).containsEntry("type", "queue")
                .containsEntry("change", "queued").containsEntry("conversation_id", "conv-9");
        assertThat(ConsoleFeed.toUpdate(opened("billing"))).isNull();
        assertThat(ConsoleFeed.toUpdate(claimed("H-1"))).containsEntry("type", "queue")
                .containsEntry("agent_id", "ana");
    }

    private static TicketOpenedEvent opened(String category) {
        return new TicketOpenedEvent(UUID.randomUUID(), Instant.now(), TicketOpenedEvent.SCHEMA_VERSION, "TKT-1",
                "u-1", "conv-9", "Help", category, "high", "open");
    }

    private static HandoffClaimedEvent claimed(String handoffId) {
        return new HandoffClaimedEvent(UUID.randomUUID(), Instant.now(), HandoffClaimedEvent.SCHEMA_VERSION,
                handoffId, "conv-" + handoffId, "ana", "Ana");
    }

    /** A console whose connection takes one update and then writes slowly until asked again. */
    private static final class Slow extends BaseSubscriber<Map<String, Object>> {

        final List<Map<String, Object>> received = new ArrayList<>();

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(1);
        }

        @Override
        protected void hookOnNext(Map<String, Object> update) {
            received.add(update);
        }

        void ask(long more) {
            request(more);
        }
    }
}
