package dev.supportsuite.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain packages import only the JDK, Reactor, the contracts and other domain code. */
class DomainBoundaryTests {

    private static final Path SOURCES = Path.of("src/main/java/dev/supportsuite/ticket");
    private static final List<String> ALLOWED = List.of("import java.", "import static java.", "import reactor.",
            "import dev.supportsuite.contracts.", "import dev.supportsuite.ticket.shared.CallerIdentity;",
            "import dev.supportsuite.ticket.shared.Clock;", "import dev.supportsuite.ticket.shared.EventOutbox;",
            "import dev.supportsuite.ticket.shared.ForbiddenException;",
            "import dev.supportsuite.ticket.shared.Transactions;",
            "import dev.supportsuite.ticket.shared.UnknownUserException;");

    @Test
    void domainCodeDependsOnNoFrameworkOrAdapter() throws IOException {
        List<Path> domainFiles;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            domainFiles = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.getParent().getFileName().toString().equals("domain")
                            || p.getParent().equals(SOURCES.resolve("shared")))
                    .toList();
        }
        assertThat(domainFiles).hasSizeGreaterThan(20);
        for (Path file : domainFiles) {
            List<String> imports = Files.readAllLines(file).stream().filter(line -> line.startsWith("import "))
                    .filter(line -> ALLOWED.stream().noneMatch(line::startsWith))
                    .filter(line -> !line.matches("import dev\\.supportsuite\\.ticket\\.\\w+\\.domain\\..*"))
                    .toList();
            assertThat(imports).as("imports of %s", file).isEmpty();
        }
    }
}
