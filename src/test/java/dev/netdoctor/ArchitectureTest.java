package dev.netdoctor;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The arrows of ARCHITECTURE.md, checked on the sources. */
class ArchitectureTest {
    private static final Path SRC = Path.of("src/main/java/dev/netdoctor");
    private static final Pattern OUR_IMPORT = Pattern.compile("^import (?:static )?dev\\.netdoctor\\.(\\w+)\\.", Pattern.MULTILINE);
    /** Which of our packages each package may import. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "model", List.of(),
            "host", List.of("model"),
            "probe", List.of("model", "host"),
            "diagnosis", List.of("model"),
            "session", List.of("model", "host", "probe", "diagnosis"),
            "fix", List.of("model", "host"),
            "report", List.of("model"),
            "log", List.of(),
            "cli", List.of("model", "host", "probe", "diagnosis", "session", "fix", "report", "log"),
            "ui", List.of("model", "host", "probe", "diagnosis", "session", "fix", "report", "log"));

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(SRC)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String layer(Path p) {
        Path rel = SRC.relativize(p);
        return rel.getNameCount() == 1 ? "" : rel.getName(0).toString();
    }

    @Test
    void importsPointDownTheLayersOnly() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path p : sources()) {
            String layer = layer(p);
            if (layer.isEmpty()) {
                continue; // Main, the launcher above every layer
            }
            Matcher m = OUR_IMPORT.matcher(Files.readString(p));
            while (m.find()) {
                String to = m.group(1);
                if (!to.equals(layer) && !ALLOWED.getOrDefault(layer, List.of()).contains(to)) {
                    violations.add(p + " imports " + to);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void javaFxOnlyInTheUi() throws IOException {
        assertThat(sources().stream().filter(p -> !layer(p).equals("ui"))
                .filter(p -> read(p).contains("import javafx.")).toList()).isEmpty();
    }

    @Test
    void printingExitingAndPicocliOnlyInTheCli() throws IOException {
        assertThat(sources().stream().filter(p -> !layer(p).equals("cli"))
                .filter(p -> {
                    String s = read(p);
                    return s.contains("System.out") || s.contains("System.err") || s.contains("System.exit") || s.contains("import picocli");
                }).toList()).isEmpty();
    }

    /**
     * A shell may only run a constant script (its inputs passed as "$1"…), never a script
     * assembled at run time from text.
     */
    @Test
    void noShellStringsAreBuilt() throws IOException {
        Pattern assembled = Pattern.compile("\"(ba)?sh\", \"-c\", (?!([A-Z][A-Za-z]*\\.)?[A-Z_]+[,)])");
        assertThat(sources().stream().filter(p -> {
            String s = read(p);
            return assembled.matcher(s).find() || s.contains("Runtime.getRuntime().exec");
        }).toList()).isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
