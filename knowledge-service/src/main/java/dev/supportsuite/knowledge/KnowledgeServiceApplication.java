package dev.supportsuite.knowledge;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Documents, chunking, embeddings, hybrid search and categories. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KnowledgeServiceApplication {

    /** Name of this service and of its configuration file. */
    public static final String NAME = "knowledge-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as every launcher (main, local stack, tests) starts it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(KnowledgeServiceApplication.class).properties("spring.config.name=" + NAME);
    }
}
