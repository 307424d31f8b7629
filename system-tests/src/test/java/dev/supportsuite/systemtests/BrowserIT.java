package dev.supportsuite.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supportsuite.localstack.LocalStack;
import dev.supportsuite.localstack.SuiteService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget and the console in a real headless Chromium (Debian's, driven by Playwright), against
 * the whole suite. The scripts live in {@code src/test/browser}; Maven's setup step installs
 * Chromium and playwright-core and copies the scripts to {@code target/browser}. Where that was not
 * possible (no apt-get as root, no npm) the tests skip and say why; the setup step printed the same.
 * Screenshots go to {@code target/browser/shots}.
 */
class BrowserIT {

    private static final Path WORK = Paths.get("target", "browser");
    private static final Path SHOTS = WORK.resolve("shots");
    private static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final long SCRIPT_TIMEOUT_SECONDS = 120;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static LocalStack stack;

    @BeforeAll
    static void startSuite() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (see the setup step's output)");
        assumeTrue(Files.isRegularFile(WORK.resolve("node_modules/playwright-core/package.json")),
                "playwright-core is not installed in " + WORK + " (see the setup step's output)");
        Files.createDirectories(SHOTS);
        stack = SharedSuite.stack();
    }

    @Test
    void theWidgetAnswersWithACitationShowsMarkupAsTextAndKeepsTheConversationOverAReload() throws Exception {
        JsonNode result = run("widget.mjs", Map.of());

        assertThat(result.get("citationLink").asString()).contains("refund");
        assertThat(result.get("imagesInLog").asInt()).isZero();
        assertThat(result.get("dialogs").asInt()).isZero();
        assertThat(result.get("messagesAfterReload").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(SHOTS.resolve("widget.png")).isNotEmptyFile();
    }

    @Test
    void anAgentTakesOverAnAngryCustomerInTheConsoleAndHandsBackToTheAi() throws Exception {
        JsonNode result = run("console-handoff.mjs", Map.of("AGENT_USER", "ana",
                "AGENT_PASSWORD", SharedSuite.AGENT_PASSWORD, "AGENT_NAME", "Ana"));

        assertThat(result.get("secondsToQueue").asDouble()).isLessThan(2.0);
        assertThat(result.get("joinNote").asString()).contains("Ana");
        assertThat(result.get("customerGotAgentMessage").asBoolean()).isTrue();
        assertThat(result.get("agentSawCustomerTyping").asBoolean()).isTrue();
        assertThat(result.get("agentSawCustomerMessage").asBoolean()).isTrue();
        assertThat(result.get("imagesInConsoleTranscript").asInt()).isZero();
        assertThat(result.get("dialogs").asInt()).isZero();
        assertThat(SHOTS.resolve("console-queue.png")).isNotEmptyFile();
        assertThat(SHOTS.resolve("console-conversation.png")).isNotEmptyFile();
    }

    /** Runs one script with node and returns the result it printed; a failed check fails the test with its reason. */
    private static JsonNode run(String script, Map<String, String> env) throws Exception {
        Path log = Files.createTempFile(WORK.toAbsolutePath(), script, ".log");
        ProcessBuilder builder = new ProcessBuilder("node", script).directory(WORK.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("GATEWAY", "http://localhost:" + stack.port(SuiteService.GATEWAY));
        builder.environment().put("SHOTS", SHOTS.toAbsolutePath().toString());
        builder.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = builder.start();
        if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not finish in " + SCRIPT_TIMEOUT_SECONDS + " s:\n" + read(log));
        }
        String output = read(log);
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(script + " printed no result:\n" + output));
        JsonNode result = MAPPER.readTree(line.substring("RESULT ".length()));
        assertThat(result.path("ok").asBoolean()).as("%s: %s", script, result.path("error").asString()).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return result;
    }

    private static String read(Path log) throws IOException {
        return String.join("\n", Files.readAllLines(log, StandardCharsets.UTF_8));
    }
}
