// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's license where people and tools look for it: LICENSE at the root, an SPDX header
 * in every source file and script, the POM's licenses, and THIRD-PARTY-NOTICES.txt exactly as the
 * build generates it from the dependencies' own POMs (so it cannot go stale when one is added).
 */
class LicenseFilesTest {
    static final String COPYRIGHT = "SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors";
    static final String LICENSE = "SPDX-License-Identifier: Apache-2.0";

    @Test
    void theRootLicenseIsApache2() throws IOException {
        String text = Files.readString(Path.of("LICENSE"));
        assertThat(text).startsWith("\n                                 Apache License\n                           Version 2.0, January 2004");
        assertThat(text).contains("END OF TERMS AND CONDITIONS").hasSize(11358);
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<name>Apache-2.0</name>")
                .contains("<url>https://www.apache.org/licenses/LICENSE-2.0.txt</url>");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> java = Stream.of("src/main/java", "src/test/java", "src/test/lab", "packaging")
                .flatMap(d -> { try { return Files.walk(Path.of(d)); } catch (IOException e) { throw new java.io.UncheckedIOException(e); } })) {
            return java.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sh")).sorted().toList();
        }
    }

    @Test
    void everySourceFileAndScriptSaysItsLicense() throws IOException {
        List<Path> files = sources();
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            List<String> head = Files.readAllLines(file).stream().limit(4).toList();
            String mark = file.toString().endsWith(".sh") ? "# " : "// ";
            assertThat(head).as(file.toString()).contains(mark + COPYRIGHT, mark + LICENSE);
        }
    }

    @Test
    void theNoticesAtTheRootAreTheOnesTheBuildGenerates() throws IOException {
        Path generated = Path.of("target/notices/THIRD-PARTY-NOTICES.txt");
        assertThat(generated).as("made by license-maven-plugin at generate-resources (mvn generate-resources)").isRegularFile();
        assertThat(Files.readString(Path.of("THIRD-PARTY-NOTICES.txt"))).as("copy target/notices/THIRD-PARTY-NOTICES.txt to the root")
                .isEqualTo(Files.readString(generated));
    }

    @Test
    void theNoticesNameTheLicensesThatAskMostOfAHelpDesk() throws IOException {
        String notices = Files.readString(Path.of("THIRD-PARTY-NOTICES.txt"));
        assertThat(notices).contains("org.openjfx:javafx-graphics:26.0.2").contains("GPLv2+CE")
                .contains("io.github.openhtmltopdf:openhtmltopdf-pdfbox").contains("Lesser General Public License")
                .contains("DejaVu fonts").contains("net.java.dev.jna:jna-jpms").contains("com.github.mwiede:jsch")
                .contains("Java runtime").doesNotContain("junit").doesNotContain("assertj").doesNotContain("testfx");
    }
}
