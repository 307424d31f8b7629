package dev.supportsuite.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportsuite.agent.AgentServiceApplication;
import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.contracts.chat.ChatOutboundMessage;
import dev.supportsuite.embedded.KafkaExtension;
import dev.supportsuite.embedded.PostgresExtension;
import dev.supportsuite.embedded.ServiceInfrastructure;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** agent-service against a real Kafka broker and a real PostgreSQL: one inbound message, one reply. */
@ExtendWith({KafkaExtension.class, PostgresExtension.class})
@SpringBootTest(classes = AgentServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=agent-service")
class ChatTurnIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.putAll(ServiceInfrastructure.kafka(KafkaExtension.bootstrapServers()));
        properties.putAll(ServiceInfrastructure.database(PostgresExtension.server(), "agent"));
        properties.forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    KafkaEventPublisher publisher;

    @Autowired
    JsonMapper mapper;

    private KafkaConsumer<String, String> replies;

    @BeforeEach
    void subscribeToReplies() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaExtension.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        replies = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        replies.subscribe(List.of(Topics.CHAT_OUTBOUND));
    }

    @AfterEach
    void close() {
        replies.close();
    }

    @Test
    void answersEachMessageOnceEvenWhenItIsDeliveredTwice() {
        String conversation = "conv-" + UUID.randomUUID();
        ChatInboundMessage hello = ChatInboundMessage.create(conversation, "msg-1", 1, "u-7", "user", "hello",
                "c-1", "websocket");

        publisher.publish(Topics.CHAT_INBOUND, hello).block(Duration.ofSeconds(10));
        publisher.publish(Topics.CHAT_INBOUND, hello).block(Duration.ofSeconds(10));
        ChatInboundMessage thanks = ChatInboundMessage.create(conversation, "msg-2", 2, "u-7", "user",
                "thanks, that helped", "c-2", "websocket");
        publisher.publish(Topics.CHAT_INBOUND, thanks).block(Duration.ofSeconds(10));

        List<ChatOutboundMessage> received = pollFor(conversation, 2, Duration.ofSeconds(20));
        // Give a duplicate the chance to show up before asserting there is none.
        received.addAll(pollFor(conversation, Integer.MAX_VALUE, Duration.ofSeconds(2)));

        assertThat(received).extracting(ChatOutboundMessage::replyTo).containsExactly("msg-1", "msg-2");
        assertThat(received).extracting(ChatOutboundMessage::intent).containsExactly("greeting", "feedback");
        assertThat(received).allSatisfy(reply -> {
            assertThat(reply.role()).isEqualTo("ai");
            assertThat(reply.userId()).isEqualTo("u-7");
            assertThat(reply.content()).isNotBlank();
        });
    }

    private List<ChatOutboundMessage> pollFor(String conversation, int wanted, Duration timeout) {
        List<ChatOutboundMessage> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (found.size() < wanted && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : replies.poll(Duration.ofMillis(200))) {
                if (conversation.equals(record.key())) {
                    found.add(mapper.readValue(record.value(), ChatOutboundMessage.class));
                }
            }
        }
        return found;
    }
}
