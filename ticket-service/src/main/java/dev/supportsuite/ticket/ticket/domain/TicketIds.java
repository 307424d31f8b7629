package dev.supportsuite.ticket.ticket.domain;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Readable, sortable ticket ids: {@code TKT-} followed by 10 Crockford base32 characters of the
 * creation time in milliseconds and 16 of randomness (ULID layout). Ids created later sort after
 * earlier ones; within one millisecond a per-process counter in the random part keeps them
 * increasing and unique.
 */
public final class TicketIds {

    /** Prefix of every ticket id. */
    public static final String PREFIX = "TKT-";
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong LAST = new AtomicLong();

    private TicketIds() {
    }

    public static String next() {
        return PREFIX + ulid(monotonicMillis());
    }

    /** A ULID-like string for any purpose (comment ids and so on). */
    public static String ulid() {
        return ulid(monotonicMillis());
    }

    /** Whether {@code value} has the shape of a ticket id. */
    public static boolean looksValid(String value) {
        if (value == null || value.length() != PREFIX.length() + 26 || !value.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < value.length(); i++) {
            if (new String(ALPHABET).indexOf(value.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static long monotonicMillis() {
        // The high 48 bits are milliseconds; incrementing past "now" within a busy millisecond keeps order.
        return LAST.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis() << 12)) ;
    }

    private static String ulid(long stamp) {
        long millis = stamp >>> 12;
        long sequence = stamp & 0xFFF;
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 12 bits of sequence (within the millisecond), then 68 random bits.
        long random = RANDOM.nextLong();
        long high = (sequence << 8) | (random >>> 56);
        for (int i = 13; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        long low = random & 0x00FF_FFFF_FFFF_FFFFL;
        for (int i = 25; i >= 14; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }
}
