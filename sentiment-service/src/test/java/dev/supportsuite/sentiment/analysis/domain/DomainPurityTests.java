package dev.supportsuite.sentiment.analysis.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain stays plain Java: it imports the JDK only (STYLE.md). */
class DomainPurityTests {

    private static final Path DOMAIN = Path.of("src/main/java/dev/supportsuite/sentiment/analysis/domain");

    @Test
    void domainImportsOnlyTheJdk() throws IOException {
        List<String> imports;
        try (Stream<Path> files = Files.list(DOMAIN)) {
            imports = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.startsWith("import "))
                            .map(l -> f.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }

        assertThat(imports).isNotEmpty();
        assertThat(imports).allSatisfy(l -> assertThat(l).containsPattern("import (static )?java\\."));
    }
}
