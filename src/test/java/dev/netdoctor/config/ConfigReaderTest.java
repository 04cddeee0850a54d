// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import dev.netdoctor.config.ConfigIssue.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader rule by rule, each as WSL's parser has it (configfile.cpp, WslCoreConfig.cpp,
 * stringshared.h at microsoft/WSL 3e27a6a5): the corpus proves the traps people hit, these pin
 * the rules beneath them one at a time.
 */
class ConfigReaderTest {
    private static ConfigReading wslconfig(String text) {
        return ConfigReader.read(ConfigFileKind.WSLCONFIG, text.getBytes(UTF_8));
    }

    private static ConfigReading wslConf(String text) {
        return ConfigReader.read(ConfigFileKind.WSL_CONF, text.getBytes(UTF_8));
    }

    private static List<String> reasons(ConfigReading r) {
        return r.issues().stream().map(i -> i.kind() + ":" + i.reason() + ":" + i.line()).toList();
    }

    @Test
    void sectionAndKeyNamesAreCaseInsensitiveAndTheOldPlaceIsTheSameSetting() {
        ConfigReading r = wslconfig("[WSL2]\nNETWORKINGMODE=Mirrored\n");
        assertThat(r.issues()).isEmpty();
        assertThat(r.value("wsl2.networkingMode")).contains("Mirrored");

        ConfigReading old = wslconfig("[experimental]\nnetworkingMode=mirrored\n");
        assertThat(old.issues()).isEmpty();
        assertThat(old.value("wsl2.networkingMode")).as("[experimental] still answers for networkingMode").contains("mirrored");
    }

    @Test
    void aBackslashAtTheEndContinuesTheValueOnTheNextLine() {
        ConfigReading lf = wslconfig("[wsl2]\nkernelCommandLine=quiet \\\nsplash\n");
        assertThat(lf.issues()).isEmpty();
        assertThat(lf.value("wsl2.kernelCommandLine")).contains("quiet splash");

        ConfigReading crlf = wslconfig("[wsl2]\r\nkernelCommandLine=quiet \\\r\nsplash\r\n");
        assertThat(crlf.value("wsl2.kernelCommandLine")).as("Windows' text mode turns CRLF into LF first").contains("quiet splash");
    }

    @Test
    void inWslConfACarriageReturnBeforeTheContinuationEndsTheValue() {
        ConfigReading r = wslConf("[boot]\r\ncommand=echo one \\\r\necho two\r\n");
        assertThat(r.value("boot.command")).hasValueSatisfying(v -> assertThat(v).doesNotContain("two"));
    }

    @Test
    void theFirstOccurrenceWinsEvenWhenWslRefusedItsValue() {
        ConfigReading r = wslconfig("[wsl2]\nmemory=8gb\nmemory=8GB\n");
        assertThat(reasons(r)).containsExactly("LINE_IGNORED:invalid-value:2", "DUPLICATE_KEY:duplicate:3");
        assertThat(r.first("wsl2.memory")).hasValueSatisfying(s -> {
            assertThat(s.line()).isEqualTo(2);
            assertThat(s.accepted()).isFalse();
        });
        assertThat(r.value("wsl2.memory")).as("WSL keeps its default, not the second line").isEmpty();
    }

    @Test
    void aKeyInWsl2AndInExperimentalIsOneSettingWrittenTwice() {
        ConfigReading r = wslconfig("[experimental]\ndnsTunneling=false\n[wsl2]\ndnsTunneling=true\n");
        assertThat(reasons(r)).containsExactly("DUPLICATE_KEY:duplicate:4");
        assertThat(r.value("wsl2.dnsTunneling")).contains("false");
    }

