package dev.supportsuite.gateway.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A chat socket opened by a test: the first frame the gateway sends, and how it closed the socket. */
final class TestSocket {

    final CompletableFuture<String> firstFrame = new CompletableFuture<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    volatile String closeReason = "";
    WebSocket socket;

    private TestSocket() {
    }

    static TestSocket connect(HttpClient http, int port, String path) throws Exception {
        TestSocket state = new TestSocket();
        state.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port + path),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        state.firstFrame.complete(data.toString());
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        state.closeReason = reason;
                        state.closeCode.complete(statusCode);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        return state;
    }
}
