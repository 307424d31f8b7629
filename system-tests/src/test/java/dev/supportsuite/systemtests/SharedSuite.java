package dev.supportsuite.systemtests;

import dev.supportsuite.localstack.LocalStack;
import java.util.Map;

/**
 * One running suite for all system tests of this JVM, started on first use and stopped at exit.
 * The edge limits are raised so the tests can open many sockets quickly; the limits themselves are
 * tested in the gateway's own tests.
 */
final class SharedSuite {

    private static LocalStack stack;

    private SharedSuite() {
    }

    static synchronized LocalStack stack() {
        if (stack == null) {
            stack = LocalStack.start(LocalStack.Options.ephemeral(Map.of(
                    "support.gateway.limits.requests-per-minute", 1_000_000,
                    "support.gateway.limits.messages-per-second-per-socket", 10_000,
                    "support.gateway.limits.ws-connections-per-user", 1_000)));
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-suite-stop"));
        }
        return stack;
    }
}
