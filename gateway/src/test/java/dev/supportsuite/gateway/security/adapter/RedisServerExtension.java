package dev.supportsuite.gateway.security.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} for one test class, on a free loopback port, without persistence. Each
 * test is skipped (reported with the reason, not failed) when the binary is missing;
 * {@code gateway/src/test/redis/setup.sh}, run by Maven before the tests, installs Debian's package
 * when it can. Tests may kill, pause and restart the
 * server (same port) to see what the limiters do without it.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final RedisServerExtension redis = new RedisServerExtension();
 * </pre>
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback, ExecutionCondition {

    private static final Path BINARY = Path.of(System.getProperty("redis.server", "/usr/bin/redis-server"));
    private static final Duration STARTUP = Duration.ofSeconds(10);
    private static final String MISSING = "no redis-server at " + BINARY
            + "; gateway/src/test/redis/setup.sh installs Debian's package when run as root with apt-get";

    private int port;
    private Process process;

    /** Whether the binary is there; without it the tests are skipped. */
    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || available()) {
            return ConditionEvaluationResult.enabled("redis-server at " + BINARY);
        }
        return ConditionEvaluationResult.disabled(MISSING);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (available()) {
            url();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        kill();
    }

    /** The server's URL, starting it on first use (also from a Spring {@code @DynamicPropertySource}). */
    public synchronized String url() throws IOException, InterruptedException {
        if (!available()) {
            throw new IllegalStateException(MISSING);
        }
        if (port == 0) {
            port = freePort();
            start();
        }
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server again on the same port, empty, and waits until it answers PING. */
    public synchronized void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--loglevel", "warning")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!answersPing()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("redis-server did not start on port " + port);
            }
            Thread.sleep(20);
        }
    }

    /** Kills the server (SIGKILL): clients see the connection drop, as when Redis crashes. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the server's process (SIGSTOP): the connection stays open but nothing answers, as with a stuck Redis. */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a paused server go on (SIGCONT). */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " failed with " + exit);
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
