package dev.supportsuite.agent.intent.bench;

import dev.supportsuite.agent.AgentServiceApplication;
import dev.supportsuite.agent.intent.domain.CatalogCsv;
import dev.supportsuite.agent.intent.domain.IntentCatalog;
import dev.supportsuite.embedded.EmbeddedKafka;
import dev.supportsuite.embedded.EmbeddedPostgresServer;
import dev.supportsuite.embedded.ServiceInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measurement main for issue #7 ("loading 10,000 examples takes seconds, not minutes"): starts
 * agent-service in process (random port, embedded PostgreSQL and Kafka), waits for the shipped catalog,
 * then PUTs the first 10,000 BANKING77 training examples as CSV (texts the service has never embedded)
 * and reports the wall time until the call returns, which is when the new catalog classifies, with the
 * service's own encode and train times. A classification afterwards shows the catalog in use.
 *
 * <p>Data from {@code -Dintent.bench.data} (default {@code ../shared/data} from the repository root). Run
 * it alone on the machine (under the shared Maven lock), see {@code docs/benchmarks.md}.
 */
public final class CatalogLoadBenchmark {

    private static final int EXAMPLES = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CatalogLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(System.getProperty("intent.bench.data", "../shared/data"));
        IntentCatalog banking = CatalogCsv.read(Files.readString(data.resolve("banking77/train.csv")), null);
        IntentCatalog catalog = new IntentCatalog(banking.examples().subList(0, EXAMPLES), null);
        String csv = CatalogCsv.write(catalog);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(); EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.putAll(ServiceInfrastructure.kafka(kafka.bootstrapServers()));
            properties.putAll(ServiceInfrastructure.database(postgres, "agent"));
            properties.put("server.port", 0);
            String[] springArgs = ServiceInfrastructure.commandLine(properties);
            try (ConfigurableApplicationContext context = AgentServiceApplication.builder().run(springArgs)) {
                String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port")
                        + "/api/v1/intents";
                String shipped = http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                        .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString()).body();
                print("shipped catalog live: %s", shipped);
                print("loadavg before PUT: %s", Files.readString(Path.of("/proc/loadavg")).strip());

                long started = System.nanoTime();
                HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(base))
                        .header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                        .PUT(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                double wall = (System.nanoTime() - started) / 1e9;
                if (put.statusCode() != 200) {
                    throw new IllegalStateException("PUT failed: " + put.statusCode() + " " + put.body());
                }
                JsonNode status = JSON.readTree(put.body());
                HttpResponse<String> classified = http.send(HttpRequest.newBuilder(URI.create(base + "/classify"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"my card still has not arrived\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                print("PUT %d examples (%d intents): %.1f s wall until live; encode %.1f s (%.0f texts/s), "
                        + "train+calibrate %.1f s, reused embeddings %d, catalog version %d",
                        status.get("examples").asInt(), status.get("intents").size(), wall,
                        status.get("encodeMillis").asLong() / 1000.0,
                        EXAMPLES * 1000.0 / Math.max(1, status.get("encodeMillis").asLong()),
                        status.get("trainMillis").asLong() / 1000.0, status.get("reusedEmbeddings").asInt(),
                        status.get("version").asLong());
                print("classify after the PUT: %d %s", classified.statusCode(), classified.body());
                print("loadavg after: %s", Files.readString(Path.of("/proc/loadavg")).strip());
            }
        }
        System.exit(0);
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
