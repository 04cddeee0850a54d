// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings WSL knows, file by file, as its source names them (microsoft/WSL at 3e27a6a5:
 * {@code ConfigSetting} in src/windows/common/WslCoreConfig.h and the key table of
 * WslCoreConfig.cpp for .wslconfig; WslDistributionConfig.{h,cpp} for /etc/wsl.conf). A key is
 * {@code section.name}, matched without case; a key with two names (networkingMode in
 * {@code [wsl2]} and its old {@code [experimental]} place) is one setting to WSL.
 */
public final class ConfigKeys {

    /** How WSL reads a key's value (WslCoreConfig's and configfile.cpp's ParseImpl overloads). */
    public enum Type { BOOL, INT, SIZE, STRING, PATH, ENUM, MAC, IPV4, PORTS }

    /**
     * One setting: every {@code section.name} it answers to (the first is where WSL's own
     * writer puts it), its type, and for an enum the values WSL accepts.
     */
    public record Key(List<String> names, Type type, List<String> values) {
        public Key {
            names = List.copyOf(names);
            values = List.copyOf(values);
        }

        /** Where WSL's own writer puts it, e.g. {@code wsl2.networkingMode}. */
        public String name() {
            return names.getFirst();
        }

        public String section() {
            return name().substring(0, name().indexOf('.'));
        }

        public String shortName() {
            return name().substring(name().indexOf('.') + 1);
        }

        public boolean answersTo(String fullName) {
            return names.stream().anyMatch(n -> n.equalsIgnoreCase(fullName));
        }
    }

    private static Key key(Type type, String... names) {
        return new Key(List.of(names), type, List.of());
    }

    private static Key oneOf(List<String> values, String... names) {
        return new Key(List.of(names), Type.ENUM, values);
    }

    /**
     * networkingMode's values. "VirtioProxy" is the old name of Consomme (2.9.0 renamed it);
     * WSL before 2.9 knows only VirtioProxy, so both are taken here.
     */
    public static final List<String> NETWORKING_MODES = List.of("None", "Nat", "Bridged", "Mirrored", "Consomme", "VirtioProxy");

    static final List<Key> WSLCONFIG = List.of(
            key(Type.PATH, "wsl2.kernel"),
            key(Type.STRING, "wsl2.kernelCommandLine"),
            key(Type.PATH, "wsl2.kernelModules"),
            key(Type.SIZE, "wsl2.memory"),
            key(Type.INT, "wsl2.processors"),
            key(Type.BOOL, "wsl2.debugConsole"),
            key(Type.BOOL, "wsl2.earlyBootLogging"),
            key(Type.SIZE, "wsl2.swap"),
            key(Type.PATH, "wsl2.swapFile"),
            key(Type.BOOL, "wsl2.localhostForwarding"),
            key(Type.BOOL, "wsl2.nestedVirtualization"),
            key(Type.BOOL, "wsl2.virtio9p"),
            key(Type.BOOL, "wsl2.virtiofs"),
            key(Type.INT, "wsl2.kernelDebugPort"),
            key(Type.BOOL, "wsl2.gpuSupport"),
            key(Type.BOOL, "wsl2.guiApplications"),
            key(Type.PATH, "wsl2.systemDistro"),
            key(Type.BOOL, "wsl2.telemetry"),
            key(Type.INT, "wsl2.vmIdleTimeout"),
            key(Type.PATH, "wsl2.debugConsoleLogFile"),
            key(Type.INT, "wsl2.kernelBootTimeout"),
            key(Type.INT, "wsl2.distributionStartTimeout"),
            key(Type.BOOL, "wsl2.virtio"),
            key(Type.BOOL, "wsl2.hostFileSystemAccess"),
            key(Type.INT, "wsl2.mountDeviceTimeout"),
            key(Type.BOOL, "wsl2.hardwarePerformanceCounters"),
            key(Type.STRING, "wsl2.vmSwitch"),
            key(Type.MAC, "wsl2.macAddress"),
            key(Type.BOOL, "wsl2.dhcp"),
            key(Type.INT, "wsl2.dhcpTimeout"),
            key(Type.BOOL, "wsl2.ipv6"),
            key(Type.BOOL, "wsl2.dnsProxy"),
            key(Type.BOOL, "wsl2.safeMode"),
            key(Type.SIZE, "wsl2.defaultVhdSize"),
            key(Type.PATH, "wsl2.crashDumpFolder"),
            key(Type.INT, "wsl2.maxCrashDumpCount"),
            key(Type.PATH, "general.distributionInstallPath"),
            key(Type.INT, "general.instanceIdleTimeout"),
            key(Type.BOOL, "wsl2.loadDefaultKernelModules"),
            key(Type.STRING, "wsl2.loadKernelModules"),
            key(Type.BOOL, "wsl2.isolateDistroCgroup"),
            oneOf(NETWORKING_MODES, "wsl2.networkingMode", "experimental.networkingMode"),
            key(Type.BOOL, "wsl2.dnsTunneling", "experimental.dnsTunneling"),
            key(Type.BOOL, "wsl2.firewall", "experimental.firewall"),
            key(Type.BOOL, "wsl2.autoProxy", "experimental.autoProxy"),
            oneOf(List.of("Gradual", "DropCache", "Disabled"), "experimental.autoMemoryReclaim"),
            key(Type.BOOL, "experimental.sparseVhd"),
            key(Type.BOOL, "experimental.bestEffortDnsParsing"),
            key(Type.IPV4, "experimental.dnsTunnelingIpAddress"),
            key(Type.INT, "experimental.initialAutoProxyTimeout"),
            key(Type.PORTS, "experimental.ignoredPorts"),
            key(Type.BOOL, "experimental.hostAddressLoopback"),
            key(Type.BOOL, "experimental.setVersionDebug"),
            key(Type.SIZE, "experimental.swiotlb"),
            key(Type.BOOL, "experimental.virtioFsAggregateShares"));

