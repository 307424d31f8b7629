package dev.supportsuite.agent.config;

import dev.supportsuite.agent.AgentServiceApplication;
import dev.supportsuite.agent.chat.adapter.KafkaTurnPublisher;
import dev.supportsuite.agent.chat.adapter.KnowledgeClient;
import dev.supportsuite.agent.chat.domain.BasicResponder;
import dev.supportsuite.agent.chat.domain.GroundedResponder;
import dev.supportsuite.agent.chat.domain.TurnService;
import dev.supportsuite.agent.intent.domain.IntentService;
import dev.supportsuite.contracts.Topics;
import dev.supportsuite.contracts.chat.ChatInboundMessage;
import dev.supportsuite.platform.kafka.EventListenerContainer;
import dev.supportsuite.platform.kafka.KafkaEventListenerFactory;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    @Bean
    TurnService turnService(KafkaEventPublisher publisher, IntentService intents, WebClient.Builder http,
            AgentServicesProperties services) {
        GroundedResponder responder = new GroundedResponder(
                text -> intents.classify(text).map(c -> new GroundedResponder.Understanding(c.intent(), c.outOfScope())),
                new KnowledgeClient(http, services.knowledgeService(), services.knowledgeTimeout()),
                new BasicResponder());
        return new TurnService(responder, new KafkaTurnPublisher(publisher), Clock.systemUTC());
    }

    @Bean
    EventListenerContainer<ChatInboundMessage> chatInboundListener(KafkaEventListenerFactory listeners,
            TurnService turns) {
        return listeners.durable(Topics.CHAT_INBOUND, AgentServiceApplication.NAME, ChatInboundMessage.class,
                turns::handle);
    }
}
