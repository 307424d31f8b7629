package dev.supportsuite.ticket;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Tickets, customer accounts and the human handoff queue. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TicketServiceApplication {

    /** Name of this service and of its configuration file. */
    public static final String NAME = "ticket-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The application as every launcher (main, local stack, tests) starts it. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(TicketServiceApplication.class).properties("spring.config.name=" + NAME);
    }
}
