package dev.supportsuite.platform.config;

import dev.supportsuite.platform.kafka.EventListenerContainer;
import dev.supportsuite.platform.kafka.InMemoryProcessedEventStore;
import dev.supportsuite.platform.kafka.KafkaListenersHealthIndicator;
import dev.supportsuite.platform.kafka.KafkaEventListenerFactory;
import dev.supportsuite.platform.kafka.KafkaEventPublisher;
import dev.supportsuite.platform.kafka.ProcessedEventStore;
import dev.supportsuite.platform.kafka.R2dbcProcessedEventStore;
import dev.supportsuite.platform.kafka.SupportKafkaProperties;
import dev.supportsuite.platform.kafka.TopicProvisioner;
import dev.supportsuite.platform.problem.ProblemDetailsAdvice;
import dev.supportsuite.platform.problem.ProblemMapping;
import dev.supportsuite.platform.problem.ProblemMappings;
import java.util.ArrayList;
import java.util.List;
import dev.supportsuite.platform.web.HttpClientProperties;
import dev.supportsuite.platform.web.WebClientDefaults;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service gets by depending on service-defaults: the problem-details advice, WebClient
 * timeouts, and the Kafka publisher, listener factory and processed-event store.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration",
        "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
        "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration"})
@EnableConfigurationProperties({SupportKafkaProperties.class, HttpClientProperties.class})
public class ServiceDefaultsAutoConfiguration {

    /** Capacity of the in-memory processed-event store of services without a database. */
    private static final int IN_MEMORY_PROCESSED_IDS = 100_000;

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice(ObjectProvider<ProblemMapping> mappings,
            ObjectProvider<ProblemMappings> groups) {
        List<ProblemMapping> all = new ArrayList<>(mappings.orderedStream().toList());
        groups.orderedStream().forEach(group -> all.addAll(group.mappings()));
        return new ProblemDetailsAdvice(all);
    }

    /**
     * Event loops and connection pools of this application context alone. With Reactor Netty's
     * global resources, closing one context disposes them for every context in the JVM, which would
     * cut the sockets of the other services of the local stack when one of them stops.
     */
    @Bean
    @ConditionalOnMissingBean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }

    @Bean
    WebClientDefaults webClientDefaults(HttpClientProperties properties) {
        return new WebClientDefaults(properties);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    KafkaEventPublisher kafkaEventPublisher(SupportKafkaProperties properties, JsonMapper mapper,
            @Value("${spring.application.name}") String applicationName) {
        return new KafkaEventPublisher(properties, mapper, applicationName);
    }

    @Bean
    @ConditionalOnMissingBean
    TopicProvisioner topicProvisioner(SupportKafkaProperties properties) {
        return new TopicProvisioner(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    KafkaEventListenerFactory kafkaEventListenerFactory(SupportKafkaProperties properties, JsonMapper mapper,
            ProcessedEventStore store, KafkaEventPublisher publisher, TopicProvisioner provisioner,
            ObjectProvider<MeterRegistry> meters, @Value("${spring.application.name}") String applicationName) {
        return new KafkaEventListenerFactory(properties, mapper, store, publisher, provisioner,
                meters.getIfAvailable(), applicationName);
    }

    @Bean
    KafkaListenersHealthIndicator kafkaListenersHealthIndicator(ObjectProvider<EventListenerContainer<?>> containers) {
        return new KafkaListenersHealthIndicator(containers.orderedStream().toList());
    }

    /** With R2DBC on the classpath and a database configured, processed ids live in PostgreSQL. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.r2dbc.core.DatabaseClient")
    static class DatabaseStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ProcessedEventStore processedEventStore(ObjectProvider<DatabaseClient> db) {
            DatabaseClient client = db.getIfAvailable();
            return client == null ? new InMemoryProcessedEventStore(IN_MEMORY_PROCESSED_IDS)
                    : new R2dbcProcessedEventStore(client);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.r2dbc.core.DatabaseClient")
    static class MemoryStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ProcessedEventStore processedEventStore() {
            return new InMemoryProcessedEventStore(IN_MEMORY_PROCESSED_IDS);
        }
    }
}
