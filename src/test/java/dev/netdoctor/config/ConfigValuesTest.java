// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import dev.netdoctor.config.ConfigKeys.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WSL's value rules one by one, at their edges (stringshared.h ParseBool and ParseMemorySize,
 * configfile.cpp's strtol with base 0, WslCoreConfig.cpp's port list): what the check calls
 * valid is what WSL uses, and what it suggests instead is a value WSL takes.
 */
class ConfigValuesTest {
    private static Key key(String name) {
        return ConfigKeys.lookup(ConfigFileKind.WSLCONFIG, name).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "1, true", "0, false", "TRUE, true", "true, true", "False, false", "false, false",
            "yes, NULL", "01, NULL", "'', NULL", "' true', NULL", "NULL, NULL"})
    void aBooleanIsWhatParseBoolMakesOfIt(String written, Boolean meant) {
        assertThat(ConfigValues.bool(written)).isEqualTo(meant);
    }

    /** strtol over the whole value, base 0, and the result must fit an int. */
    @ParameterizedTest
    @CsvSource({
            "0, true", "7, true", "+5, true", "-5, true",
            "2147483647, true", "2147483648, false", "-2147483648, true", "-2147483649, false",
            "0x7fffffff, true", "0X1F, true", "0x80000000, false", "-0x80000000, true", "0x, false",
            // a leading 0 is octal: 017777777777 is 2^31-1 (decimal it would not fit), 08 is no number at all
            "010, true", "017777777777, true", "020000000000, false", "08, false",
            "12abc, false", "'', false", "' 5', false"})
    void aWholeNumberIsWhatStrtolReadsWithinAnInt(String written, boolean taken) {
        assertThat(ConfigValues.isInt(written)).isEqualTo(taken);
    }

    @ParameterizedTest
    @CsvSource({
            "4GB, true", "512MB, true", "8G, true", "1T, true", "100B, true", "1024, true", "0, true",
            // strtoull's 0 counts only as a single "0" digit, with or without a unit
            "0GB, true", "00, false", "00GB, false", "+0, false",
            "4gb, false", "4 GB, false", "4GiB, false", "GB, false"})
    void aSizeIsDigitsAndACapitalUnitAndZeroOnlyAsOneDigit(String written, boolean taken) {
        assertThat(ConfigValues.isSize(written)).isEqualTo(taken);
    }

    @Test
    void portsOutsideOneTo65535AreNamedAsTheOnesWslSkips() {
        Key ports = key("experimental.ignoredPorts");
        assertThat(ConfigValues.problem(ports, "1,22,10000,65535,+80, 443,8080x")).isEmpty();
        assertThat(ConfigValues.problem(ports, "22,0,65536,123456,x")).get().asString()
                .startsWith("WSL skips '0', '65536', '123456', 'x':");
    }

    @Test
    void eachTypeOfValueIsCheckedByItsOwnRule() {
        assertThat(ConfigValues.problem(key("wsl2.localhostForwarding"), "1")).isEmpty();
        assertThat(ConfigValues.problem(key("wsl2.localhostForwarding"), "yes")).get().asString().contains("true, false, 1 or 0");
        assertThat(ConfigValues.problem(key("wsl2.processors"), "0x10")).isEmpty();
        assertThat(ConfigValues.problem(key("wsl2.processors"), "four")).get().asString().contains("whole number");
        assertThat(ConfigValues.problem(key("wsl2.memory"), "4GB")).isEmpty();
        assertThat(ConfigValues.problem(key("wsl2.memory"), "4 GB")).get().asString().contains("not a size");
        assertThat(ConfigValues.problem(key("wsl2.networkingMode"), "mirrored")).as("any case").isEmpty();
        assertThat(ConfigValues.problem(key("wsl2.networkingMode"), "mirror")).get().asString().contains("Mirrored");
        assertThat(ConfigValues.problem(key("experimental.dnsTunnelingIpAddress"), "10.255.255.254")).isEmpty();
        assertThat(ConfigValues.problem(key("experimental.dnsTunnelingIpAddress"), "10.0.0.256")).isPresent();
        assertThat(ConfigValues.problem(key("wsl2.macAddress"), "00:15:5d:01:02:03")).isEmpty();
        assertThat(ConfigValues.problem(key("wsl2.macAddress"), "00-15-5D-01-02-03")).isEmpty();
        assertThat(ConfigValues.problem(key("wsl2.macAddress"), "00:15-5d:01:02:03")).as("one separator throughout").isPresent();
        assertThat(ConfigValues.problem(key("wsl2.kernel"), "C:\\kernels\\bzImage")).isEmpty();
        assertThat(ConfigValues.problem(key("wsl2.kernel"), "C:\\kernels\nbzImage")).get().asString().contains("line break");
        assertThat(ConfigValues.problem(key("wsl2.kernelCommandLine"), "anything at all\t")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            // booleans: the words people use for true and false
            "wsl2.localhostForwarding, yes, true", "wsl2.localhostForwarding, ' On ', true",
            "wsl2.localhostForwarding, Enabled, true", "wsl2.localhostForwarding, disabled, false",
            "wsl2.localhostForwarding, n, false", "wsl2.localhostForwarding, maybe, NULL",
            // sizes: the unit in capitals, no space, an i dropped
            "wsl2.memory, 4 gb, 4GB", "wsl2.memory, 4g, 4G", "wsl2.memory, 4gib, 4GB", "wsl2.memory, 512mb, 512MB",
            "wsl2.memory, 1b, 1B", "wsl2.memory, 0gb, 0GB", "wsl2.memory, 00gb, 0GB", "wsl2.memory, lots, NULL",
            // whole numbers: leading zeros that made it octal (or no number)
            "wsl2.processors, 08, 8", "wsl2.processors, 0009, 9", "wsl2.processors, 007, NULL", "wsl2.processors, 12, NULL",
            // the networking mode, as WSL's own docs write it (lower case)
            "wsl2.networkingMode, mirror, mirrored", "wsl2.networkingMode, Mirored, mirrored",
            "wsl2.networkingMode, con, consomme", "wsl2.networkingMode, na, nat", "wsl2.networkingMode, mirroredxx, mirrored",
            "wsl2.networkingMode, mirroredxxx, NULL", "wsl2.networkingMode, xyz, NULL",
            // other choices keep their own spelling
            "experimental.autoMemoryReclaim, gradual, Gradual", "experimental.autoMemoryReclaim, dropcach, DropCache",
            "experimental.autoMemoryReclaim, dis, Disabled",
            // ports: only the ones WSL would use
            "experimental.ignoredPorts, '0,1, 22 ,x,65535,65536', '1,22,65535'", "experimental.ignoredPorts, '0,x', NULL",
            // no safe guess for free text
            "wsl2.kernelCommandLine, quiet, NULL"})
    void whatAPersonMostLikelyMeantIsAValueWslTakes(String name, String written, String meant) {
        assertThat(ConfigValues.likelyMeant(key(name), written).orElse(null)).isEqualTo(meant);
        if (meant != null) {
            assertThat(ConfigValues.problem(key(name), meant)).as("the suggestion itself is valid").isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"'', abc, 3", "abc, abc, 0", "abc, acb, 1", "kitten, sitting, 3", "ca, abc, 3", "networkingmode, networkmode, 3"})
    void theDistanceBetweenNamesCountsEditsAndSwapsOfNeighbours(String a, String b, int distance) {
        assertThat(ConfigKeys.distance(a, b)).isEqualTo(distance);
        assertThat(ConfigKeys.distance(b, a)).isEqualTo(distance);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "NULL", value = {
            "networking_mode, wsl2.networkingMode", "networkMode, wsl2.networkingMode", "cpus, wsl2.processors",
            "RAM, wsl2.memory", "localhostforwardin, wsl2.localhostForwarding", "localhost-Forwarding, wsl2.localhostForwarding",
            "memroy, wsl2.memory", "mem, NULL", "'_-.', NULL", "completelyUnrelated, NULL"})
    void aMisspeltKeyIsTakenForTheKeyItIsClosestTo(String written, String meant) {
        assertThat(ConfigKeys.likelyMeant(ConfigFileKind.WSLCONFIG, written).map(Key::name).orElse(null)).isEqualTo(meant);
    }

    @Test
    void sectionsAreKnownInAnyCase() {
        assertThat(ConfigKeys.isKnownSection(ConfigFileKind.WSLCONFIG, "WSL2")).isTrue();
        assertThat(ConfigKeys.isKnownSection(ConfigFileKind.WSLCONFIG, "experimental")).isTrue();
        assertThat(ConfigKeys.isKnownSection(ConfigFileKind.WSLCONFIG, "network")).as("a wsl.conf section").isFalse();
        assertThat(ConfigKeys.isKnownSection(ConfigFileKind.WSL_CONF, "network")).isTrue();
    }
}
