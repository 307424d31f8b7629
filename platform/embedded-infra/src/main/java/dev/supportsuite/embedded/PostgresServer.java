package dev.supportsuite.embedded;

/** A running PostgreSQL the services can use, embedded in this JVM or in a container. */
public interface PostgresServer extends AutoCloseable {

    String host();

    int port();

    String database();

    String username();

    String password();

    default String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database();
    }

    /** An R2DBC url whose connections use {@code schema} as their search path. */
    default String r2dbcUrl(String schema) {
        return "r2dbc:postgresql://" + host() + ":" + port() + "/" + database() + "?schema=" + schema;
    }

    @Override
    void close();
}