    static final List<Key> WSL_CONF = List.of(
            key(Type.BOOL, "automount.enabled"),
            key(Type.STRING, "automount.root"),
            key(Type.STRING, "automount.options"),
            key(Type.BOOL, "automount.mountFsTab"),
            key(Type.BOOL, "automount.ldconfig"),
            oneOf(List.of("v1", "v2"), "automount.cgroups"),
            key(Type.INT, "filesystem.umask"),
            key(Type.BOOL, "interop.appendWindowsPath"),
            key(Type.BOOL, "interop.enabled"),
            key(Type.BOOL, "network.generateHosts"),
            key(Type.BOOL, "network.generateResolvConf"),
            key(Type.STRING, "network.hostname"),
            key(Type.BOOL, "time.useWindowsTimezone"),
            key(Type.BOOL, "fileServer.enabled"),
            key(Type.STRING, "fileServer.logFile"),
            key(Type.INT, "fileServer.logLevel"),
            key(Type.BOOL, "fileServer.logTruncate"),
            key(Type.BOOL, "gpu.enabled"),
            key(Type.BOOL, "gpu.appendLibPath"),
            key(Type.STRING, "user.default"),
            key(Type.STRING, "boot.command"),
            key(Type.BOOL, "boot.systemd"),
            key(Type.INT, "boot.initTimeout"),
            key(Type.BOOL, "boot.protectBinfmt"),
            key(Type.BOOL, "general.guiApplications"));

    /**
     * Names people write for a key that has another name: from the reports (networkMode,
     * microsoft/WSL#11359; network=, #10791) and the words the docs use around a key.
     */
    private static final Map<String, String> WRITTEN_FOR = Map.of(
            "networkmode", "networkingMode",
            "network", "networkingMode",
            "networking", "networkingMode",
            "mode", "networkingMode",
            "dnstunnel", "dnsTunneling",
            "hostloopback", "hostAddressLoopback",
            "ram", "memory",
            "cpus", "processors",
            "cpu", "processors");

    private ConfigKeys() {
    }

    static List<Key> of(ConfigFileKind file) {
        return file == ConfigFileKind.WSLCONFIG ? WSLCONFIG : WSL_CONF;
    }

    /** The key WSL files {@code section.name} under, if it knows one. */
    public static Optional<Key> lookup(ConfigFileKind file, String fullName) {
        return of(file).stream().filter(k -> k.answersTo(fullName)).findFirst();
    }

    /** Keys with this short name (any case) in this file, whatever their section. */
    static List<Key> named(ConfigFileKind file, String shortName) {
        return of(file).stream()
                .filter(k -> k.names().stream().anyMatch(n -> n.substring(n.indexOf('.') + 1).equalsIgnoreCase(shortName)))
                .toList();
    }

    /**
     * The key a person most likely meant by an unknown short name: one WSL knows under another
     * spelling (a name people write for it, the same letters without {@code _ - .}), or the one
     * with the fewest typing slips, when those are few for the length of the name.
     */
    static Optional<Key> likelyMeant(ConfigFileKind file, String written) {
        String plain = written.replaceAll("[_\\-. ]", "");
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        List<Key> exact = named(file, plain);
        if (!exact.isEmpty()) {
            return Optional.of(exact.getFirst());
        }
        String alias = WRITTEN_FOR.get(plain.toLowerCase(Locale.ROOT));
        if (alias != null && !named(file, alias).isEmpty()) {
            return Optional.of(named(file, alias).getFirst());
        }
        record Scored(Key key, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (Key key : of(file)) {
            String name = key.shortName();
            int distance = distance(plain.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (distance <= Math.max(1, Math.max(plain.length(), name.length()) / 4)) {
                scored.add(new Scored(key, distance));
            }
        }
        return scored.stream().min(Comparator.comparingInt(Scored::distance)).map(Scored::key);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Sections a file's keys live in, in lower case. */
    static List<String> sections(ConfigFileKind file) {
        return of(file).stream().flatMap(k -> k.names().stream()).map(n -> n.substring(0, n.indexOf('.')).toLowerCase(Locale.ROOT))
                .distinct().toList();
    }

    static boolean isKnownSection(ConfigFileKind file, String section) {
        return sections(file).contains(section.toLowerCase(Locale.ROOT));
    }

    /** For tests: every known full name. */
    static List<String> allNames(ConfigFileKind file) {
        return of(file).stream().flatMap(k -> k.names().stream()).toList();
    }

    static String[] split(String fullName) {
        int dot = fullName.indexOf('.');
        return dot < 0 ? new String[]{"", fullName} : Arrays.asList(fullName.substring(0, dot), fullName.substring(dot + 1)).toArray(String[]::new);
    }
}
