// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LocalLinuxSide;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ssh block never lands where another tool or a heading owns the lines: not between a
 * comment and the block it heads, not between the markers of a region a tool rewrites (DevPod,
 * Ansible, conda-style, gcloud, Coder, Teleport); and the note says where it went and why. Real
 * ssh -G still agrees that the hosts get IPQoS none and nobody else changes.
 */
class SshBlockPlacementTest {
    static final String PATTERN = "198.18.1.*";
    static final String TARGET = "198.18.1.56";
    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final String OURS = "# WSL Net Doctor, 2026-11-22: no packet marking (IPQoS) for these hosts; marked packets were dropped on the way.";

    private static EditResult edit(String config) {
        return SshConfigEdit.setIpqos(config.getBytes(StandardCharsets.UTF_8), PATTERN, "none", DAY, List.of(TARGET),
                SshConfigEdit.IncludeReader.NONE);
    }

    private static List<String> lines(EditResult r) {
        return new String(r.updated(), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aToolsStartEndRegionAtTheTopIsLeftWhole() {
        String config = """
                Include ~/.orbstack/ssh/config

                # DevPod Start ws.devpod
                Host ws.devpod
                  ForwardAgent yes
                  User vscode
                # DevPod End ws.devpod

                Host nas
                  User admin
                """;
        EditResult r = edit(config);
        List<String> out = lines(r);
        assertThat(out.indexOf(OURS)).as("our block above the region").isLessThan(out.indexOf("# DevPod Start ws.devpod"));
        assertThat(out.subList(out.indexOf("# DevPod Start ws.devpod"), out.indexOf("# DevPod End ws.devpod") + 1))
                .containsExactly("# DevPod Start ws.devpod", "Host ws.devpod", "  ForwardAgent yes", "  User vscode", "# DevPod End ws.devpod");
        assertThat(r.notes()).singleElement().asString()
                .contains("before line 3")
                .contains("above lines 3-7, which another tool manages (\"# DevPod Start ws.devpod\" to \"# DevPod End ws.devpod\")");
    }

    @Test
    void aHeadingCommentStaysAboveTheBlockItHeads() {
        EditResult r = edit("""
                # Work servers: keep this comment with them
                Host work
                  User me
                """);
        List<String> out = lines(r);
        assertThat(out.get(out.indexOf("# Work servers: keep this comment with them") + 1)).isEqualTo("Host work");
        assertThat(out.getFirst()).isEqualTo(OURS);
        assertThat(r.notes()).singleElement().asString().contains("before line 1, so ssh reads it first; above the comment that heads the first Host/Match block, line 2");
    }

    @Test
    void aRegionThatStartsWithPreambleOptionsIsPassedAndNothingAboveItSetsIpqos() {
        String config = """
                # BEGIN ANSIBLE MANAGED BLOCK
                ServerAliveInterval 30
                Host build
                  User ci
                # END ANSIBLE MANAGED BLOCK
                Host nas
                  User admin
                """;
        EditResult r = edit(config);
        List<String> out = lines(r);
        assertThat(out.subList(0, 5)).as("the managed block untouched and whole").containsExactly(config.lines().limit(5).toArray(String[]::new));
        assertThat(out).contains("Host " + PATTERN);
        assertThat(r.notes()).singleElement().asString().contains("before line 6")
                .contains("after lines 1-5, which another tool manages")
                .contains("no Host/Match block above it sets IPQoS for these hosts");
    }

    @Test
    void whereNoPlaceOutsideIsReadEarlyEnoughTheNoteSaysTheBlockMayBeLost() {
        EditResult r = edit("""
                # >>> tool managed >>>
                ServerAliveInterval 30
                Host *
                  IPQoS af21
                # <<< tool managed <<<
                """);
        assertThat(r.applicable()).isTrue();
        assertThat(r.notes()).singleElement().asString().contains("inside lines 1-5, which another tool manages")
                .contains("if it rewrites them, the block is lost");
    }

    @Test
    void theUsersOwnBlockInsideAToolsRegionIsChangedAndTheNoteSaysItMayBeLost() {
        EditResult r = edit("""
                # BEGIN ANSIBLE MANAGED BLOCK
                Host 198.18.1.*
                  User ci
                # END ANSIBLE MANAGED BLOCK
                """);
        assertThat(lines(r)).contains("Host 198.18.1.*").doesNotContain(OURS);
        assertThat(r.notes()).hasSize(2).last().asString().contains("inside lines 1-4, which another tool manages")
                .contains("this change is lost");
        assertThat(edit("Host 198.18.1.*\n  User ci\n").notes()).singleElement().asString().doesNotContain("Note:");
    }

    @Test
    void anEmptyOrMissingFileGetsTheBlockAsItsFirstLines() {
        assertThat(edit("").notes()).singleElement().asString().contains("as the only lines of the file").doesNotContainPattern("line \\d");
    }

    // ---- generated shapes ----

    record Shape(String text, List<List<String>> regions) {
    }

    private static final List<String[]> MARKERS = List.of(
            new String[]{"# DevPod Start %s", "# DevPod End %s"},
            new String[]{"# BEGIN ANSIBLE MANAGED BLOCK %s", "# END ANSIBLE MANAGED BLOCK %s"},
            new String[]{"# >>> %s >>>", "# <<< %s <<<"},
            new String[]{"# Google Compute Engine Section %s", "# End of Google Compute Engine Section %s"},
            new String[]{"# ------------START-CODER-%s-----------", "# ------------END-CODER-%s------------"},
            new String[]{"# Begin generated Teleport configuration for %s", "# End generated Teleport configuration"});

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<String> option = Arbitraries.of("User admin", "Port 2222", "ForwardAgent no", "IdentityFile ~/.ssh/id_ed25519",
                "IPQoS af21", "ServerAliveInterval 30");
        Arbitrary<String> pattern = Arbitraries.of("nas", "box.example", "198.19.*", "jump,gw", "198.18.2.?", "*");
        Arbitrary<String> heading = Arbitraries.of("# servers at home", "# work", "## jump hosts ##", "# see README");
        Arbitrary<List<String>> block = Combinators.combine(pattern, option.list().ofMinSize(1).ofMaxSize(2), heading.optional(),
                        Arbitraries.of(true, false))
                .as((p, opts, h, blank) -> {
                    List<String> l = new ArrayList<>();
                    if (blank) {
                        l.add("");
                    }
                    h.ifPresent(l::add);
                    l.add("Host " + p);
                    opts.forEach(o -> l.add("  " + o));
                    return l;
                });
        Arbitrary<List<List<String>>> chunks = Combinators.combine(block.list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.integers().between(0, MARKERS.size() - 1), Arbitraries.of(true, false),
                        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6))
                .as((blocks, marker, managed, name) -> {
                    List<String> l = new ArrayList<>();
                    if (managed) {
                        l.add(MARKERS.get(marker)[0].formatted(name));
                    }
                    blocks.forEach(l::addAll);
                    if (managed) {
                        l.add(MARKERS.get(marker)[1].formatted(name));
                    }
                    return List.of(l, managed ? l : List.<String>of());
                }).list().ofMinSize(1).ofMaxSize(3).map(list -> list.stream().flatMap(List::stream).toList());
        Arbitrary<List<String>> preamble = Arbitraries.of("ServerAliveInterval 30", "Include ~/.orbstack/ssh/config", "# global",
                "").list().ofMaxSize(2);
        return Combinators.combine(preamble, chunks).as((pre, parts) -> {
            List<String> all = new ArrayList<>(pre);
            List<List<String>> regions = new ArrayList<>();
            for (int i = 0; i < parts.size(); i += 2) {
                all.addAll(parts.get(i));
                if (!parts.get(i + 1).isEmpty()) {
                    regions.add(parts.get(i + 1));
                }
            }
            return new Shape(String.join("\n", all) + "\n", regions);
        });
    }

