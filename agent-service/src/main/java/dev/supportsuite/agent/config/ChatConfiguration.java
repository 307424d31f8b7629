package dev.supportsuite.agent.config;

import dev.supportsuite.agent.AgentServiceApplication;
import dev.supportsuite.agent.chat.adapter.KafkaTurnPublisher;
import dev.supportsuite.agent.chat.domain.BasicResponder;
import dev.supportsuite.agent.chat.domain.TurnService;
import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.platform.kafka.EventListenerContainer;
import dev.supportsuite.platform.kafka.KafkaEventListenerFactory;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    @Bean
    TurnService turnService(KafkaEventPublisher publisher) {
        return new TurnService(new BasicResponder(), new KafkaTurnPublisher(publisher), Clock.systemUTC());
    }

    @Bean
    EventListenerContainer<ChatInboundMessage> chatInboundListener(KafkaEventListenerFactory listeners,
            TurnService turns) {
        return listeners.durable(Topics.CHAT_INBOUND, AgentServiceApplication.NAME, ChatInboundMessage.class,
                turns::handle);
    }
}
