package dev.supportsuite.systemtests;

import dev.supportsuite.gateway.security.domain.PasswordHasher;
import dev.supportsuite.localstack.LocalStack;
import java.util.Map;

/**
 * One running suite for all system tests of this JVM, started on first use and stopped at exit.
 * The edge limits are raised so the tests can open many sockets quickly; the limits themselves are
 * tested in the gateway's own tests.
 */
final class SharedSuite {

    /** Password of the console accounts {@code ana} and {@code ben}. */
    static final String AGENT_PASSWORD = "console-test-password";

    private static LocalStack stack;

    private SharedSuite() {
    }

    static synchronized LocalStack stack() {
        if (stack == null) {
            Map<String, Object> properties = new java.util.LinkedHashMap<>(Map.of(
                    "support.gateway.limits.requests-per-minute", 1_000_000,
                    "support.gateway.limits.messages-per-second-per-socket", 10_000,
                    "support.gateway.limits.ws-connections-per-user", 1_000));
            // Two console accounts, for the handoff and claim-race tests.
            String[][] agents = {{"ana", "Ana"}, {"ben", "Ben"}};
            for (int i = 0; i < agents.length; i++) {
                properties.put("support.gateway.security.agents[" + i + "].username", agents[i][0]);
                properties.put("support.gateway.security.agents[" + i + "].password-hash",
                        PasswordHasher.hash(AGENT_PASSWORD));
                properties.put("support.gateway.security.agents[" + i + "].display-name", agents[i][1]);
            }
            stack = LocalStack.start(LocalStack.Options.ephemeral(properties));
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-suite-stop"));
        }
        return stack;
    }
}
