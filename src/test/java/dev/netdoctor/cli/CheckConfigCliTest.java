// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.model.FindingId;
import com.fasterxml.jackson.databind.JsonNode;
import dev.netdoctor.report.JsonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check-config} reads and never writes; {@code fix config-lines} repairs what it found, the same reader then finds
 * nothing, and {@code undo} gives back the exact bytes — for each kind of finding, as a user would run them one after another.
 */
class CheckConfigCliTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2024-05-01T10:00:00Z"));

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        Path p = Files.write(dir.resolve(name), bytes);
        Files.setLastModifiedTime(p, LONG_AGO);
        return p;
    }

    private CliRun check(Path wslconfig, Path wslConf, String... more) {
        List<String> args = new ArrayList<>(List.of("check-config", "--wslconfig", wslconfig.toString(), "--wsl-conf", wslConf.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> ids(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        doc.get("findings").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }

    private static String backupOf(CliRun r) {
        Matcher m = Pattern.compile("To undo: wsl-net-doctor undo (\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return m.group(1);
    }

    @Test
    void checkingChangesNoByteAndNoTimestampAndSaysWhatWslDoes() throws Exception {
        byte[] wslconfigBytes = "memory=8GB\r\n[wsl2]\r\nnetworkMode=mirrored\r\n".getBytes(UTF_8);
        byte[] wslConfBytes = "[network]\ngenerateResolvConf=false\n; mine\n[boot]\nsystemd=true\n".getBytes(UTF_8);
        Path wslconfig = file(".wslconfig", wslconfigBytes);
        Path wslConf = file("wsl.conf", wslConfBytes);

        CliRun text = check(wslconfig, wslConf);
        CliRun json = check(wslconfig, wslConf, "--json");

        assertThat(text.exit()).as(text.err()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        assertThat(text.out()).contains("line 1 [wslconfig-line-ignored]: memory=8GB")
                .contains("line 3 [wslconfig-line-ignored]: networkMode=mirrored").contains("networkingMode")
                .contains("line 3 [wsl-conf-parsing-stops]: ; mine")
                .contains("wsl-net-doctor fix config-lines --in wsl-conf --finding wsl-conf-parsing-stops");
        assertThat(json.exit()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        JsonNode doc = JsonReport.mapper().readTree(json.out());
        assertThat(doc.get("files")).hasSize(2);
        assertThat(ids(doc))
                .containsExactlyInAnyOrder(FindingId.WSLCONFIG_LINE_IGNORED.id(), FindingId.WSL_CONF_PARSING_STOPS.id());
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(wslconfigBytes);
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(wslConfBytes);
        assertThat(Files.getLastModifiedTime(wslconfig)).isEqualTo(LONG_AGO);
        assertThat(Files.getLastModifiedTime(wslConf)).isEqualTo(LONG_AGO);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("no backup, temp or lock file next to them").hasSize(2);
        }
    }

    @Test
    void cleanFilesExitZero() throws Exception {
        Path wslconfig = file(".wslconfig", "[wsl2]\r\nnetworkingMode=mirrored\r\nmemory=8GB\r\n".getBytes(UTF_8));
        Path wslConf = file("wsl.conf", "[boot]\nsystemd=true\n".getBytes(UTF_8));
        CliRun r = check(wslconfig, wslConf);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.NO_PROBLEM);
        assertThat(r.out()).contains("WSL reads its settings files as they look.").contains("networkingMode=mirrored");
    }

    @Test
    void aMissingFileIsBadInputAndNothingIsRead() {
        CliRun r = CliRun.of("check-config", "--wslconfig", dir.resolve("nope.wslconfig").toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("does not exist").contains("Nothing was read.");
        assertThat(r.out()).isEmpty();
    }

    /**
     * wsl.conf is checked in its own bytes: decoded as UTF-8 and encoded again, a UTF-16 file
     * with its mark was called "without a byte order mark".
     */
    @Test
    void wslConfIsCheckedInItsOwnBytes() throws Exception {
        Path wslconfig = file(".wslconfig", "[wsl2]\r\nmemory=8GB\r\n".getBytes(UTF_8));
        Path utf16 = file("wsl16.conf", ("\uFEFF[network]\nhostname=box\n").getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        CliRun r = CliRun.of("check-config", "--wslconfig", wslconfig.toString(), "--wsl-conf", utf16.toString(), "--json");
        assertThat(r.out()).contains("UTF-16 LE (\\\"Unicode\\\")").doesNotContain("without a byte order mark");
    }

    /** A binary file named by mistake gets a plain message, not its control bytes on the console. */
    @Test
    void aBinaryFileIsBadInput() throws Exception {
        Path binary = file("bin.dat", new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0});
        CliRun r = CliRun.of("check-config", "--wslconfig", binary.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("is not a text file");
        assertThat(r.out()).isEmpty();
    }

    /** A wsl.conf the user named that is not there is a wrong path, like a missing --wslconfig. */
    @Test
    void aNamedWslConfThatIsNotThereIsBadInput() throws Exception {
        Path wslconfig = file(".wslconfig", "[wsl2]\r\nmemory=8GB\r\n".getBytes(UTF_8));
        CliRun r = check(wslconfig, dir.resolve("no-such-wsl.conf"));
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("there is no " + dir.resolve("no-such-wsl.conf")).contains("Nothing was read.");
    }

    /** A file that is there but cannot be read leaves the check unfinished (as a plain user: root reads anything). */
    @Test
    void anUnreadableFileIsAnUnfinishedCheck() throws Exception {
        Path wslconfig = file(".wslconfig", "[wsl2]\r\nmemory=8GB\r\n".getBytes(UTF_8));
        Path wslConf = file("wsl.conf", "[boot]\nsystemd=true\n".getBytes(UTF_8));
        Files.setPosixFilePermissions(wslconfig, java.util.Set.of());
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(wslconfig), "this user can read any file (root)");
            CliRun r = check(wslconfig, wslConf);
            assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
            assertThat(r.out()).doesNotContain("WSL reads its settings files as they look.");
        } finally {
            Files.setPosixFilePermissions(wslconfig, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aFixForAnUnknownFindingChangesNothing() throws Exception {
        byte[] bytes = "memory=8GB\n".getBytes(UTF_8);
        Path wslconfig = file(".wslconfig", bytes);
        CliRun r = CliRun.of("fix", "config-lines", "--in", "wslconfig", "--finding", "wslconfig-typo", "--wslconfig", wslconfig.toString());
        CliRun wrongFile = CliRun.of("fix", "config-lines", "--in", "wslconfig", "--finding", FindingId.WSL_CONF_PARSING_STOPS.id(),
                "--wslconfig", wslconfig.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(wrongFile.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(Files.readAllBytes(wslconfig)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(wslconfig)).isEqualTo(LONG_AGO);
    }

    static Stream<Arguments> repairs() {
        byte[] utf16 = "[wsl2]\r\nnetworkingMode=mirrored\r\n".getBytes(UTF_16LE);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bomConf = ByteBuffer.allocate(bom.length + 24).put(bom).put("[boot]\nsystemd=true\n\n\n\n\n".getBytes(UTF_8)).array();
        return Stream.of(
                Arguments.of("keys above any section", "wslconfig", "memory=8GB\r\n[wsl2]\r\nswap=0\r\n".getBytes(UTF_8),
                        FindingId.WSLCONFIG_LINE_IGNORED),
                Arguments.of("hostAddressLoopback in [wsl2]", "wslconfig",
                        "[wsl2]\nnetworkingMode=mirrored\nhostAddressLoopback=true\n".getBytes(UTF_8), FindingId.WSLCONFIG_LINE_IGNORED),
                Arguments.of("single backslashes in kernel", "wslconfig", "[wsl2]\r\nkernel=C:\\Users\\me\\bzImage\r\n".getBytes(UTF_8),
                        FindingId.WSLCONFIG_LINE_IGNORED),
                Arguments.of("same key in [wsl2] and [experimental]", "wslconfig",
                        "[wsl2]\r\nnetworkingMode=nat\r\n\r\n[experimental]\r\nnetworkingMode=mirrored\r\n".getBytes(UTF_8),
                        FindingId.WSLCONFIG_DUPLICATE_KEY),
                Arguments.of("UTF-16 without a BOM", "wslconfig", utf16, FindingId.WSLCONFIG_ENCODING),
                Arguments.of("a ; comment stops wsl.conf", "wsl-conf",
                        "[network]\ngenerateResolvConf=false\n; mine\n[boot]\nsystemd=true\n".getBytes(UTF_8), FindingId.WSL_CONF_PARSING_STOPS),
                Arguments.of("a BOM stops wsl.conf", "wsl-conf", bomConf, FindingId.WSL_CONF_PARSING_STOPS),
                Arguments.of("a key twice in wsl.conf", "wsl-conf", "[boot]\nsystemd=true\nsystemd=false\n".getBytes(UTF_8),
                        FindingId.WSLCONFIG_DUPLICATE_KEY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repairs")
    void eachRepairAppliesRechecksCleanAndUndoesByteExact(String what, String in, byte[] original, FindingId findingId) throws Exception {
        String finding = findingId.id();
        boolean wslConfFile = in.equals("wsl-conf");
        Path other = file(wslConfFile ? ".wslconfig" : "wsl.conf", (wslConfFile ? "[wsl2]\r\n" : "[boot]\n").getBytes(UTF_8));
        Path broken = file(wslConfFile ? "wsl.conf" : ".wslconfig", original);
        Path wslconfig = wslConfFile ? other : broken;
        Path wslConf = wslConfFile ? broken : other;

        CliRun before = check(wslconfig, wslConf, "--json");
        assertThat(before.exit()).as(before.out() + before.err()).isEqualTo(ExitCodes.PROBLEM_FOUND);
        assertThat(ids(JsonReport.mapper().readTree(before.out()))).containsExactly(finding);

        CliRun dry = CliRun.of("fix", "config-lines", "--in", in, "--finding", finding, "--wslconfig", wslconfig.toString(),
                "--wsl-conf", wslConf.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(Files.readAllBytes(broken)).isEqualTo(original);

        CliRun fix = CliRun.of("fix", "config-lines", "--in", in, "--finding", finding, "--wslconfig", wslconfig.toString(),
                "--wsl-conf", wslConf.toString());
        assertThat(fix.exit()).as(fix.out() + fix.err()).isZero();
        assertThat(Files.readAllBytes(broken)).isNotEqualTo(original);

        CliRun after = check(wslconfig, wslConf);
        assertThat(after.exit()).as(after.out() + after.err()).isEqualTo(ExitCodes.NO_PROBLEM);

        CliRun undo = CliRun.of("undo", backupOf(fix));
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        assertThat(Files.readAllBytes(broken)).isEqualTo(original);
        CliRun again = check(wslconfig, wslConf);
        assertThat(again.exit()).isEqualTo(ExitCodes.PROBLEM_FOUND);
    }
}
