package dev.supportsuite.embedded;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that provides one real PostgreSQL per test JVM, started on first use and
 * stopped when the JVM ends. Tests read {@link #server()}.
 */
public final class PostgresExtension implements BeforeAllCallback {

    private static final Object LOCK = new Object();
    private static PostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    /** The running server, starting it if needed. */
    public static PostgresServer server() {
        synchronized (LOCK) {
            if (server == null) {
                server = ContainerInfrastructure.preferred()
                        ? ContainerInfrastructure.postgres()
                        : EmbeddedPostgresServer.start();
                PostgresServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "postgres-extension-stop"));
            }
            return server;
        }
    }
}
