package dev.supportsuite.sentiment;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Polarity, frustration, trend and escalation advice. Stateless. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SentimentServiceApplication {

    /** Name of this service and of its configuration file. */
    public static final String NAME = "sentiment-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as every launcher (main, local stack, tests) starts it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(SentimentServiceApplication.class).properties("spring.config.name=" + NAME);
    }
}
