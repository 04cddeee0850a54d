// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Not a test: runs each lab scenario several times through the real CLI, as the plain lab user
 * (OpenSSH 10's default marking in its ~/.ssh/config, as seed 1's user has), and prints the
 * medians of: time to verdict (the run's own durationMillis, from the start of probing), the
 * whole CLI run's wall time including the JVM's start, its CPU time (user + system, from GNU
 * time), the unmarked round trip the run measured and the wait it derived from it for a marked
 * SYN (the {@code dscp-connect} check's parameters {@code rttMillis} and {@code waitMillis}; "-"
 * where the check did not run or a build does not give them), how long the user's ssh would wait
 * on its own, and whether issue 30's goals are met. Nothing fails when a number moves.
 *
 * <p>Scenarios inside the distro run in the lab's client namespace with {@code WSL_DISTRO_NAME}
 * set, as in WSL. {@code wsl-dscp-*} is seed 1 from "Windows": the app in the lab's Windows
 * namespace as the same user, every Linux command through the faithful stand-in wsl.exe (0.25 s a
 * call, 3 s for the distro's first start) and Windows' facts through the powershell.exe stand-in;
 * {@code -warm} keeps the distro started between runs (one unmeasured run starts it),
 * {@code -cold} stops it before every run, as after a reboot.
 *
 * <p>In the seed-1 lab it also runs the wizard ({@code WizardLabDriver}, headless, as the same
 * user) and prints the median time from Next on Details to the diagnosis on screen, next to the
 * CLI's.
 *
 * <pre>mvn -B -Pbench verify                                   # the jar, 5 runs per scenario
 * mvn -B -Pbench verify -Dbench.runs=9
 * mvn -B -Pdist,bench verify -Dbench.cli=target/dist/app-image/wsl-net-doctor/bin/wsl-net-doctor-cli</pre>
 */
public final class LabBenchmark {
    /** fake-wsl.exe's defaults, given to it explicitly so the cold goal below follows from them. */
    static final long WSL_CALL_MILLIS = 250;
    static final long WSL_COLD_START_MILLIS = 3000;
    /** Issue 30's goals, in ms. */
    static final long CPU_GOAL = 1500;
    static final long WIZARD_OVER_CLI_GOAL = 500;

    private static final String FAKE_WSL = Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();
    private static final String FAKE_PS = Path.of("src/test/lab/fake-powershell.exe").toAbsolutePath().toString();

    /** Where a run starts: inside the distro, or on Windows with the distro kept started or stopped before each run. */
    enum From { DISTRO, WINDOWS_WARM, WINDOWS_COLD }

    /** What the user asks: the lab's target, a Windows app's port (mirrored), or the DNS labs' name. */
    enum Ask { TARGET, SERVICE_PORT, DNS_NAME }

    /** One row of the table; {@code wallGoal} null: no goal for it. */
    record Scenario(String name, String lab, From from, Ask ask, Long wallGoal) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("healthy", "healthy", From.DISTRO, Ask.TARGET, 1000L),
            new Scenario("refused", "refused", From.DISTRO, Ask.TARGET, null),
            new Scenario("dscp", "dscp", From.DISTRO, Ask.TARGET, 1500L),
            new Scenario("filtered", "filtered", From.DISTRO, Ask.TARGET, null),
            new Scenario("mtu", "mtu", From.DISTRO, Ask.TARGET, null),
            new Scenario("mirrored", "mirrored", From.DISTRO, Ask.SERVICE_PORT, null),
            new Scenario("dns-blocked", "dns-blocked", From.DISTRO, Ask.DNS_NAME, 3000L),
            new Scenario("dns-static", "dns-static", From.DISTRO, Ask.DNS_NAME, 3000L),
            new Scenario("wsl-dscp-warm", "wsl-dscp", From.WINDOWS_WARM, Ask.TARGET, 2500L),
            new Scenario("wsl-dscp-cold", "wsl-dscp", From.WINDOWS_COLD, Ask.TARGET, WSL_COLD_START_MILLIS + 2000));

    private static final String ROW = "%-13s %-24s %7s %7s %6s %6s %6s  %-26s %s%n";

    private LabBenchmark() {
    }

    private static List<String> cli;

    /** The CLI to measure: the app-image's launcher when given, else the jar (where the lab user can read it) with this JDK. */
    private static List<String> cli(Lab.PlainUser user) throws IOException {
        String launcher = System.getProperty("bench.cli", "");
        return launcher.isBlank() ? List.of(Lab.java(), "-jar", user.readableJar().toString())
                : List.of(Path.of(launcher).toAbsolutePath().toString());
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var reason = Lab.unavailableReason();
        if (reason.isPresent()) {
            System.out.println("Benchmark not run: " + reason.get());
            return;
        }
        boolean cpu = Files.isExecutable(Path.of("/usr/bin/time"));
        String labPrefix = System.getProperty("bench.lab", "bench");
        Lab.PlainUser user = Lab.PlainUser.ensure();
        user.clean();
        user.writeSshConfig(Lab.PlainUser.OPENSSH_10_DEFAULT);
        cli = cli(user);
        System.out.printf("WSL Net Doctor lab benchmark: %s as %s, %d runs per scenario, medians; load average at the start: %s%n%n",
                String.join(" ", cli), user.name(), runs, loadAverage());
        System.out.printf(ROW, "scenario", "finding", "verdict", "wall", "CPU", "rtt", "wait", "goals", "ssh alone would wait");
        System.out.printf(ROW, "", "", "ms", "ms", "ms", "ms", "ms", "", "");
        Row seed1 = null;
        WizardTimes wizard = null;
        Path scratch = Files.createTempDirectory("bench-lab");
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxrwxrwx"));
        try {
            for (Scenario scenario : SCENARIOS) {
                try (Lab lab = Lab.up(scenario.lab(), labPrefix)) {
                    Row row = measureScenario(scenario, lab, user, scratch, runs, cpu);
                    System.out.print(row.line(cpu));
                    if (scenario.name().equals("dscp")) {
                        seed1 = row;
                        wizard = wizard(lab, user, scratch, runs);
                    }
                } catch (IOException e) {
                    System.out.printf(ROW, scenario.name(), "not measured: " + e.getMessage().lines().findFirst().orElse(""), "", "", "", "", "", "", "");
                }
            }
            System.out.println();
            System.out.print(wizardLine(wizard, seed1));
            System.out.printf("%nCPU goal: ≤ %d ms a run inside the distro (from Windows the CPU includes the stand-ins' Python). "
                            + "wsl-dscp-cold's goal is the stand-in's modelled cold start (%d ms) + 2000 ms. Load average at the end: %s%n",
                    CPU_GOAL, WSL_COLD_START_MILLIS, loadAverage());
        } finally {
            Lab.run(List.of("rm", "-rf", scratch.toString()), 30);
            user.clean();
        }
    }

    /** A scenario's medians; the round trip and wait are empty where no run gave them. */
    record Row(Scenario scenario, String finding, long verdict, long wall, long cpu, OptionalDouble rtt, OptionalDouble synWait, String sshWait) {
        String line(boolean cpuMeasured) {
            List<String> goals = new ArrayList<>();
            if (scenario.wallGoal() != null) {
                goals.add("wall ≤" + scenario.wallGoal() + " " + metOrMissed(wall <= scenario.wallGoal()));
            }
            if (cpuMeasured && scenario.from() == From.DISTRO) {
                goals.add("CPU " + metOrMissed(cpu <= CPU_GOAL));
            }
            return String.format(ROW, scenario.name(), finding, verdict, wall, cpuMeasured ? Long.toString(cpu) : "-",
                    millis(rtt), millis(synWait), goals.isEmpty() ? "-" : String.join(", ", goals), sshWait);
        }
    }

    static String metOrMissed(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static Row measureScenario(Scenario scenario, Lab lab, Lab.PlainUser user, Path scratch, int runs, boolean cpu) throws Exception {
        Path state = scratch.resolve("wsl-state-" + scenario.name());
        Path psState = scratch.resolve("ps-state-" + scenario.name());
        // Warms the page cache and, from Windows, starts the distro; not counted.
        measure(scenario, lab, user, state, psState, cpu);
        List<Long> verdict = new ArrayList<>();
        List<Long> wall = new ArrayList<>();
        List<Long> cpuMillis = new ArrayList<>();
        List<Double> rtt = new ArrayList<>();
        List<Double> wait = new ArrayList<>();
        String finding = "?";
        String sshWait = "-";
        for (int i = 0; i < runs; i++) {
            if (scenario.from() == From.WINDOWS_COLD) {
                Lab.run(List.of("rm", "-rf", state.toString()), 10);
            }
            Measured m = measure(scenario, lab, user, state, psState, cpu);
            JsonNode json = m.json();
            verdict.add(json.path("durationMillis").asLong());
            wall.add(json.path("_wallMillis").asLong());
            cpuMillis.add(m.cpuMillis());
            dscpParameter(json, "rttMillis").ifPresent(rtt::add);
            dscpParameter(json, "waitMillis").ifPresent(wait::add);
            finding = json.path("findings").path(0).path("id").asText();
            sshWait = sshWouldWait(scenario, json);
        }
        if (scenario.ask() == Ask.DNS_NAME) {
            sshWait = sshAloneOnAName(lab, user);
        }
        return new Row(scenario, finding, median(verdict), median(wall), median(cpuMillis), medianOf(rtt), medianOf(wait), sshWait);
    }

    /**
     * What the user's own ssh to the DNS labs' name does, timed once: it waits for the system
     * resolver to give up (resolv.conf's timeout and attempts), then names no cause.
     */
    private static String sshAloneOnAName(Lab lab, Lab.PlainUser user) throws IOException {
        Lab.Result r = lab.inNamespace(lab.get("CLIENT_NS"), user.argv(List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "StrictHostKeyChecking=no", lab.get("DNS_NAME"), "true")), Lab.COMMAND_LIMIT_SECONDS);
        String said = r.err().strip().lines().reduce((a, b) -> b).orElse("").replaceFirst("^ssh: ", "");
        return String.format(Locale.ROOT, "%.1f s, then \"%s\"", r.millis() / 1000.0, said);
    }

    private static String sshWouldWait(Scenario scenario, JsonNode json) {
        String name = scenario.name();
        if (name.contains("dscp") || name.equals("filtered")) {
            int giveUp = json.path("environment").path("synGiveUpSeconds").asInt(-1);
            return giveUp < 0 ? "unknown" : giveUp + " s (tcp_syn_retries=" + json.path("environment").path("tcpSynRetries").asInt() + ")";
        }
        if (name.equals("mtu")) {
            return "forever (ConnectTimeout does not cover key exchange)";
        }
        return "-";
    }

    /**
     * A number among the {@code dscp-connect} check's parameters (given as text in the result),
     * if the run has that check and the build gives that parameter: older builds do not.
     */
    static OptionalDouble dscpParameter(JsonNode json, String name) {
        for (JsonNode probe : json.path("probes")) {
            if (!"dscp-connect".equals(probe.path("probeId").asText())) {
                continue;
            }
            JsonNode value = probe.path("parameters").path(name);
            if (value.isNumber()) {
                return OptionalDouble.of(value.asDouble());
            }
            if (value.isTextual()) {
                try {
                    return OptionalDouble.of(Double.parseDouble(value.asText().strip()));
                } catch (NumberFormatException e) {
                    return OptionalDouble.empty();
                }
            }
            return OptionalDouble.empty();
        }
        return OptionalDouble.empty();
    }

    /**
     * Milliseconds as the table shows them: "-" where the run did not give the number, "none"
     * where it says it measured nothing (a negative round trip: no unmarked SYN was answered, as
     * in the filtered lab), a tenth where a round trip is under 10 ms.
     */
    static String millis(OptionalDouble value) {
        if (value.isEmpty()) {
            return "-";
        }
        double v = value.getAsDouble();
        if (v < 0) {
            return "none";
        }
        return v < 10 && v != Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : Long.toString(Math.round(v));
    }

    private record Measured(JsonNode json, long cpuMillis) {
    }

    /** One CLI run of the scenario as the plain user (from Windows: the same user, able to join the distro's namespace). */
    private static Measured measure(Scenario scenario, Lab lab, Lab.PlainUser user, Path wslState, Path psState, boolean cpu) throws Exception {
        Path times = Files.createTempFile("bench-time", ".txt");
        try {
            List<String> args = new ArrayList<>(cli);
            args.addAll(List.of("diagnose", "--json", "--quiet"));
            switch (scenario.ask()) {
                case SERVICE_PORT -> args.addAll(List.of("--service-port", lab.get("SERVICE_PORT")));
                case DNS_NAME -> args.addAll(List.of("--target", lab.get("DNS_NAME") + ":22"));
                case TARGET -> args.addAll(List.of("--target", lab.target()));
            }
            // GNU time runs as root around the user's run: its output file is root's.
            List<String> argv = new ArrayList<>();
            if (cpu) {
                argv.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()));
            }
            Lab.Result r;
            if (scenario.from() == From.DISTRO) {
                List<String> inDistro = new ArrayList<>(List.of("env", "WSL_DISTRO_NAME=Lab"));
                inDistro.addAll(args);
                argv.addAll(user.argv(inDistro));
                r = lab.inNamespace(lab.get("CLIENT_NS"), argv, Lab.COMMAND_LIMIT_SECONDS);
            } else {
                args.addAll(List.of("--wsl", "Lab", "--wsl-exe", FAKE_WSL, "--powershell-exe", FAKE_PS));
                List<String> onWindows = new ArrayList<>(List.of("env", "FAKE_WSL_NETNS=" + lab.get("CLIENT_NS"),
                        "FAKE_WSL_USER=" + user.name(), "FAKE_WSL_STATE=" + wslState, "FAKE_WSL_DELAY_MS=" + WSL_CALL_MILLIS,
                        "FAKE_WSL_FIRST_DELAY_MS=" + WSL_COLD_START_MILLIS, "FAKE_PS_STATE=" + psState));
                onWindows.addAll(args);
                argv.addAll(user.argvJoiningNamespaces(onWindows));
                r = lab.inNamespace(lab.get("WINDOWS_NS"), argv, Lab.COMMAND_LIMIT_SECONDS);
            }
            long cpuMillis = -1;
            if (cpu) {
                cpuMillis = cpuMillis(Files.readString(times));
            }
            try {
                return new Measured(Lab.json(r), cpuMillis);
            } catch (IOException | RuntimeException e) {
                throw new IOException("no result (exit " + r.exit() + "): " + r.err().strip(), e);
            }
        } finally {
            Files.deleteIfExists(times);
        }
    }

    /** User plus system seconds from GNU time's "%U %S" (its last line: a failing command's note comes first). */
    static long cpuMillis(String timeOutput) {
        String[] f = timeOutput.strip().split("\\s+");
        if (f.length < 2) {
            return -1;
        }
        return Math.round((Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1])) * 1000);
    }

    /** The wizard's times in the seed-1 lab, or why there are none. */
    record WizardTimes(List<Long> shown, List<Long> inRun, String failure) {
    }

    /**
     * The wizard in the seed-1 lab, as the plain user in the distro: one unmeasured walk, then
     * {@code runs} measured ones, each a fresh JVM (WizardLabDriver with its time file).
     */
    private static WizardTimes wizard(Lab lab, Lab.PlainUser user, Path scratch, int runs) {
        List<Long> shown = new ArrayList<>();
        List<Long> inRun = new ArrayList<>();
        try {
            WizardJvm jvm = WizardJvm.of(System.getProperty("bench.cli", ""), scratch.resolve("wizard-cp"));
            for (int i = 0; i <= runs; i++) {
                Path time = scratch.resolve("wizard-time-" + i);
                List<String> argv = new ArrayList<>(List.of("env", "WSL_DISTRO_NAME=Lab"));
                argv.addAll(jvm.argv(time, lab.get("TARGET_IP")));
                Lab.Result r = lab.inNamespace(lab.get("CLIENT_NS"), user.argv(argv), Lab.COMMAND_LIMIT_SECONDS);
                if (r.exit() != 0 || !Files.isRegularFile(time)) {
                    return new WizardTimes(shown, inRun, "the wizard driver failed (exit " + r.exit() + "): "
                            + (r.err().strip() + " " + r.out().strip()).strip());
                }
                if (i > 0) {
                    shown.add(Long.parseLong(Files.readString(time).strip()));
                    var m = Pattern.compile("(?m)^WIZARD-RUN-MILLIS (\\d+)$").matcher(r.out());
                    if (m.find()) {
                        inRun.add(Long.parseLong(m.group(1)));
                    }
                }
            }
            return new WizardTimes(shown, inRun, null);
        } catch (IOException | RuntimeException e) {
            return new WizardTimes(shown, inRun, e.toString());
        }
    }

    static String wizardLine(WizardTimes wizard, Row seed1) {
        if (wizard == null || seed1 == null) {
            return "wizard (seed 1): not measured (the dscp lab did not run)\n";
        }
        if (wizard.failure() != null) {
            return "wizard (seed 1): not measured: " + wizard.failure() + "\n";
        }
        long shown = median(wizard.shown());
        String run = wizard.inRun().isEmpty() ? "-" : Long.toString(median(wizard.inRun()));
        long goal = seed1.wall() + WIZARD_OVER_CLI_GOAL;
        return String.format("wizard (seed 1), Next on Details to the diagnosis on screen: %d ms (median of %d; the run inside it %s ms)%n"
                        + "  CLI (seed 1): whole run %d ms, time to verdict %d ms; within the CLI's whole run + %d ms (≤%d): %s%n",
                shown, wizard.shown().size(), run, seed1.wall(), seed1.verdict(), WIZARD_OVER_CLI_GOAL, goal, metOrMissed(shown <= goal));
    }

    /** One minute's load average of this machine, as uptime shows it. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static OptionalDouble medianOf(List<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return OptionalDouble.of(sorted.get(sorted.size() / 2));
    }
}
