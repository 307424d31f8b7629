package dev.supportsuite.gateway.bench;

import dev.supportsuite.contracts.identity.IdentityHeaders;
import dev.supportsuite.gateway.chat.api.EchoWebSocketHandler;
import dev.supportsuite.gateway.security.adapter.InMemoryConnectionLimiter;
import dev.supportsuite.gateway.security.adapter.InMemoryRequestLimiter;
import dev.supportsuite.gateway.security.adapter.RedisConnectionLimiter;
import dev.supportsuite.gateway.security.adapter.RedisLimitStore;
import dev.supportsuite.gateway.security.adapter.RedisOutage;
import dev.supportsuite.gateway.security.adapter.RedisRequestLimiter;
import dev.supportsuite.gateway.security.adapter.RedisServerExtension;
import dev.supportsuite.gateway.security.domain.AccessPolicy;
import dev.supportsuite.gateway.security.domain.ApiKeyRegistry;
import dev.supportsuite.gateway.security.domain.Authenticator;
import dev.supportsuite.gateway.security.domain.CallerIdentity;
import dev.supportsuite.gateway.security.domain.ConnectionLimiter;
import dev.supportsuite.gateway.security.domain.Hmac;
import dev.supportsuite.gateway.security.domain.RequestLimiter;
import dev.supportsuite.gateway.security.domain.SlidingWindowLimiter;
import dev.supportsuite.gateway.security.domain.TokenCodec;
import dev.supportsuite.gateway.security.web.EdgeSecurityFilter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.DelegatingWebFluxConfiguration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the edge's authentication and limits cost per message and per request, against the bare
 * WebFlux floor, on loopback with the client in the same JVM. One Spring WebFlux dispatcher (a trivial
 * HTTP handler and three sockets) is served three times: bare (no filter), behind the real
 * {@link EdgeSecurityFilter} with the in-memory request limiter, and behind it with the Redis one.
 * The sockets: the bare {@link EchoWebSocketHandler}; and an echo that does what the chat socket does
 * for auth and limits (verified identity at the handshake, a {@link ConnectionLimiter} permit for the
 * socket's life, per frame: text only, size check, per-socket {@link SlidingWindowLimiter}) but not the
 * chat protocol (JSON, conversation log, Kafka), which is not auth or limit work. Limits are set high so
 * nothing is refused; each worker is its own identity. A second part times the same steps in process
 * (no sockets) for a precise per-call cost.
 *
 * <pre>
 * flock /tmp/support-maven.lock ./mvnw -B -q -o -pl gateway test-compile dependency:build-classpath \
 *   -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * flock /tmp/support-maven.lock java -Xmx2g -cp gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/bench.cp) \
 *   dev.supportsuite.gateway.bench.EdgeOverheadBenchmark [seconds measured per variant, default 15] [concurrency, default 16]
 * </pre>
 */
public final class EdgeOverheadBenchmark {

    private static final String PAYLOAD = "{\"type\":\"message\",\"content\":\""
            + "How do I get a refund for my subscription? I was charged twice this month." + "\"}";
    private static final int MAX_FRAME_BYTES = 4096 + 512;
    /** High enough that nothing is refused: the cost of counting is measured, not of refusing. */
    private static final int REQUESTS_PER_MINUTE = 1_000_000;
    private static final int MESSAGES_PER_SECOND = 100_000;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final int ROUNDS = 5;
    private static final String HTTP_PATH = "/api/v1/knowledge/search";
    private static final byte[] SECRET = "benchmark-widget-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final String PARTNER_KEY = "sk_bench000000000000000000000000000000000000000";

