// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.config.ConfigFileKind;
import dev.netdoctor.config.ConfigIssue.Kind;
import dev.netdoctor.model.ConfigFileCheck;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check of a rewritten settings file, read back with the check's own reader: the lines of the
 * kind are gone, every setting WSL used before reads the same, and nothing else passes.
 */
class ConfigRepairOracleTest {
    @TempDir
    Path dir;

    private final ConfigFiles files = new LocalConfigFiles(Path.of("/nonexistent-home"));

    private Verifier.Verdict check(ConfigFileKind file, Kind kind, byte[] before, byte[] candidate) throws Exception {
        Path written = Files.write(dir.resolve("candidate"), candidate);
        return new ConfigRepairOracle(files, file, kind, before).verify(written.toString());
    }

    private Verifier.Verdict check(ConfigFileKind file, Kind kind, String before, String candidate) throws Exception {
        return check(file, kind, before.getBytes(UTF_8), candidate.getBytes(UTF_8));
    }

    @Test
    void theRepairItselfPassesAndSaysWhatWasChecked() throws Exception {
        byte[] before = "networkingMode=mirrored\n[wsl2]\nmemory=4GB\n".getBytes(UTF_8);
        byte[] repaired = ConfigRepairEdit.repair(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before).updated();

        Verifier.Verdict v = check(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before, repaired);
        assertThat(v.ok()).as(v.message()).isTrue();
        assertThat(v.ran()).isTrue();
        assertThat(v.message()).isEqualTo("read back as WSL reads it: no line of this kind is left, and every setting WSL"
                + " used before reads the same.");
    }

    @Test
    void aLineWslStillMisreadsIsAFailure() throws Exception {
        String before = "[wsl2]\nmemory=4GB\n;a comment WSL cannot read\nswap=0\n;another\n";
        Verifier.Verdict v = check(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before, "[wsl2]\nmemory=4GB\n#a comment WSL cannot read\nswap=0\n;another\n");

        assertThat(v.ok()).isFalse();
        assertThat(v.message()).isEqualTo("WSL would still read 1 line(s) differently: line 5");
    }

    /** A line with no safe rewrite stays for a person; the check counts it as left, not as a failure. */
    @Test
    void linesLeftToChangeByHandAreNoFailure() throws Exception {
        String before = "[wsl2]\nnetworkingMode=bogus\n;a comment WSL cannot read\n";
        byte[] repaired = ConfigRepairEdit.repair(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before.getBytes(UTF_8)).updated();
        assertThat(new String(repaired, UTF_8)).isEqualTo("[wsl2]\nnetworkingMode=bogus\n#a comment WSL cannot read\n");

        Verifier.Verdict v = check(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before.getBytes(UTF_8), repaired);
        assertThat(v.ok()).as(v.message()).isTrue();
        assertThat(v.message()).startsWith("read back as WSL reads it: 1 line(s) left to change by hand,");
    }

    @Test
    void aSettingThatWouldReadDifferentlyIsAFailure() throws Exception {
        Verifier.Verdict v = check(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, "networkingMode=mirrored\n[wsl2]\nmemory=4GB\n",
                "[wsl2]\nmemory=8GB\nnetworkingMode=mirrored\n");

        assertThat(v.ok()).isFalse();
        assertThat(v.message()).isEqualTo("wsl2.memory would read differently: before 4GB, after 8GB");

        Verifier.Verdict gone = check(ConfigFileKind.WSLCONFIG, Kind.DUPLICATE_KEY, "[wsl2]\nmemory=4GB\nmemory=8GB\n", "[wsl2]\n# memory=4GB\n# memory=8GB\n");
        assertThat(gone.ok()).isFalse();
        assertThat(gone.message()).isEqualTo("wsl2.memory would read differently: before 4GB, after null");
    }

    /** A port list put right reads differently on purpose: the items WSL skipped are gone. */
    @Test
    void aValuePutRightMayReadDifferently() throws Exception {
        String before = "[experimental]\nignoredPorts=3000,x,4000\nautoMemoryReclaim=gradual\n";
        EditResult r = ConfigRepairEdit.repair(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before.getBytes(UTF_8));
        assertThat(r.changed()).as(r.conflicts().toString()).isTrue();

        Verifier.Verdict v = check(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before.getBytes(UTF_8), r.updated());
        assertThat(v.ok()).as(v.message()).isTrue();
        Verifier.Verdict other = check(ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, before,
                new String(r.updated(), UTF_8).replace("gradual", "dropcache"));
        assertThat(other.ok()).isFalse();
        assertThat(other.message()).startsWith("experimental.automemoryreclaim would read differently");
    }

    @Test
    void aMissingOrUnreadableCandidateIsAFailure() throws Exception {
        ConfigRepairOracle oracle = new ConfigRepairOracle(files, ConfigFileKind.WSLCONFIG, Kind.LINE_IGNORED, ";x\n".getBytes(UTF_8));

        assertThat(oracle.verify(dir.resolve("nowhere").toString())).isEqualTo(Verifier.Verdict.failed("the new file is not there"));
        Verifier.Verdict folder = oracle.verify(Files.createDirectory(dir.resolve("folder")).toString());
        assertThat(folder.ok()).isFalse();
        assertThat(folder.message()).startsWith("the new file cannot be read back: ");
    }