    @Property(tries = 400)
    void noRegionIsSplitAndNoHeadingLeavesItsBlockUnlessTheNoteSaysSo(@ForAll("shapes") Shape shape) {
        EditResult r = edit(shape.text());
        Assume.that(r.applicable() && r.changed());
        List<String> out = lines(r);
        String note = r.notes().getFirst();
        assertThat(note).matches(".*(before line \\d+|after line \\d+).*");
        if (note.contains("Note:")) {
            return; // the one case with no place outside: said, not hidden
        }
        for (List<String> region : shape.regions()) {
            int at = indexOf(out, region);
            assertThat(at).as("region kept whole and in one piece: " + region + "\nin\n" + String.join("\n", out)).isGreaterThanOrEqualTo(0);
        }
        int ours = out.indexOf(OURS);
        assertThat(ours == 0 || ManagedRegions.comment(out.get(ours - 1)) == null || isClosing(out.get(ours - 1)))
                .as("not right under a heading comment:\n" + String.join("\n", out)).isTrue();
    }

    @Property(tries = 40)
    void sshAgreesWithEveryPlacement(@ForAll("shapes") Shape shape) throws Exception {
        LocalLinuxSide linux = new LocalLinuxSide();
        Assume.that(linux.hasCommand("ssh"));
        Path dir = Files.createTempDirectory("sshplace");
        try {
            Path file = dir.resolve("config");
            // an Include of a file that is not there is fine for ssh; keep the probe local anyway
            Files.writeString(file, shape.text().replace("Include ~/.orbstack/ssh/config", "Include " + dir.resolve("none")));
            Assume.that(linux.run(List.of("ssh", "-G", "-F", file.toString(), TARGET), Duration.ofSeconds(5)).succeeded());
            SafeApply apply = new SafeApply(new LocalConfigFiles(dir), Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));
            SafeApply.Preview preview = apply.preview(file.toString(), b -> SshConfigEdit.setIpqos(b, PATTERN, "none", DAY,
                    List.of(TARGET), SshConfigEdit.IncludeReader.NONE));
            Assume.that(preview.edit().applicable() && preview.edit().changed());
            byte[] before = Files.readAllBytes(file);
            SshConfigOracle oracle = new SshConfigOracle(linux, file.toString(), before, PATTERN, "none", List.of(TARGET));
            SafeApply.Applied applied = apply.apply(preview, oracle);
            assertThat(applied.verdict().ok()).as(applied.verdict().message()).isTrue();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static boolean isClosing(String line) {
        String c = ManagedRegions.comment(line);
        return c != null && (c.contains("<<<") || c.matches(".*\\b(end|stop)\\b.*"));
    }

    private static int indexOf(List<String> all, List<String> part) {
        for (int i = 0; i + part.size() <= all.size(); i++) {
            if (all.subList(i, i + part.size()).equals(part)) {
                return i;
            }
        }
        return -1;
    }
}