    @ParameterizedTest(name = "memory={0} accepted: {1}")
    @CsvSource({"8GB,true", "8G,true", "512MB,true", "1T,true", "08GB,true", "+8GB,true", "8gb,false", "8 GB,false", "8GiB,false",
            "8KBB,false", "eight,false", "'',false",
            // a zero: strtoull's 0 counts only as a single "0" digit, with or without a unit (issue 26 item 5)
            "0,true", "0B,true", "0K,true", "0KB,true", "0M,true", "0MB,true", "0G,true", "0GB,true", "0T,true", "0TB,true",
            "00,false", "00GB,false", "000B,false", "+0,false", "-0GB,false", "0gb,false", "0 GB,false", "0x0,false", "0GiB,false"})
    void sizesAreReadAsParseMemorySizeReadsThem(String value, boolean accepted) {
        ConfigReading r = wslconfig("[wsl2]\nmemory=" + value + "\n");
        assertThat(r.first("wsl2.memory").orElseThrow().accepted()).isEqualTo(accepted);
        assertThat(r.issues().isEmpty()).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "swap={0} is rewritten as {1}")
    @CsvSource({"0gb,0GB", "00GB,0GB", "0 kb,0KB", "8 gb,8GB", "16g,16G"})
    void aSizeWslRefusesIsRewrittenAsTheSizeMeant(String written, String meant) {
        ConfigReading r = wslconfig("[wsl2]\nswap=" + written + "\n");
        assertThat(r.issues()).singleElement().satisfies(i -> assertThat(i.repairs())
                .containsExactly(new ConfigIssue.Replace(2, "swap=" + meant)));
        assertThat(wslconfig("[wsl2]\nswap=" + meant + "\n").issues()).as(meant + " is read as a size").isEmpty();
    }

    @ParameterizedTest(name = "processors={0} accepted: {1}")
    @CsvSource({"4,true", "010,true", "0x10,true", "-1,true", "08,false", "4 cores,false", "99999999999,false"})
    void wholeNumbersAreReadAsStrtolWithBaseZero(String value, boolean accepted) {
        ConfigReading r = wslconfig("[wsl2]\nprocessors=" + value + "\n");
        assertThat(r.first("wsl2.processors").orElseThrow().accepted()).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "{0} accepted: {1}")
    @CsvSource({"true,true", "FALSE,true", "1,true", "0,true", "yes,false", "on,false", "2,false"})
    void booleansAreOnlyTrueFalseOneOrZero(String value, boolean accepted) {
        ConfigReading r = wslconfig("[wsl2]\nfirewall=" + value + "\n");
        assertThat(r.first("wsl2.firewall").orElseThrow().accepted()).isEqualTo(accepted);
    }

    @Test
    void aMacAddressAndPortListAreCheckedTheirOwnWay() {
        assertThat(wslconfig("[wsl2]\nmacAddress=00:15:5d:01:02:03\n").issues()).isEmpty();
        assertThat(wslconfig("[wsl2]\nmacAddress=00:15:5d:01:02\n").issues()).singleElement()
                .satisfies(i -> assertThat(i.reason()).isEqualTo("invalid-value"));
        assertThat(wslconfig("[experimental]\nignoredPorts=3000,8080\n").issues()).isEmpty();
        assertThat(wslconfig("[experimental]\nignoredPorts=3000,70000\n").issues()).singleElement()
                .satisfies(i -> assertThat(i.what()).contains("'70000'"));
    }

    @Test
    void anUnknownEscapeDropsTheLineAndTheRepairDoublesTheBackslashes() {
        ConfigReading r = wslconfig("[wsl2]\nkernel=C:\\Users\\me\\bzImage\n");
        assertThat(reasons(r)).containsExactly("LINE_IGNORED:invalid-escape:2");
        assertThat(r.first("wsl2.kernel")).isEmpty();
        assertThat(r.issues().getFirst().repairs()).singleElement().isInstanceOfSatisfying(ConfigIssue.Replace.class,
                rep -> assertThat(rep.text()).isEqualTo("kernel=C:\\\\Users\\\\me\\\\bzImage"));
    }

    @Test
    void anUnknownKeyNamesTheKeyMostLikelyMeant() {
        ConfigReading r = wslconfig("[wsl2]\nnetworkMode=mirrored\n");
        assertThat(reasons(r)).containsExactly("LINE_IGNORED:unknown-key:2");
        assertThat(r.issues().getFirst().what()).contains("networkingMode");
    }

