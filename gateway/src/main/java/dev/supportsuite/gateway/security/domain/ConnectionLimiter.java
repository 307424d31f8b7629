package dev.supportsuite.gateway.security.domain;

import reactor.core.publisher.Mono;

/**
 * Open chat sockets per user: the one past the maximum is refused. Adapters: in memory (the sockets
 * of one gateway) and Redis (a renewed lease per socket, counted across every gateway).
 */
public interface ConnectionLimiter {

    /** A permit for one more socket of {@code user}; {@link Permit#admitted()} is false past the maximum. */
    Mono<Permit> tryOpen(String user);

    int maxPerUser();

    /** The answer to one socket's admission. Hold it while the socket is open, release it when it closes. */
    interface Permit {

        boolean admitted();

        /** Keeps the permit valid while subscribed (renews a lease where the adapter has one); never completes. */
        Mono<Void> keepAlive();

        /** Gives the place back; idempotent. */
        Mono<Void> release();

        static Permit denied() {
            return Denied.INSTANCE;
        }
    }

    /** The permit of a refused socket: nothing to keep or release. */
    enum Denied implements Permit {
        INSTANCE;

        @Override
        public boolean admitted() {
            return false;
        }

        @Override
        public Mono<Void> keepAlive() {
            return Mono.empty();
        }

        @Override
        public Mono<Void> release() {
            return Mono.empty();
        }
    }
}
