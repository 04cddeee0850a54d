// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LocalLinuxSide;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ssh configs as the tools that manage parts of them write them (DevPod, gcloud compute
 * config-ssh, coder config-ssh, Ansible's blockinfile, tsh config) and one with a heading
 * comment: the block goes where the corpus says, the marked part stays whole, and the real
 * ssh -G confirms the hosts get IPQoS none while every other host keeps its settings.
 */
class SshManagedConfigCorpusTest {
    static final String PATTERN = "192.168.1.*";
    static final String DIR = "/dev/netdoctor/fix/ssh-corpus/";

    @TempDir
    Path dir;

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = SshManagedConfigCorpusTest.class.getResourceAsStream(DIR + "expected.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> Arguments.of(f[0], f[1], f[2], f[3]))
                    .toList().stream();
        }
    }

    private static byte[] file(String name) throws IOException {
        try (InputStream in = SshManagedConfigCorpusTest.class.getResourceAsStream(DIR + name)) {
            return in.readAllBytes();
        }
    }

    private static EditResult edit(byte[] config) {
        return SshConfigEdit.setIpqos(config, PATTERN, "none", LocalDate.of(2026, 11, 22), List.of("192.168.1.20"),
                SshConfigEdit.IncludeReader.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theBlockLandsOutsideWhatAToolOrAHeadingOwns(String name, String note, String first, String last) throws Exception {
        byte[] config = file(name);
        EditResult r = edit(config);
        assertThat(r.applicable()).as(r.conflicts().toString()).isTrue();
        assertThat(r.notes()).singleElement().asString().contains(note);
        List<String> before = new String(config, StandardCharsets.UTF_8).lines().toList();
        List<String> after = new String(r.updated(), StandardCharsets.UTF_8).lines().toList();
        List<String> owned = before.subList(before.indexOf(first), before.indexOf(last) + 1);
        int at = after.indexOf(first);
        assertThat(after.subList(at, at + owned.size())).as("kept whole").isEqualTo(owned);

        LocalLinuxSide linux = new LocalLinuxSide();
        assumeTrue(linux.hasCommand("ssh"), "Skipping the ssh -G half: no OpenSSH client here");
        Path f = Files.write(dir.resolve("config"), config);
        assumeTrue(linux.run(List.of("ssh", "-G", "-F", f.toString(), "nas"), Duration.ofSeconds(5)).succeeded(),
                "this ssh reads the corpus file");
        SafeApply apply = new SafeApply(new LocalConfigFiles(dir), Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
        SafeApply.Applied applied = apply.apply(apply.preview(f.toString(), SshManagedConfigCorpusTest::edit),
                new SshConfigOracle(linux, f.toString(), config, PATTERN, "none", List.of("192.168.1.20")));
        assertThat(applied.verdict().ok()).as(applied.verdict().message()).isTrue();
    }
}