    private EdgeOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration phase = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 15);
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        System.out.printf("Edge overhead benchmark %s, JVM %s %s, %d cores, %d s per variant in %d rounds after "
                + "%d s warm-up, concurrency 1 and %d%n", Instant.now(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), phase.toSeconds(),
                ROUNDS, WARM_UP.toSeconds(), concurrency);

        TokenCodec tokens = new TokenCodec(Hmac.sign(SECRET, "support-suite session tokens v1"), Duration.ofHours(1),
                Clock.systemUTC());
        ApiKeyRegistry keys = new ApiKeyRegistry(List.of(new ApiKeyRegistry.StoredKey("partner-bench",
                Hmac.sha256Hex(PARTNER_KEY), Set.of("chat"))), new NoKeyStore());
        Authenticator authenticator = new Authenticator(tokens, keys, null);
        AccessPolicy policy = new AccessPolicy(false);
        JsonMapper mapper = JsonMapper.builder().build();
        List<String> visitors = new ArrayList<>();
        for (int i = 0; i < Math.max(concurrency, 1) + 1; i++) {
            visitors.add(tokens.issue(CallerIdentity.visitor("v-bench-" + i)).token());
        }

        RedisServerExtension redis = new RedisServerExtension();
        RedisLimitStore store = null;
        String redisUnavailable = null;
        try {
            store = new RedisLimitStore(redis.url(), Duration.ofMillis(250));
        } catch (Exception e) {
            redisUnavailable = e.getMessage();
            System.out.println("Redis variants skipped: " + redisUnavailable);
        }
        RedisOutage outage = new RedisOutage(Duration.ofMinutes(1), System::nanoTime);
        Duration minute = Duration.ofMinutes(1);
        RequestLimiter memoryRequests = new InMemoryRequestLimiter(REQUESTS_PER_MINUTE, minute, System::nanoTime);
        ConnectionLimiter memoryConnections = new InMemoryConnectionLimiter(1_000);
        RequestLimiter redisRequests = store == null ? null : new RedisRequestLimiter(store, REQUESTS_PER_MINUTE,
                minute, new InMemoryRequestLimiter(REQUESTS_PER_MINUTE, minute, System::nanoTime), outage);
        ConnectionLimiter redisConnections = store == null ? null : new RedisConnectionLimiter(store,
                Duration.ofSeconds(30), new InMemoryConnectionLimiter(1_000), outage);

        Map<String, WebSocketHandler> sockets = new LinkedHashMap<>();
        sockets.put("/ws/echo", new EchoWebSocketHandler());
        sockets.put("/ws/guarded-memory/*", new GuardedEchoHandler(memoryConnections));
        if (redisConnections != null) {
            sockets.put("/ws/guarded-redis/*", new GuardedEchoHandler(redisConnections));
        }
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean("benchSockets", HandlerMapping.class,
                () -> new SimpleUrlHandlerMapping(sockets, Ordered.HIGHEST_PRECEDENCE));
        context.registerBean("benchRoutes", RouterFunction.class, () -> RouterFunctions.route()
                .GET(HTTP_PATH, request -> ServerResponse.ok().bodyValue("ok")).build());
        // What @EnableWebFlux imports, registered by hand: an annotated class here would be found by the
        // gateway's component scan in the gateway's own tests.
        context.register(DelegatingWebFluxConfiguration.class);
        context.refresh();
        DispatcherHandler dispatcher = new DispatcherHandler(context);

        List<DisposableServer> servers = new ArrayList<>();
        DisposableServer bare = serve(dispatcher, null, servers);
        EdgeSecurityFilter memoryFilter = new EdgeSecurityFilter(authenticator, policy, memoryRequests, mapper);
        DisposableServer memory = serve(dispatcher, memoryFilter, servers);
        EdgeSecurityFilter redisFilter = redisRequests == null ? null
                : new EdgeSecurityFilter(authenticator, policy, redisRequests, mapper);
        DisposableServer redisServer = redisFilter == null ? null : serve(dispatcher, redisFilter, servers);

        List<String> rows = new ArrayList<>();
        try {
            HttpClient client = HttpClient.create(ConnectionProvider.create("bench", concurrency * 2));
            List<Variant> http = new ArrayList<>(List.of(
                    new Variant("bare (no filter, no credential)",
                            (c, d) -> run(client, bare.port(), i -> null, c, d)),
                    new Variant("EdgeSecurityFilter, visitor token, in-memory limit",
                            (c, d) -> run(client, memory.port(), visitors::get, c, d)),
                    new Variant("EdgeSecurityFilter, partner API key, in-memory limit",
                            (c, d) -> run(client, memory.port(), i -> PARTNER_KEY, c, d))));
            List<Variant> webSockets = new ArrayList<>(List.of(
                    new Variant("bare echo (floor)", (c, d) -> runSockets(bare.port(), "/ws/echo", i -> null, c, d)),
                    new Variant("token at connect + permit + size + per-socket rate, in-memory",
                            (c, d) -> runSockets(memory.port(), "/ws/guarded-memory/", visitors::get, c, d))));
            if (redisServer != null) {
                http.add(new Variant("EdgeSecurityFilter, visitor token, Redis limit",
                        (c, d) -> run(client, redisServer.port(), visitors::get, c, d)));
                webSockets.add(new Variant("same, Redis request limit and socket lease",
                        (c, d) -> runSockets(redisServer.port(), "/ws/guarded-redis/", visitors::get, c, d)));
            }
            for (int c : new int[] {1, concurrency}) {
                rows.add("HTTP GET " + HTTP_PATH + ", trivial handler, c=" + c + " | p50 µs (rounds min-max) "
                        + "| p99 µs | req/s (rounds min-max) | over floor: p50 µs | over floor: µs per request");
                rows.addAll(compare(http, c, phase));
                rows.add("");
            }
            for (int c : new int[] {1, concurrency}) {
                rows.add("WebSocket echo, " + PAYLOAD.length() + "-byte text frames, c=" + c + " | p50 µs "
                        + "(rounds min-max) | p99 µs | msg/s (rounds min-max) | over floor: p50 µs "
                        + "| over floor: µs per message");
                rows.addAll(compare(webSockets, c, phase));
                rows.add("");
            }
            rows.add("");
            rows.add("Socket opening (handshake to first echo), 500 in sequence | p50 µs | p99 µs");
            rows.add(opening("bare echo", bare.port(), "/ws/echo", null));
            rows.add(opening("guarded, in-memory", memory.port(), "/ws/guarded-memory/", visitors.get(0)));
            if (redisServer != null) {
                rows.add(opening("guarded, Redis", redisServer.port(), "/ws/guarded-redis/", visitors.get(0)));
            }

            // ---- in process ----------------------------------------------------------------------
            rows.add("");
            rows.add("In process, per call (no sockets) | ns/call");
            // A visitor the load phases did not use: its Redis window holds only what this part adds.
            rows.addAll(inProcess(memoryFilter, redisFilter, visitors.get(concurrency)));
        } finally {
            servers.forEach(DisposableServer::disposeNow);
            context.close();
            if (store != null) {
                store.close();
            }
            redis.kill();
        }
        System.out.println();
        rows.forEach(System.out::println);
        System.out.printf("%nRedis fallbacks during the run: %d; process CPU time %.1f s%n", outage.fallbacks(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime() / 1e9);
        System.exit(0);
    }

    private static DisposableServer serve(DispatcherHandler dispatcher, WebFilter filter,
            List<DisposableServer> servers) {
        WebHttpHandlerBuilder builder = WebHttpHandlerBuilder.webHandler(dispatcher);
        if (filter != null) {
            builder.filter(filter);
        }
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(builder.build())).bindNow();
        servers.add(server);
        return server;
    }

    // ---- load ---------------------------------------------------------------------------------

    private static Result run(HttpClient client, int port, IntFunction<String> credential,
            int concurrency, Duration phase) {
        long end = System.nanoTime() + phase.toNanos();
        Latencies[] latencies = new Latencies[concurrency];
        AtomicInteger errors = new AtomicInteger();
        Flux.range(0, concurrency).flatMap(worker -> {
            latencies[worker] = new Latencies();
            String value = credential.apply(worker);
            HttpClient authorized = value == null ? client
                    : client.headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + value));
            return Mono.defer(() -> {
                long start = System.nanoTime();
                return authorized.get().uri("http://127.0.0.1:" + port + HTTP_PATH)
                        .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                                .map(text -> response.status().code()))
                        .doOnNext(status -> {
                            latencies[worker].add(System.nanoTime() - start);
                            if (status != 200) {
                                errors.incrementAndGet();
                            }
                        });
            }).repeat(() -> System.nanoTime() < end).then();
        }, concurrency).blockLast(phase.plusSeconds(30));
        return Result.of(latencies, phase, errors.get());
    }

    private static Result runSockets(int port, String path, IntFunction<String> credential,
            int concurrency, Duration phase) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        AtomicInteger errors = new AtomicInteger();
        List<EchoLoop> loops = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            String token = credential.apply(i);
            String uri = "ws://127.0.0.1:" + port + path + (token == null ? "" : "v-bench-" + i + "?token=" + token);
            EchoLoop loop = new EchoLoop(errors);
            client.newWebSocketBuilder().buildAsync(URI.create(uri), loop).get(10, TimeUnit.SECONDS);
            loops.add(loop);
        }
        long end = System.nanoTime() + phase.toNanos();
        loops.forEach(loop -> loop.start(end));
        for (EchoLoop loop : loops) {
            loop.finished.get(phase.toSeconds() + 30, TimeUnit.SECONDS);
            loop.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
        return Result.of(loops.stream().map(loop -> loop.latencies).toArray(Latencies[]::new), phase, errors.get());
    }

    /** One socket sending a message, waiting for its echo, and sending the next until the phase ends. */
    private static final class EchoLoop implements WebSocket.Listener {

        final Latencies latencies = new Latencies();
        final CompletableFuture<Void> finished = new CompletableFuture<>();
        private final AtomicInteger errors;
        private final StringBuilder text = new StringBuilder();
        private volatile long end;
        private volatile long sentAt;
        private WebSocket socket;
        private CompletableFuture<WebSocket> sending;

        EchoLoop(AtomicInteger errors) {
            this.errors = errors;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        synchronized void start(long endNanos) {
            end = endNanos;
            sentAt = System.nanoTime();
            sending = socket.sendText(PAYLOAD, true);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                long now = System.nanoTime();
                if (!PAYLOAD.contentEquals(text)) {
                    errors.incrementAndGet();
                }
                text.setLength(0);
                latencies.add(now - sentAt);
                if (now < end) {
                    next();
                } else {
                    finished.complete(null);
                }
            }
            webSocket.request(1);
            return null;
        }

        /** The JDK refuses a send while the previous one is still completing: chain them. */
        private synchronized void next() {
            sending = sending.thenCompose(previous -> {
                sentAt = System.nanoTime();
                return previous.sendText(PAYLOAD, true);
            });
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (!finished.isDone()) {
                errors.incrementAndGet();
                finished.complete(null);
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            errors.incrementAndGet();
            finished.complete(null);
        }
    }

    private static String opening(String label, int port, String path, String token) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        Latencies latencies = new Latencies();
        for (int i = 0; i < 700; i++) {
            String uri = "ws://127.0.0.1:" + port + path + (token == null ? "" : "v-bench-0?token=" + token);
            CompletableFuture<Void> echoed = new CompletableFuture<>();
            long start = System.nanoTime();
            WebSocket socket = client.newWebSocketBuilder().buildAsync(URI.create(uri), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    echoed.complete(null);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            socket.sendText(PAYLOAD, true);
            echoed.get(10, TimeUnit.SECONDS);
            long took = System.nanoTime() - start;
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            if (i >= 200) {
                latencies.add(took);
            }
        }
        long[] sorted = latencies.sorted();
        return String.format("%s | %.0f | %.0f", label, percentile(sorted, 0.50) / 1e3, percentile(sorted, 0.99) / 1e3);
    }

    // ---- in process -------------------------------------------------------------------------------

    private static List<String> inProcess(EdgeSecurityFilter memoryFilter, EdgeSecurityFilter redisFilter,
            String visitor) {
        List<String> rows = new ArrayList<>();
        int iterations = 300_000;
        double baseline = perCall(iterations, () -> exchange(null).getResponse().setComplete().block());
        rows.add(String.format("mock exchange + completed response, no filter (baseline) | %.0f", baseline));
        double withToken = perCall(iterations, () -> memoryFilter.filter(exchange(visitor),
                exchange -> exchange.getResponse().setComplete()).block());
        double withKey = perCall(iterations, () -> memoryFilter.filter(exchange(PARTNER_KEY),
                exchange -> exchange.getResponse().setComplete()).block());
        rows.add(String.format("EdgeSecurityFilter, visitor token, in-memory limit | %.0f (%.0f over baseline)",
                withToken, withToken - baseline));
        rows.add(String.format("EdgeSecurityFilter, partner API key, in-memory limit | %.0f (%.0f over baseline)",
                withKey, withKey - baseline));
        if (redisFilter != null) {
            double withRedis = perCall(20_000, () -> redisFilter.filter(exchange(visitor),
                    exchange -> exchange.getResponse().setComplete()).block());
            rows.add(String.format("EdgeSecurityFilter, visitor token, Redis limit (one round trip, sequential) "
                    + "| %.0f (%.0f over baseline)", withRedis, withRedis - baseline));
        }
        SlidingWindowLimiter socketRate = new SlidingWindowLimiter(MESSAGES_PER_SECOND, Duration.ofSeconds(1),
                System::nanoTime);
        // The chat socket's per-frame checks: the size of the text in UTF-8, then the socket's rate limit.
        int[] sink = {0};
        double perFrame = perCall(3_000_000, () -> {
            if (PAYLOAD.getBytes(StandardCharsets.UTF_8).length <= MAX_FRAME_BYTES
                    && socketRate.tryAcquire("messages").allowed()) {
                sink[0]++;
            }
        });
        rows.add(String.format("per chat frame: size check + per-socket SlidingWindowLimiter | %.0f", perFrame));
        return rows;
    }

    private static MockServerWebExchange exchange(String credential) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get(HTTP_PATH)
                .remoteAddress(new InetSocketAddress("127.0.0.1", 40000));
        if (credential != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + credential);
        }
        return MockServerWebExchange.from(request);
    }

    private static double perCall(int iterations, Runnable call) {
        for (int i = 0; i < iterations; i++) {
            call.run();
        }
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            call.run();
        }
        return (System.nanoTime() - start) / (double) iterations;
    }

    // ---- results ----------------------------------------------------------------------------------

    /** One way to load the server: at a concurrency, for a duration. */
    private interface Load {
        Result run(int concurrency, Duration duration) throws Exception;
    }

    private record Variant(String label, Load load) {
    }

    /**
     * Each variant warmed up, then measured in {@link #ROUNDS} rounds taken in turn (A, B, C, A, B, C, ...),
     * so drift of the shared machine spreads over all variants; a row gives the median of the rounds and
     * their range, and the difference to the first variant (the floor).
     */
    private static List<String> compare(List<Variant> variants, int concurrency, Duration phase) throws Exception {
        for (Variant variant : variants) {
            variant.load().run(concurrency, WARM_UP);
        }
        Map<Variant, List<Result>> rounds = new LinkedHashMap<>();
        variants.forEach(variant -> rounds.put(variant, new ArrayList<>()));
        for (int round = 0; round < ROUNDS; round++) {
            for (Variant variant : variants) {
                rounds.get(variant).add(variant.load().run(concurrency, phase.dividedBy(ROUNDS)));
            }
        }
        List<String> rows = new ArrayList<>();
        double floorP50 = Double.NaN;
        double floorRate = Double.NaN;
        for (Map.Entry<Variant, List<Result>> entry : rounds.entrySet()) {
            List<Result> results = entry.getValue();
            double[] p50 = results.stream().mapToDouble(Result::p50Micros).sorted().toArray();
            double[] p99 = results.stream().mapToDouble(Result::p99Micros).sorted().toArray();
            double[] rate = results.stream().mapToDouble(Result::perSecond).sorted().toArray();
            int errors = results.stream().mapToInt(Result::errors).sum();
            double medianP50 = p50[p50.length / 2];
            double medianRate = rate[rate.length / 2];
            if (Double.isNaN(floorP50)) {
                floorP50 = medianP50;
                floorRate = medianRate;
            }
            rows.add(String.format("%s | %.0f (%.0f-%.0f) | %.0f | %,.0f (%,.0f-%,.0f) | %+.0f | %+.1f%s",
                    entry.getKey().label(), medianP50, p50[0], p50[p50.length - 1], p99[p99.length / 2], medianRate,
                    rate[0], rate[rate.length - 1], medianP50 - floorP50, 1e6 / medianRate - 1e6 / floorRate,
                    errors > 0 ? " | errors " + errors : ""));
        }
        return rows;
    }


    private record Result(double p50Micros, double p99Micros, double perSecond, int errors) {

        static Result of(Latencies[] workers, Duration phase, int errors) {
            long[] all = Arrays.stream(workers).map(Latencies::sorted).flatMapToLong(Arrays::stream).sorted()
                    .toArray();
            return new Result(percentile(all, 0.50) / 1e3, percentile(all, 0.99) / 1e3,
                    all.length / (phase.toNanos() / 1e9), errors);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
    }

    /** One worker's round trips in nanoseconds; a worker records one at a time. */
    private static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(values, size);
            Arrays.sort(copy);
            return copy;
        }
    }

    /**
     * The chat socket's auth and limit work around an echo: the verified identity the filter put on the
     * handshake, a connection permit held (and kept alive) while the socket is open, and per frame the
     * checks {@code ChatWebSocketHandler} makes before reading a message: text only, size, the
     * socket's rate.
     */
    private static final class GuardedEchoHandler implements WebSocketHandler {

        private final ConnectionLimiter connections;

        GuardedEchoHandler(ConnectionLimiter connections) {
            this.connections = connections;
        }

        @Override
        public Mono<Void> handle(WebSocketSession session) {
            HttpHeaders verified = session.getHandshakeInfo().getHeaders();
            String type = verified.getFirst(IdentityHeaders.TYPE);
            String user = verified.getFirst(IdentityHeaders.USER_ID);
            if (type == null || user == null) {
                return session.close(CloseStatus.POLICY_VIOLATION.withReason("authentication required"));
            }
            return Mono.usingWhen(connections.tryOpen(type + ":" + user),
                    permit -> permit.admitted() ? echo(session, permit)
                            : session.close(CloseStatus.POLICY_VIOLATION.withReason("too many connections")),
                    ConnectionLimiter.Permit::release);
        }

        private Mono<Void> echo(WebSocketSession session, ConnectionLimiter.Permit permit) {
            SlidingWindowLimiter socketRate = new SlidingWindowLimiter(MESSAGES_PER_SECOND, Duration.ofSeconds(1),
                    System::nanoTime);
            Sinks.Empty<Void> closed = Sinks.empty();
            Mono<Void> send = session.send(session.receive()
                    .map(message -> {
                        if (message.getType() != WebSocketMessage.Type.TEXT) {
                            return session.textMessage("{\"type\":\"error\",\"code\":\"unsupported_frame\"}");
                        }
                        String text = message.getPayloadAsText(StandardCharsets.UTF_8);
                        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES) {
                            return session.textMessage("{\"type\":\"error\",\"code\":\"message_too_large\"}");
                        }
                        if (!socketRate.tryAcquire("messages").allowed()) {
                            return session.textMessage("{\"type\":\"error\",\"code\":\"rate_limited\"}");
                        }
                        return session.textMessage(text);
                    }))
                    .doFinally(signal -> closed.tryEmitEmpty());
            return Mono.when(send, permit.keepAlive().takeUntilOther(closed.asMono()));
        }
    }

    private static final class NoKeyStore implements ApiKeyRegistry.ApiKeyStore {
        @Override
        public List<ApiKeyRegistry.StoredKey> load() {
            return List.of();
        }

        @Override
        public void save(List<ApiKeyRegistry.StoredKey> keys) {
        }
    }
}