    @Test
    void aWslConfThatStillStopsTheDistroIsAFailure() throws Exception {
        String before = "[boot]\n;x\nsystemd=true\n";
        Verifier.Verdict still = check(ConfigFileKind.WSL_CONF, Kind.PARSING_STOPS, before, before);
        assertThat(still.ok()).isFalse();
        assertThat(still.message()).isEqualTo("the distro would still stop reading at line 2");

        Verifier.Verdict repaired = check(ConfigFileKind.WSL_CONF, Kind.PARSING_STOPS, before, "[boot]\n#x\nsystemd=true\n");
        assertThat(repaired.ok()).as(repaired.message()).isTrue();
    }

    /** After UTF-16 becomes UTF-8 the distro reads the file for the first time: a line that stops it then is the next check's. */
    @Test
    void aWslConfRewrittenFromUtf16MustNoLongerBeUtf16() throws Exception {
        byte[] before = "\uFEFF[network]\n;x\ngenerateResolvConf=false\n".getBytes(UTF_16LE);
        Verifier.Verdict still = check(ConfigFileKind.WSL_CONF, Kind.PARSING_STOPS, before, before);
        assertThat(still.ok()).isFalse();
        assertThat(still.message()).isEqualTo("the distro would still read the file as UTF-16");

        Verifier.Verdict readable = check(ConfigFileKind.WSL_CONF, Kind.PARSING_STOPS, before,
                "[network]\n;x\ngenerateResolvConf=false\n".getBytes(UTF_8));
        assertThat(readable.ok()).as(readable.message()).isTrue();
    }

    @Test
    void aWslconfigThatIsStillNotTextIsAFailure() throws Exception {
        byte[] before = "[wsl2]\r\nmemory=4GB\r\n".getBytes(UTF_16LE);
        Verifier.Verdict still = check(ConfigFileKind.WSLCONFIG, Kind.ENCODING, before, before);
        assertThat(still.ok()).isFalse();
        assertThat(still.message()).isEqualTo("WSL would still not read the file as text");

        Verifier.Verdict utf8 = check(ConfigFileKind.WSLCONFIG, Kind.ENCODING, before, "[wsl2]\r\nmemory=4GB\r\n".getBytes(UTF_8));
        assertThat(utf8.ok()).as(utf8.message()).isTrue();
        // a value outside ASCII is said by the check, but a rewrite of the encoding cannot change it
        Verifier.Verdict letters = check(ConfigFileKind.WSLCONFIG, Kind.ENCODING, "[wsl2]\r\nswapFile=C:\\\\Users\\\\Jürgen\\\\swap.vhdx\r\n".getBytes(UTF_16LE),
                "[wsl2]\r\nswapFile=C:\\\\Users\\\\Jürgen\\\\swap.vhdx\r\n".getBytes(UTF_8));
        assertThat(letters.ok()).as(letters.message()).isTrue();
    }

    /** The planned fix names its file and finding as the diagnosis does; the edit and check follow from them. */
    @Test
    void aPlannedRewriteMapsToItsFileAndKind() throws Exception {
        assertThat(ConfigRepairOracle.fileOf(ConfigFileCheck.WSL_CONF)).isEqualTo(ConfigFileKind.WSL_CONF);
        assertThat(ConfigRepairOracle.fileOf(ConfigFileCheck.WSLCONFIG)).isEqualTo(ConfigFileKind.WSLCONFIG);
        assertThat(ConfigRepairOracle.kindOf(FindingId.WSLCONFIG_LINE_IGNORED)).isEqualTo(Kind.LINE_IGNORED);
        assertThat(ConfigRepairOracle.kindOf(FindingId.WSLCONFIG_DUPLICATE_KEY)).isEqualTo(Kind.DUPLICATE_KEY);
        assertThat(ConfigRepairOracle.kindOf(FindingId.WSL_CONF_PARSING_STOPS)).isEqualTo(Kind.PARSING_STOPS);
        assertThatThrownBy(() -> ConfigRepairOracle.kindOf(FindingId.WSLCONFIG_MODE_NOT_EFFECTIVE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a settings-file finding");

        FixPlan.RewriteConfigLines plan = new FixPlan.RewriteConfigLines(ConfigFileCheck.WSL_CONF, FindingId.WSL_CONF_PARSING_STOPS);
        byte[] before = "[boot]\n;x\nsystemd=true\n".getBytes(UTF_8);
        byte[] after = ConfigRepairOracle.edit(plan).apply(before).updated();
        assertThat(new String(after, UTF_8)).isEqualTo("[boot]\n#x\nsystemd=true\n");
        Path candidate = Files.write(dir.resolve("wsl.conf"), after);
        assertThat(new ConfigRepairOracle(files, plan, before).verify(candidate.toString()).ok()).isTrue();
        assertThat(new ConfigRepairOracle(files, plan, before).verify(Files.write(dir.resolve("same"), before).toString()).ok()).isFalse();
    }
}
