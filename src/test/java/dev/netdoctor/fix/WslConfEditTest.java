// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** /etc/wsl.conf read as the distro reads it, and generateResolvConf set back to true. */
class WslConfEditTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T21:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static String after(String text) {
        EditResult r = WslConfEdit.letWslWriteResolvConf(text.getBytes(UTF_8));
        assertThat(r.applicable()).isTrue();
        return new String(r.updated(), UTF_8);
    }

    @Test
    void theOldWorkaroundsFalseBecomesTrueInPlaceAndNothingElseMoves() {
        String before = "[boot]\nsystemd=true\n\n[network]\ngenerateResolvConf = false # by the DNS script\nhostname = dev\n";
        EditResult r = WslConfEdit.letWslWriteResolvConf(before.getBytes(UTF_8));

        assertThat(new String(r.updated(), UTF_8))
                .isEqualTo("[boot]\nsystemd=true\n\n[network]\ngenerateResolvConf = true # by the DNS script\nhostname = dev\n");
        assertThat(r.changed()).isTrue();
        assertThat(r.notes().getFirst()).contains("from false to true in [network] (line 5)");
        assertThat(r.notes()).contains(WslConfEdit.STATIC_FILE_NOTE);
        assertThat(WslConfEdit.generatesResolvConf(r.updated())).isTrue();
        assertThat(WslConfEdit.generatesResolvConf(before.getBytes(UTF_8))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"FALSE", "0", "False", "\"false\""})
    void everySpellingOfFalseWslReadsIsTurned(String value) {
        String out = after("[Network]\r\nGenerateResolvConf=" + value + "\r\n");
        assertThat(out).isEqualTo("[Network]\r\nGenerateResolvConf=" + (value.startsWith("\"") ? "\"true\"" : "true") + "\r\n");
    }

    @Test
    void aLaterFalseIsCommentedOutSoOnlyOneCounts() {
        String out = after("[network]\ngenerateResolvConf=false\n[network]\ngenerateResolvConf=false\n");
        assertThat(out).isEqualTo("[network]\ngenerateResolvConf=true\n[network]\n# generateResolvConf=false\n");
    }

    @Test
    void aFalseInAnotherSectionOrAfterTheLineWhereReadingStopsIsNotWhatWslReads() {
        // WSL's distro reader stops at the first line it cannot read (here a ';' comment).
        String stopped = "[network]\n; turned off below\ngenerateResolvConf=false\n";
        EditResult r = WslConfEdit.letWslWriteResolvConf(stopped.getBytes(UTF_8));
        assertThat(r.changed()).isFalse();
        assertThat(r.notes().getFirst()).contains("stops reading at line 2");
        assertThat(WslConfEdit.generatesResolvConf(stopped.getBytes(UTF_8))).isTrue();

        String elsewhere = "[boot]\ngenerateResolvConf=false\n";
        assertThat(WslConfEdit.letWslWriteResolvConf(elsewhere.getBytes(UTF_8)).changed()).isFalse();
    }

    @Test
    void aByteOrderMarkMakesTheFirstLineUnreadableToWslAsWell() {
        byte[] bom = ("\uFEFF[network]\ngenerateResolvConf=false\n").getBytes(UTF_8);
        assertThat(WslConfEdit.generatesResolvConf(bom)).isTrue();
        assertThat(WslConfEdit.letWslWriteResolvConf(bom).changed()).isFalse();
    }

    /** The check reads "fal\\" + "se" as false; the edit once stopped at the backslash and changed nothing. */
    @Test
    void aFalseContinuedOnTheNextLineIsWhatTheCheckAndTheEditRead() {
        byte[] before = "[network]\ngenerateResolvConf=fal\\\nse\nhostname=dev\n".getBytes(UTF_8);
        assertThat(WslConfEdit.generatesResolvConf(before)).isFalse();

        EditResult r = WslConfEdit.letWslWriteResolvConf(before);
        assertThat(new String(r.updated(), UTF_8)).isEqualTo("[network]\ngenerateResolvConf=true\n# se\nhostname=dev\n");
        assertThat(r.notes().getFirst()).contains("from false to true in [network] (line 2)");
        assertThat(WslConfEdit.generatesResolvConf(r.updated())).isTrue();
    }

    /** The distro reads "\\" + CR as the end of the value: the CR is the line break's, and stays so. */
    @Test
    void aBackslashBeforeACrlfEndsTheValueInWslConf() {
        EditResult r = WslConfEdit.letWslWriteResolvConf("[network]\r\ngenerateResolvConf=false\\\r\nhostname=dev\r\n".getBytes(UTF_8));
        assertThat(new String(r.updated(), UTF_8)).isEqualTo("[network]\r\ngenerateResolvConf=true\r\nhostname=dev\r\n");
    }

    @Test
    void aMissingFileNeedsNothing() {
        EditResult r = WslConfEdit.letWslWriteResolvConf(new byte[0]);
        assertThat(r.changed()).isFalse();
        assertThat(r.applicable()).isTrue();
        assertThat(r.notes().getFirst()).contains("There is no /etc/wsl.conf");
    }

    @Test
    void bytesThatAreNotAsciiSurviveUnchanged() {
        byte[] before = "[user]\ndefault=j\u00f6rg\n[network]\ngenerateResolvConf=false\n".getBytes(UTF_8);
        byte[] out = WslConfEdit.letWslWriteResolvConf(before).updated();
        assertThat(new String(out, UTF_8)).isEqualTo("[user]\ndefault=j\u00f6rg\n[network]\ngenerateResolvConf=true\n");
    }

    @Stores.Both
    void appliedThroughTheSafePipelineItChecksAndUndoesByteExact(ConfigFiles files) throws Exception {
        Path wslConf = dir.resolve("wsl.conf");
        byte[] original = "[boot]\r\nsystemd=true\r\n[network]\r\ngenerateResolvConf = false\r\n".getBytes(UTF_8);
        Files.write(wslConf, original);
        SafeApply apply = new SafeApply(files, CLOCK);

        SafeApply.Preview preview = apply.preview(wslConf.toString(), WslConfEdit::letWslWriteResolvConf);
        assertThat(preview.diff()).contains("-generateResolvConf = false").contains("+generateResolvConf = true");
        SafeApply.Applied applied = apply.apply(preview, new WslConfOracle(files, preview.original()));

        assertThat(applied.verdict().ok()).isTrue();
        assertThat(applied.verdict().message()).contains("generateResolvConf is true");
        assertThat(Files.readString(wslConf)).contains("generateResolvConf = true\r\n");
        apply.undo(applied.backup());
        assertThat(Files.readAllBytes(wslConf)).isEqualTo(original);
    }

    @Test
    void theCheckRefusesAFileWhereAnotherSettingWouldReadDifferently() throws Exception {
        ConfigFiles files = new LocalConfigFiles(dir);
        byte[] original = "[network]\ngenerateResolvConf=false\nhostname=dev\n".getBytes(UTF_8);
        Path candidate = dir.resolve("candidate");
        Files.writeString(candidate, "[network]\ngenerateResolvConf=true\nhostname=other\n");
        assertThat(new WslConfOracle(files, original).verify(candidate.toString()).ok()).isFalse();

        Files.writeString(candidate, "[network]\ngenerateResolvConf=false\nhostname=dev\n");
        assertThat(new WslConfOracle(files, original).verify(candidate.toString()).message()).contains("still read");

        Files.writeString(candidate, "[network]\ngenerateResolvConf=true\nhostname=dev\n");
        assertThat(new WslConfOracle(files, original).verify(candidate.toString()).ok()).isTrue();
    }

    /** A wsl.conf given by path is named by that path in what the edit says. */
    @Test
    void theNotesNameTheFileGiven() {
        assertThat(WslConfEdit.letWslWriteResolvConf(new byte[0], "/tmp/x/wsl.conf").notes().getFirst())
                .startsWith("There is no /tmp/x/wsl.conf,");
        assertThat(WslConfEdit.letWslWriteResolvConf("[boot]\nsystemd=true\n".getBytes(UTF_8), "/tmp/x/wsl.conf").notes().getFirst())
                .startsWith("/tmp/x/wsl.conf does not turn off");
    }

    /** What the user reads when there is nothing to change: why, and where WSL stops reading if it does. */
    @Test
    void whyNothingChangesIsSaidInFull() {
        EditResult on = WslConfEdit.letWslWriteResolvConf("[network]\ngenerateResolvConf=true\n".getBytes(UTF_8));
        assertThat(on.changed()).isFalse();
        assertThat(on.notes()).containsExactly("/etc/wsl.conf does not turn off WSL's resolv.conf; nothing to change in it.",
                WslConfEdit.STATIC_FILE_NOTE);
        EditResult stopped = WslConfEdit.letWslWriteResolvConf("[network]\n;x\ngenerateResolvConf=false\n".getBytes(UTF_8));
        assertThat(stopped.notes().getFirst()).isEqualTo("/etc/wsl.conf does not turn off WSL's resolv.conf in the part WSL reads"
                + " (it stops reading at line 2, which it cannot read); nothing to change in it.");
        // UTF-16 whose bytes are no UTF-16 text: the distro stops at its first line all the same
        byte[] broken = {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xD8, 'a', 0};
        assertThat(WslConfEdit.letWslWriteResolvConf(broken).notes().getFirst()).contains("it stops reading at line 1");
        assertThat(WslConfEdit.letWslWriteResolvConf(broken).updated()).isEqualTo(broken);
    }

    /** A later setting that says true already is left alone; only a later false is commented out, and that is said. */
    @Test
    void onlyALaterFalseIsCommentedOutAndSaidSo() {
        EditResult r = WslConfEdit.letWslWriteResolvConf(
                "[network]\ngenerateResolvConf=false\n[network]\ngenerateResolvConf=true\n[network]\ngenerateResolvConf=0\n".getBytes(UTF_8));
        assertThat(new String(r.updated(), UTF_8))
                .isEqualTo("[network]\ngenerateResolvConf=true\n[network]\ngenerateResolvConf=true\n[network]\n# generateResolvConf=0\n");
        assertThat(r.notes()).containsExactly(
                "Changes generateResolvConf from false to true in [network] (line 2), so WSL writes /etc/resolv.conf again.",
                "Comments out line 6 (generateResolvConf = 0 again) by putting \"# \" in front of it, so that only one setting counts."
                        + " The line itself is kept.",
                WslConfEdit.STATIC_FILE_NOTE);
    }
}
