package dev.supportsuite.gateway.security.adapter;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.Base16;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * The one Redis connection of the shared limits (Lettuce, non-blocking, multiplexed) and the Lua
 * scripts they run. Every call is bounded by {@code timeout}; while Redis is unreachable a call fails
 * at once instead of queueing ({@link ClientOptions.DisconnectedBehavior#REJECT_COMMANDS}), so the
 * limiters fall back without waiting. Lettuce reconnects by itself (after at most
 * {@link #RECONNECT_AT_MOST_EVERY}); a first connection that failed is tried again on a later call.
 * Replies are not moved to another scheduler: the work after a decision is non-blocking, and the hop
 * cost about 60 µs per decision on the reference machine (docs/benchmarks.md, gateway: auth and limit
 * overhead).
 */
public final class RedisLimitStore implements AutoCloseable {

    /** Upper bound of the pause between reconnection attempts, so limits are shared again soon after Redis is back. */
    private static final Duration RECONNECT_AT_MOST_EVERY = Duration.ofSeconds(1);

    /** A Lua script with the SHA-1 Redis knows it by. */
    record Script(String source, String sha) {

        static Script load(String resource) {
            try (InputStream in = RedisLimitStore.class.getResourceAsStream("/redis/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing script /redis/" + resource);
                }
                String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Script(source, Base16.digest(source.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private CompletableFuture<StatefulRedisConnection<String, String>> connection;
    private long connectStarted;

    public RedisLimitStore(String url, Duration timeout) {
        this.uri = RedisURI.create(url);
        this.timeout = timeout;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(10), RECONNECT_AT_MOST_EVERY, 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).keepAlive(true).build())
                .build());
    }

    /** Where the limits are kept, without credentials: {@code host:port/db}. */
    public String address() {
        return uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
    }

    /** Runs {@code script} (by its SHA-1, loading it when Redis does not know it yet) and returns its integer reply. */
    public Mono<Long> run(Script script, String key, String... args) {
        String[] keys = {key};
        return commands()
                .flatMap(redis -> redis.<Long>evalsha(script.sha(), ScriptOutputType.INTEGER, keys, args)
                        .next()
                        .onErrorResume(RedisNoScriptException.class, missing -> redis
                                .<Long>eval(script.source(), ScriptOutputType.INTEGER, keys, args).next()))
                .timeout(timeout);
    }

    /** Removes {@code member} from the sorted set at {@code key}. */
    public Mono<Long> remove(String key, String member) {
        return commands().flatMap(redis -> redis.zrem(key, member)).timeout(timeout);
    }

    private Mono<RedisReactiveCommands<String, String>> commands() {
        return Mono.defer(() -> Mono.fromFuture(connection(), true)).map(StatefulRedisConnection::reactive);
    }

    private synchronized CompletableFuture<StatefulRedisConnection<String, String>> connection() {
        long now = System.nanoTime();
        boolean failed = connection != null && connection.isCompletedExceptionally();
        if (connection == null || (failed && now - connectStarted >= RECONNECT_AT_MOST_EVERY.toNanos())) {
            connectStarted = now;
            connection = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        }
        return connection;
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, timeout);
        resources.shutdown(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
