package dev.supportsuite.ticket.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Current time at the precision PostgreSQL stores (microseconds), so values read back compare equal. */
public final class Clock {

    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
