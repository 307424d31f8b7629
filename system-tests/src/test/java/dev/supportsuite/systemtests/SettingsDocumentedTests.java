package dev.supportsuite.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code .env.example} promises every setting with its default, and docker compose passes settings on with
 * defaults of its own. Both drift silently from the services' {@code application} files: compose once
 * shortened the frustration keywords to the seed's three. This reads the files and compares them.
 */
class SettingsDocumentedTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SERVICE_SETTING = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");
    private static final Pattern COMPOSE_SETTING = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):-([^}]*)}");
    private static final Pattern EXAMPLE_LINE = Pattern.compile("^([A-Z][A-Z0-9_]*)=(.*)$", Pattern.MULTILINE);

    @Test
    void everySettingAServiceReadsIsInTheExampleWithTheServicesDefault() throws IOException {
        Map<String, String> example = matches(EXAMPLE_LINE, Files.readString(ROOT.resolve(".env.example")));
        Map<String, String> read = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(ROOT, 5)) {
            for (Path file : files.filter(SettingsDocumentedTests::serviceSettings).toList()) {
                read.putAll(matches(SERVICE_SETTING, Files.readString(file)));
            }
        }
        assertThat(read).as("settings read by the services").hasSizeGreaterThan(40);

        List<String> wrong = new ArrayList<>();
        read.forEach((name, value) -> {
            if (!example.containsKey(name)) {
                wrong.add(name + " is missing from .env.example");
            } else if (!example.get(name).equals(value)) {
                wrong.add(name + ": .env.example says '" + example.get(name) + "', the service '" + value + "'");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void composePassesTheSameDefaultsAsTheExample() throws IOException {
        Map<String, String> example = matches(EXAMPLE_LINE, Files.readString(ROOT.resolve(".env.example")));
        Map<String, String> compose = matches(COMPOSE_SETTING, Files.readString(ROOT.resolve("docker-compose.yml")));
        assertThat(compose).as("settings compose passes on").hasSizeGreaterThan(15);

        List<String> wrong = new ArrayList<>();
        compose.forEach((name, value) -> {
            if (example.containsKey(name) && !example.get(name).equals(value)) {
                wrong.add(name + ": .env.example says '" + example.get(name) + "', compose '" + value + "'");
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static boolean serviceSettings(Path file) {
        String path = ROOT.relativize(file).toString().replace('\\', '/');
        return path.endsWith(".yml") && path.contains("/src/main/resources/") && !path.contains("/target/");
    }

    private static Map<String, String> matches(Pattern pattern, String text) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.putIfAbsent(m.group(1), m.group(2).strip());
        }
        return found;
    }
}