    @Test
    void keysAfterABrokenHeaderLandInAMangledSectionNotTheOneBefore() {
        ConfigReading r = wslconfig("[wsl2]\n[experimental\nnetworkingMode=mirrored\n");
        assertThat(r.value("wsl2.networkingMode")).as("the key does not stay in [wsl2]").isEmpty();
        assertThat(r.issues()).extracting(ConfigIssue::kind).contains(Kind.LINE_IGNORED);
    }

    @Test
    void wslConfStopsAtTheFirstInvalidLineAndNamesWhatIsLost() {
        ConfigReading r = wslConf("[boot]\nsystemd=true\n; comment\n[network]\ngenerateResolvConf=false\n");
        assertThat(r.stopsAt()).hasValue(3);
        assertThat(reasons(r)).containsExactly("PARSING_STOPS:invalid-line:3");
        assertThat(r.value("boot.systemd")).contains("true");
        assertThat(r.value("network.generateResolvConf")).as("after the stop WSL reads nothing").isEmpty();
        assertThat(r.issues().getFirst().what()).contains("generateResolvConf");
    }

    @Test
    void theSameLineInWslconfigIsSkippedAndReadingGoesOn() {
        ConfigReading r = wslconfig("[wsl2]\n; comment\nnetworkingMode=mirrored\n");
        assertThat(reasons(r)).containsExactly("LINE_IGNORED:invalid-line:2");
        assertThat(r.value("wsl2.networkingMode")).contains("mirrored");
    }

    @Test
    void aByteOrderMarkStopsWslConfAtItsFirstLineButNotWslconfig() {
        byte[] withBom = concat(TextEncoding.UTF8_MARK, "[boot]\nsystemd=true\n".getBytes(UTF_8));
        ConfigReading conf = ConfigReader.read(ConfigFileKind.WSL_CONF, withBom);
        assertThat(reasons(conf)).containsExactly("PARSING_STOPS:byte-order-mark:1");
        assertThat(conf.value("boot.systemd")).isEmpty();

        ConfigReading wslconfig = ConfigReader.read(ConfigFileKind.WSLCONFIG, concat(TextEncoding.UTF8_MARK, "[wsl2]\nswap=0\n".getBytes(UTF_8)));
        assertThat(wslconfig.issues()).isEmpty();
        assertThat(wslconfig.value("wsl2.swap")).contains("0");
    }

    @Test
    void utf16WithItsMarkIsReadAndWithoutItWslReadsNothing() {
        byte[] text = "[wsl2]\r\nnetworkingMode=mirrored\r\n".getBytes(UTF_16LE);
        ConfigReading marked = ConfigReader.read(ConfigFileKind.WSLCONFIG, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text));
        assertThat(marked.encoding()).isEqualTo(TextEncoding.UTF16LE_BOM);
        assertThat(marked.issues()).isEmpty();
        assertThat(marked.value("wsl2.networkingMode")).contains("mirrored");

        ConfigReading bare = ConfigReader.read(ConfigFileKind.WSLCONFIG, text);
        assertThat(bare.encoding()).isEqualTo(TextEncoding.UTF16LE);
        assertThat(reasons(bare)).containsExactly("ENCODING:utf16-without-bom:0");
        assertThat(bare.settings()).isEmpty();
    }

    @Test
    void aWslConfKeyInWslconfigIsCalledTheWrongFile() {
        ConfigReading r = wslconfig("[network]\ngenerateResolvConf=false\n");
        assertThat(r.issues()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.LINE_IGNORED);
            assertThat(i.what()).contains("wsl.conf");
        });
    }

    @Test
    void noInputBreaksTheReader() {
        for (String text : List.of("", "\n", "[", "]", "=", "[]\n=\n", "\\", "[wsl2]\nkernel=\\", "\0\0\0", "[wsl2]\nmemory\n")) {
            assertThat(wslconfig(text)).isNotNull();
            assertThat(wslConf(text)).isNotNull();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
