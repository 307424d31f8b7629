package dev.supportsuite.gateway.security.domain;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} events per key in any window of {@code period}: an exact sliding window,
 * so "60 a minute" means the 61st within any minute is refused. Each key keeps the times of its
 * last {@code limit} events (a ring), and keys idle for a whole period are dropped.
 */
public final class SlidingWindowLimiter {

    private static final class Window {
        final long[] times;
        int next;
        int count;
        long lastNanos;

        Window(int limit) {
            this.times = new long[limit];
        }
    }

    private final int limit;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    public SlidingWindowLimiter(int limit, Duration period, LongSupplier nanoTime) {
        this.limit = limit;
        this.periodNanos = period.toNanos();
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    public RequestLimiter.Decision tryAcquire(String key) {
        long now = nanoTime.getAsLong();
        sweep(now);
        Window window = windows.computeIfAbsent(key, k -> new Window(limit));
        synchronized (window) {
            window.lastNanos = now;
            if (window.count < limit) {
                window.times[window.next] = now;
                window.next = (window.next + 1) % limit;
                window.count++;
                return RequestLimiter.Decision.allow();
            }
            // The ring is full: its oldest entry is at next. It must have left the window.
            long oldest = window.times[window.next];
            if (now - oldest >= periodNanos) {
                window.times[window.next] = now;
                window.next = (window.next + 1) % limit;
                return RequestLimiter.Decision.allow();
            }
            return RequestLimiter.Decision.deny(Duration.ofNanos(oldest + periodNanos - now));
        }
    }

    private void sweep(long now) {
        if (now - lastSweep < periodNanos) {
            return;
        }
        lastSweep = now;
        for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext();) {
            Window window = it.next().getValue();
            synchronized (window) {
                if (now - window.lastNanos > periodNanos) {
                    it.remove();
                }
            }
        }
    }
}
