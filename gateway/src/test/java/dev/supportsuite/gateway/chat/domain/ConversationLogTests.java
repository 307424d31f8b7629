package dev.supportsuite.gateway.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ConversationLogTests {

    private final ConversationLog log = new ConversationLog(100, 1000);

    @Test
    void aSocketJoiningAfterASeqGetsEachLaterMessageOnceInOrderThenLiveOnes() {
        for (int i = 1; i <= 5; i++) {
            log.append(reply("c1", "r" + i));
        }
        List<Long> received = new CopyOnWriteArrayList<>();
        log.subscribe("c1", 2L, sequenced -> received.add(sequenced.seq()));
        log.append(reply("c1", "r6"));

        assertThat(received).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void aMessageRepublishedWithTheSameIdIsDeliveredOnce() {
        List<String> received = new CopyOnWriteArrayList<>();
        log.subscribe("c1", null, sequenced -> received.add(sequenced.message().messageId()));

        log.append(reply("c1", "r1"));
        log.append(reply("c1", "r2"));
        log.append(reply("c1", "r1"));

        assertThat(received).containsExactly("r1", "r2");
    }

    @Test
    void draftChunksGoLiveUnderTheirOwnSequenceNumbersButAreNotReplayed() {
        List<ConversationLog.Sequenced> live = new CopyOnWriteArrayList<>();
        ConversationLog.Subscription subscription = log.subscribe("c1", null, live::add);

        log.stream(new dev.supportsuite.contracts.chat.ChatTokenEvent(UUID.randomUUID(), Instant.now(), 1, "c1", "r1",
                "m1", 0, "Annual plans "));
        log.append(reply("c1", "r1"));

        assertThat(live).extracting(ConversationLog.Sequenced::seq).containsExactly(1L, 2L);
        assertThat(live.get(0).token().text()).isEqualTo("Annual plans ");
        assertThat(subscription.replay(0)).isEmpty();
        List<ConversationLog.Sequenced> rejoined = new CopyOnWriteArrayList<>();
        log.subscribe("c1", 0L, rejoined::add);
        assertThat(rejoined).singleElement().satisfies(kept -> assertThat(kept.message().messageId()).isEqualTo("r1"));
    }

    @Test
    void aResumeFrameReplaysOnlyWhatCameBeforeTheSocketJoined() {
        log.append(reply("c1", "r1"));
        log.append(reply("c1", "r2"));
        List<Long> live = new CopyOnWriteArrayList<>();
        ConversationLog.Subscription subscription = log.subscribe("c1", null, sequenced -> live.add(sequenced.seq()));
        log.append(reply("c1", "r3"));

        assertThat(subscription.replay(1)).extracting(ConversationLog.Sequenced::seq).containsExactly(2L);
        assertThat(live).containsExactly(3L);
    }

    @Test
    void noMessageIsLostOrDoubledWhenItArrivesWhileASocketJoins() throws Exception {
        int messages = 2000;
        CountDownLatch started = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            started.countDown();
            for (int i = 0; i < messages; i++) {
                log.append(reply("c2", "r" + i));
            }
        });
        producer.start();
        started.await();
        List<Long> received = new CopyOnWriteArrayList<>();
        ConversationLog.Subscription subscription = log.subscribe("c2", 0L, sequenced -> received.add(sequenced.seq()));
        producer.join();
        subscription.close();

        // Everything kept (the last 100) or live: strictly increasing, no gaps inside, ending at the last.
        assertThat(received).isSorted().doesNotHaveDuplicates();
        assertThat(received.get(received.size() - 1)).isEqualTo(messages);
        for (int i = 1; i < received.size(); i++) {
            assertThat(received.get(i)).isEqualTo(received.get(i - 1) + 1);
        }
    }

    @Test
    void numbersAcksAndMessagesFromOneCounter() {
        assertThat(log.nextSeq("c3")).isEqualTo(1);
        log.append(reply("c3", "r1"));
        assertThat(log.nextSeq("c3")).isEqualTo(3);
    }

    private static ChatOutboundMessage reply(String conversation, String id) {
        return new ChatOutboundMessage(UUID.randomUUID(), Instant.now(), 1, conversation, id, null, "u1", "ai",
                "text", "greeting", false, false, List.of());
    }
}
