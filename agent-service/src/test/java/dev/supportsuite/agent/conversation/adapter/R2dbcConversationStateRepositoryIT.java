package dev.supportsuite.agent.conversation.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.agent.AgentServiceApplication;
import dev.supportsuite.agent.conversation.domain.ConversationState;
import dev.supportsuite.agent.conversation.domain.ConversationStateRepository;
import dev.supportsuite.agent.conversation.domain.Mode;
import dev.supportsuite.agent.conversation.domain.Pending;
import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.embedded.PostgresExtension;
import dev.supportsuite.embedded.ServiceInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Conversation states in a real PostgreSQL: round trip, the version check, and the user's latest conversation. */
@ExtendWith({KafkaExtension.class, PostgresExtension.class})
@SpringBootTest(classes = AgentServiceApplication.class, properties = "spring.config.name=agent-service")
class R2dbcConversationStateRepositoryIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.putAll(ServiceInfrastructure.kafka(KafkaExtension.bootstrapServers()));
        properties.putAll(ServiceInfrastructure.database(PostgresExtension.server(), "agent"));
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    ConversationStateRepository states;

    private final Duration wait = Duration.ofSeconds(10);

    @Test
    void aStateRoundTripsWithEveryField() {
        String id = "conv-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ConversationState state = ConversationState.start(id, "u-1", "user", now)
                .heard("my invoice is wrong", "billing_question", -0.25, 3, now)
                .withPending(Pending.of(Pending.TICKET_CONFIRM).with("subject", "Invoice wrong"))
                .withMode(Mode.WAITING_FOR_HUMAN, "H-1")
                .withUnanswered(2)
                .withLastTicket("T-1")
                .withLastAnswer("faq-billing-invoices");

        ConversationState saved = states.save(state).block(wait);
        ConversationState read = states.find(id).block(wait);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(read).isEqualTo(saved);
        assertThat(read.lastAnswerId()).isEqualTo("faq-billing-invoices");
    }

    @Test
    void aWriteBasedOnAStaleReadIsRefused() {
        String id = "conv-" + UUID.randomUUID();
        ConversationState first = states.save(ConversationState.start(id, "u-2", "user", Instant.now())).block(wait);
        ConversationState mine = states.find(id).block(wait);
        ConversationState theirs = states.find(id).block(wait);

        assertThat(states.save(theirs.withMode(Mode.HUMAN, "H-2")).block(wait)).isNotNull();
        assertThat(states.save(mine.withPending(Pending.of(Pending.RATING))).blockOptional(wait)).isEmpty();
        assertThat(states.save(ConversationState.start(id, "u-2", "user", Instant.now())).blockOptional(wait))
                .isEmpty();
        assertThat(states.find(id).block(wait).mode()).isEqualTo(Mode.HUMAN);
        assertThat(first.version()).isEqualTo(1);
    }

    @Test
    void onlyConversationsWaitingLongerThanTheWaitAndNotYetToldAreDue() {
        String user = "u-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ConversationState due = waiting("due-" + user, user, now.minus(Duration.ofMinutes(10)));
        waiting("fresh-" + user, user, now.minus(Duration.ofSeconds(30)));
        ConversationState told = states.find(waiting("told-" + user, user, now.minus(Duration.ofMinutes(20)))
                .conversationId()).block(wait);
        states.save(told.withPending(Pending.of(Pending.NO_HUMAN_OFFER))).block(wait);

        List<String> found = states.waitingSince(now.minus(Duration.ofMinutes(3)), 1000)
                .map(ConversationState::conversationId)
                .filter(id -> id.endsWith(user))
                .collectList().block(wait);

        assertThat(found).containsExactly(due.conversationId());
    }

    private ConversationState waiting(String id, String user, Instant since) {
        return states.save(ConversationState.start(id, user, "user", since).withMode(Mode.WAITING_FOR_HUMAN, "H-" + id))
                .block(wait);
    }

    @Test
    void theUsersMostRecentlyActiveConversationIsFound() {
        String user = "u-" + UUID.randomUUID();
        Instant now = Instant.now();
        states.save(ConversationState.start("old-" + user, user, "user", now.minus(Duration.ofHours(30)))).block(wait);
        states.save(ConversationState.start("new-" + user, user, "user", now.minusSeconds(5))).block(wait);

        assertThat(states.latestActive(user, now.minus(Duration.ofHours(24))).block(wait).conversationId())
                .isEqualTo("new-" + user);
        assertThat(states.latestActive(user, now.plusSeconds(1)).blockOptional(wait)).isEmpty();
    }
}
