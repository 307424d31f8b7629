package dev.supportsuite.gateway.security.adapter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the fallback from Redis to this instance's memory visible without flooding the log: a
 * warning at most once per interval while decisions fall back (with how many did), and one line when
 * Redis answers again.
 */
public final class RedisOutage {

    private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);

    private final long warnIntervalNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong totalFallbacks = new AtomicLong();
    private final AtomicLong lastWarning;

    public RedisOutage(Duration warnInterval, LongSupplier nanoTime) {
        this.warnIntervalNanos = warnInterval.toNanos();
        this.nanoTime = nanoTime;
        this.lastWarning = new AtomicLong(nanoTime.getAsLong() - warnIntervalNanos);
    }

    /** One decision ({@code what}) was taken in memory because Redis failed or was too slow. */
    public void fellBack(String what, Throwable cause) {
        down.set(true);
        long count = fallbacks.incrementAndGet();
        totalFallbacks.incrementAndGet();
        long now = nanoTime.getAsLong();
        long last = lastWarning.get();
        if (now - last >= warnIntervalNanos && lastWarning.compareAndSet(last, now)) {
            fallbacks.set(0);
            log.warn("Redis limits unavailable ({}: {}); {} decision(s) since the last warning used this instance's "
                    + "in-memory limits, which hold per gateway only", what, cause.toString(), count);
        }
    }

    /** Redis answered; logs the recovery once after an outage. */
    public void answered() {
        if (down.get() && down.compareAndSet(true, false)) {
            log.info("Redis limits reachable again; limits are shared across gateways again");
        }
    }

    /** Decisions taken in memory since this instance started. */
    public long fallbacks() {
        return totalFallbacks.get();
    }
}
