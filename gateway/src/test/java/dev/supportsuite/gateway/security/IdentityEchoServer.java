package dev.supportsuite.gateway.security;

import com.sun.net.httpserver.HttpServer;
import dev.supportsuite.contracts.identity.IdentityHeaders;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Stands in for the routed services: answers every request with 200 and a JSON body naming the
 * identity headers it received, so a test can see exactly what the gateway passed downstream.
 */
final class IdentityEchoServer implements AutoCloseable {

    private final HttpServer server;

    IdentityEchoServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String body = "{\"type\":" + quote(exchange.getRequestHeaders().getFirst(IdentityHeaders.TYPE))
                    + ",\"user\":" + quote(exchange.getRequestHeaders().getFirst(IdentityHeaders.USER_ID))
                    + ",\"scopes\":" + quote(exchange.getRequestHeaders().getFirst(IdentityHeaders.SCOPES))
                    + ",\"displayName\":" + quote(exchange.getRequestHeaders().getFirst(IdentityHeaders.DISPLAY_NAME))
                    + ",\"headerCount\":" + exchange.getRequestHeaders().entrySet().stream()
                            .filter(e -> e.getKey().toLowerCase().startsWith("x-support-"))
                            .mapToInt(e -> e.getValue().size()).sum() + "}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\"", "\\\"") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
