package dev.supportsuite.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The seed's REST chat call with nothing but the JDK. Run it from the repository root:
 *
 * <pre>
 * java examples/src/main/java/dev/supportsuite/examples/ChatRestClient.java "I need help with my account"
 * </pre>
 *
 * The gateway URL comes from {@code SUPPORT_URL} (default {@code http://localhost:8080}), the
 * session id from {@code SUPPORT_SESSION} (default {@code session_123}). Prints the status and the
 * JSON answer ({@code message}, {@code intent}, {@code escalated}, ...).
 */
public final class ChatRestClient {

    private ChatRestClient() {
    }

    public static void main(String[] args) throws Exception {
        String base = System.getenv().getOrDefault("SUPPORT_URL", "http://localhost:8080");
        String session = System.getenv().getOrDefault("SUPPORT_SESSION", "session_123");
        String content = args.length > 0 ? String.join(" ", args) : "I need help with my account";
        String body = "{\"content\":" + quote(content) + ",\"session_id\":" + quote(session) + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/chat"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        System.out.println(response.statusCode());
        System.out.println(response.body());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
