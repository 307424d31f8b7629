package dev.supportsuite.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack.jar}: the whole suite on this machine, nothing installed but a JDK.
 * Data stays under {@code ./data} (override with {@code SUPPORT_DATA_DIR}); Ctrl-C stops it cleanly.
 */
public final class LocalStackApplication {

    private LocalStackApplication() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(env("SUPPORT_DATA_DIR", "data")).toAbsolutePath();
        Files.createDirectories(data);
        int postgresPort = Integer.parseInt(env("LOCAL_STACK_POSTGRES_PORT", "15432"));
        Map<String, Object> properties = new LinkedHashMap<>(LocalStack.Options.dataDirectoryProperties(data));
        LocalStack stack = LocalStack.start(new LocalStack.Options(data.resolve("postgres"), postgresPort,
                true, properties));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the support suite...");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        printUrls(stack, data);
        stopped.await();
    }

    private static void printUrls(LocalStack stack, Path data) {
        StringBuilder out = new StringBuilder("\nSupport suite is running (Ctrl-C to stop)\n");
        out.append(String.format("  %-20s http://localhost:%d/%n", "chat widget demo", stack.port(SuiteService.GATEWAY)));
        out.append(String.format("  %-20s ws://localhost:%d/ws/chat/{user_id}%n", "chat WebSocket",
                stack.port(SuiteService.GATEWAY)));
        out.append(String.format("  %-20s http://localhost:%d/docs  (ReDoc: /redoc)%n", "API docs",
                stack.port(SuiteService.GATEWAY)));
        for (SuiteService service : SuiteService.values()) {
            out.append(String.format("  %-20s http://localhost:%d/actuator/health%n", service.serviceName(),
                    stack.port(service)));
        }
        out.append(String.format("  %-20s %s%n", "kafka", stack.kafkaBootstrapServers()));
        out.append(String.format("  %-20s %s%n", "postgres", stack.postgres().jdbcUrl()));
        out.append(String.format("  %-20s %s%n", "data", data));
        System.out.println(out);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
