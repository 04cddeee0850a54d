// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fix apply}: a fix a saved result offers, applied by its id through the same wiring as the
 * wizard's button; whatever the result or the id, bad input changes nothing.
 */
class ApplyFixCliTest {
    @TempDir
    Path dir;

    private Path saved(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/dev/netdoctor/report/results/" + name + ".json")) {
            return Files.write(dir.resolve(name + ".json"), in.readAllBytes());
        }
    }

    /** check-config's own JSON, applied finding by finding: the duplicate commented out, checked, undone byte-exact. */
    @Test
    void aFixOfCheckConfigsJsonIsAppliedCheckedAndUndone() throws Exception {
        byte[] original = "[wsl2]\r\nmemory=4GB\r\nmemory=8GB\r\n".getBytes(UTF_8);
        Path wslconfig = Files.write(dir.resolve(".wslconfig"), original);
        Path wslConf = Files.writeString(dir.resolve("wsl.conf"), "[boot]\nsystemd=true\n");
        CliRun check = CliRun.of("check-config", "--wslconfig", wslconfig.toString(), "--wsl-conf", wslConf.toString(), "--json");
        assertThat(check.exit()).as(check.err()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        Path result = Files.writeString(dir.resolve("result.json"), check.out());

        CliRun dry = CliRun.of("fix", "apply", "--from", result.toString(), "--fix", "config-comment-out-duplicates",
                "--wslconfig", wslconfig.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("+# memory=8GB").contains("Dry run: nothing was written.");
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(original);

        CliRun r = CliRun.of("fix", "apply", "--from", result.toString(), "--fix", "config-comment-out-duplicates",
                "--wslconfig", wslconfig.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Fix: ").contains("Checked: ");
        assertThat(Files.readString(wslconfig)).isEqualTo("[wsl2]\r\nmemory=4GB\r\n# memory=8GB\r\n");
        assertThat(CliRun.of("check-config", "--wslconfig", wslconfig.toString(), "--wsl-conf", wslConf.toString()).exit())
                .as("check-config agrees the file is now read as meant").isZero();

        Matcher m = Pattern.compile("To undo: wsl-net-doctor undo (\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(CliRun.of("undo", m.group(1)).exit()).isZero();
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(original);
    }

    /** A saved diagnose result (the loopback lab's) offers networkingMode=nat: written as WSL's table names it. */
    @Test
    void aSettingOfASavedDiagnosisIsWrittenWhereWslReadsIt() throws Exception {
        Path result = saved("mirrored");
        Path wslconfig = Files.writeString(dir.resolve(".wslconfig"), "[wsl2]\nnetworkingMode=mirrored\n");
        CliRun r = CliRun.of("fix", "apply", "--from", result.toString(), "--fix", "wslconfig-networking-mode", "--wslconfig", wslconfig.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Changes networkingMode from mirrored to nat in [wsl2] (line 2).")
                .contains("Checked: read back as WSL reads it: networkingMode=nat");
        assertThat(Files.readString(wslconfig)).isEqualTo("[wsl2]\nnetworkingMode=nat\n");
    }

    @Test
    void badInputSaysWhyAndChangesNothing() throws Exception {
        Path result = saved("mirrored");
        Path wslconfig = Files.writeString(dir.resolve(".wslconfig"), "[wsl2]\nnetworkingMode=mirrored\n");
        String before = Files.readString(wslconfig);

        CliRun unknown = CliRun.of("fix", "apply", "--from", result.toString(), "--fix", "make-it-work", "--wslconfig", wslconfig.toString());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("make-it-work is not a fix of WSL Net Doctor")
                .contains("Fixes it offers that change a file: wslconfig-networking-mode");

        CliRun notOffered = CliRun.of("fix", "apply", "--from", result.toString(), "--fix", "wslconfig-dns-tunneling", "--wslconfig", wslconfig.toString());
        assertThat(notOffered.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notOffered.err()).contains("does not offer the fix wslconfig-dns-tunneling");

        CliRun advice = CliRun.of("fix", "apply", "--from", result.toString(), "--fix", "reverse-proxy", "--wslconfig", wslconfig.toString());
        assertThat(advice.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(advice.err()).contains("reverse-proxy is steps to follow, not a change Net Doctor writes");

        Path redacted = Files.writeString(dir.resolve("redacted.json"), Files.readString(result).replaceFirst("\\{", "{\"redacted\": true,"));
        CliRun hidden = CliRun.of("fix", "apply", "--from", redacted.toString(), "--fix", "wslconfig-networking-mode", "--wslconfig", wslconfig.toString());
        assertThat(hidden.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(hidden.err()).contains("this result is redacted");

        Path notJson = Files.writeString(dir.resolve("notes.txt"), "[wsl2]\n");
        CliRun garbage = CliRun.of("fix", "apply", "--from", notJson.toString(), "--fix", "wslconfig-networking-mode", "--wslconfig", wslconfig.toString());
        assertThat(garbage.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(garbage.err()).contains("cannot read " + notJson + " as a saved result");

        Path other = Files.writeString(dir.resolve("other.json"), "{\"probes\": []}");
        CliRun noFindings = CliRun.of("fix", "apply", "--from", other.toString(), "--fix", "wslconfig-networking-mode", "--wslconfig", wslconfig.toString());
        assertThat(noFindings.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noFindings.err()).contains("it has no findings");

        CliRun missing = CliRun.of("fix", "apply", "--from", dir.resolve("nope.json").toString(), "--fix", "wslconfig-networking-mode");
        assertThat(missing.exit()).isEqualTo(ExitCodes.BAD_INPUT);

        assertThat(Files.readString(wslconfig)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no backup, no temp file")
                    .containsExactlyInAnyOrder("mirrored.json", ".wslconfig", "redacted.json", "notes.txt", "other.json");
        }
    }

    /** The same finding in both files offers the same fix for each: the user says which file, and only it changes. */
    @Test
    void whereSeveralFindingsOfferTheFixTheUserSaysWhich() throws Exception {
        Path wslConf = Files.writeString(dir.resolve("wsl.conf"), "[boot]\nsystemd=true\nsystemd=false\n");
        Path wslconfig = Files.writeString(dir.resolve(".wslconfig"), "[wsl2]\nmemory=4GB\nmemory=8GB\n");
        CliRun check = CliRun.of("check-config", "--wslconfig", wslconfig.toString(), "--wsl-conf", wslConf.toString(), "--json");
        Path result = Files.writeString(dir.resolve("result.json"), check.out());

        CliRun which = CliRun.of("fix", "apply", "--from", result.toString(), "--fix", "config-comment-out-duplicates", "--wslconfig", wslconfig.toString());
        assertThat(which.exit()).as(which.out()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(which.err()).contains("give --finding (one of").contains("or --in (wslconfig or wsl-conf)");

        CliRun chosen = CliRun.of("fix", "apply", "--from", result.toString(), "--fix", "config-comment-out-duplicates",
                "--in", "wslconfig", "--wslconfig", wslconfig.toString());
        assertThat(chosen.exit()).as(chosen.err()).isZero();
        assertThat(Files.readString(wslconfig)).isEqualTo("[wsl2]\nmemory=4GB\n# memory=8GB\n");
        assertThat(Files.readString(wslConf)).isEqualTo("[boot]\nsystemd=true\nsystemd=false\n");
    }
}
