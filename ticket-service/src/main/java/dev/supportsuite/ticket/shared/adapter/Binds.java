package dev.supportsuite.ticket.shared.adapter;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Binding helpers for {@code DatabaseClient} statements with nullable values. */
public final class Binds {

    private Binds() {
    }

    public static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
