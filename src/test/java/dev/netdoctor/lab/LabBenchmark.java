// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Not a test: runs each lab scenario several times through the real CLI, as the plain lab user
 * (OpenSSH 10's default marking in its ~/.ssh/config, as seed 1's user has), and prints the
 * medians of: time to verdict (session start to result, i.e. from the start of probing), the
 * whole CLI run's wall time including JVM start, its CPU time (user + system, from GNU time),
 * and how long the user's ssh would wait on its own. {@code wsl-dscp} is seed 1 from "Windows":
 * the app in the lab's Windows namespace, every Linux command through the faithful stand-in
 * wsl.exe (0.25 s a call, 3 s for the distro's first start, which each run pays again).
 *
 * <pre>mvn -B -Pbench verify                                   # the jar, 5 runs per scenario
 * mvn -B -Pbench verify -Dbench.runs=9
 * mvn -B -Pdist,bench verify -Dbench.cli=target/dist/app-image/wsl-net-doctor/bin/wsl-net-doctor-cli</pre>
 */
public final class LabBenchmark {
    private static final List<String> SCENARIOS = List.of("healthy", "refused", "dscp", "filtered", "mtu", "mirrored", "wsl-dscp");
    /** Goals from the issues, in ms: time to verdict, and whole CLI run. */
    private static final Map<String, Long> VERDICT_GOAL = Map.of("healthy", 1500L, "refused", 1500L, "dscp", 3000L, "mirrored", 1000L);
    private static final Map<String, Long> WALL_GOAL = Map.of("healthy", 2500L, "dscp", 3000L);
    private static final long CPU_GOAL = 3000;
    private static final String FAKE_WSL = java.nio.file.Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();

    private LabBenchmark() {
    }

    private static List<String> cli;

    /** The CLI to measure: the app-image's launcher when given, else the jar (where the lab user can read it) with this JDK. */
    private static List<String> cli() {
        return cli;
    }

    private static List<String> cli(Lab.PlainUser user) throws java.io.IOException {
        String launcher = System.getProperty("bench.cli", "");
        return launcher.isBlank() ? List.of(Lab.java(), "-jar", user.readableJar().toString())
                : List.of(java.nio.file.Path.of(launcher).toAbsolutePath().toString());
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var reason = Lab.unavailableReason();
        if (reason.isPresent()) {
            System.out.println("Benchmark not run: " + reason.get());
            return;
        }
        boolean cpu = java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/time"));
        Lab.PlainUser user = Lab.PlainUser.ensure();
        user.clean();
        user.writeSshConfig(Lab.PlainUser.OPENSSH_10_DEFAULT);
        cli = cli(user);
        System.out.printf("WSL Net Doctor lab benchmark: %s as %s, %d runs per scenario, medians%n%n",
                String.join(" ", cli()), user.name(), runs);
        System.out.printf("%-9s %-26s %10s %10s %8s  %-28s %s%n", "scenario", "finding", "verdict ms", "wall ms", "CPU ms", "goals",
                "ssh alone would wait");
        try {
            for (String scenario : SCENARIOS) {
                try (Lab lab = Lab.up(scenario)) {
                    java.nio.file.Path state = java.nio.file.Files.createTempDirectory("bench-wsl");
                    measure(scenario, lab, user, state, cpu); // warm the page cache; not counted
                    List<Long> verdict = new ArrayList<>();
                    List<Long> wall = new ArrayList<>();
                    List<Long> cpuMillis = new ArrayList<>();
                    String finding = "?";
                    String sshWait = "-";
                    for (int i = 0; i < runs; i++) {
                        // Each run from Windows meets a stopped distro, as after a reboot.
                        Lab.run(List.of("rm", "-rf", state.toString()), 10);
                        Measured m = measure(scenario, lab, user, state, cpu);
                        JsonNode json = m.json();
                        verdict.add(json.path("durationMillis").asLong());
                        wall.add(json.path("_wallMillis").asLong());
                        cpuMillis.add(m.cpuMillis());
                        finding = json.path("findings").path(0).path("id").asText();
                        int giveUp = json.path("environment").path("synGiveUpSeconds").asInt(-1);
                        if (scenario.contains("dscp") || scenario.equals("filtered")) {
                            sshWait = giveUp < 0 ? "unknown" : giveUp + " s (tcp_syn_retries=" + json.path("environment").path("tcpSynRetries").asInt() + ")";
                        } else if (scenario.equals("mtu")) {
                            sshWait = "forever (ConnectTimeout does not cover key exchange)";
                        }
                    }
                    long v = median(verdict);
                    long w = median(wall);
                    long c = median(cpuMillis);
                    List<String> goals = new ArrayList<>();
                    Long goal = VERDICT_GOAL.get(scenario);
                    if (goal != null) {
                        goals.add((v <= goal ? "verdict met" : "verdict MISSED") + " ≤" + goal);
                    }
                    Long wallGoal = WALL_GOAL.get(scenario);
                    if (wallGoal != null) {
                        goals.add((w <= wallGoal ? "wall met" : "wall MISSED") + " ≤" + wallGoal);
                    }
                    if (cpu && !scenario.startsWith("wsl")) {
                        goals.add(c <= CPU_GOAL ? "CPU met" : "CPU MISSED");
                    }
                    System.out.printf("%-9s %-26s %10d %10d %8s  %-28s %s%n", scenario, finding, v, w, cpu ? Long.toString(c) : "-",
                            goals.isEmpty() ? "-" : String.join(", ", goals), sshWait);
                }
            }
        } finally {
            user.clean();
        }
    }

    private record Measured(JsonNode json, long cpuMillis) {
    }

    /** One CLI run of the scenario, as the plain user (from Windows: the app as root there, the distro's commands as the user). */
    private static Measured measure(String scenario, Lab lab, Lab.PlainUser user, java.nio.file.Path wslState, boolean cpu) throws Exception {
        java.nio.file.Path times = java.nio.file.Files.createTempFile("bench-time", ".txt");
        try {
            List<String> args = new ArrayList<>(cli());
            args.addAll(List.of("diagnose", "--json", "--quiet"));
            if (scenario.startsWith("mirrored")) {
                args.addAll(List.of("--service-port", lab.get("SERVICE_PORT")));
            } else {
                args.addAll(List.of("--target", lab.target()));
            }
            List<String> argv = new ArrayList<>();
            if (cpu) {
                argv.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()));
            }
            Lab.Result r;
            if (scenario.startsWith("wsl")) {
                args.addAll(List.of("--wsl", "Lab", "--wsl-exe", FAKE_WSL));
                argv.addAll(List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"), "FAKE_WSL_USER=" + user.name(),
                        "FAKE_WSL_STATE=" + wslState));
                argv.addAll(args);
                r = lab.inNamespace(lab.get("WINDOWS_NS"), argv, Lab.COMMAND_LIMIT_SECONDS);
            } else {
                argv.addAll(user.argv(args));
                r = lab.inNamespace(lab.get("CLIENT_NS"), argv, Lab.COMMAND_LIMIT_SECONDS);
            }
            long cpuMillis = -1;
            if (cpu) {
                String[] f = java.nio.file.Files.readString(times).strip().split("\\s+");
                String[] last = f.length >= 2 ? java.util.Arrays.copyOfRange(f, f.length - 2, f.length) : new String[]{"0", "0"};
                cpuMillis = Math.round((Double.parseDouble(last[0]) + Double.parseDouble(last[1])) * 1000);
            }
            return new Measured(Lab.json(r), cpuMillis);
        } finally {
            java.nio.file.Files.deleteIfExists(times);
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
