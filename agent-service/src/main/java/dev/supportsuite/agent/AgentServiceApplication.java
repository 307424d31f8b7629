package dev.supportsuite.agent;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The conversation brain: consumes customer messages and answers them. */
@SpringBootApplication
@org.springframework.boot.context.properties.ConfigurationPropertiesScan
public class AgentServiceApplication {

    /** Name of this service, of its configuration file and of its Kafka consumer group. */
    public static final String NAME = "agent-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as every launcher (main, local stack, tests) starts it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AgentServiceApplication.class).properties("spring.config.name=" + NAME);
    }
}
