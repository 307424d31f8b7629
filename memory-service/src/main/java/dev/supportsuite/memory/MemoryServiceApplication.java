package dev.supportsuite.memory;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Transcripts, rolling summaries and long-term user profiles. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MemoryServiceApplication {

    /** Name of this service and of its configuration file. */
    public static final String NAME = "memory-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as every launcher (main, local stack, tests) starts it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MemoryServiceApplication.class).properties("spring.config.name=" + NAME);
    }
}
