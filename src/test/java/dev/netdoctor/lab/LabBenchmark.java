package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Not a test: runs each lab scenario several times through the real CLI and prints the median
 * time to verdict (session start to result, i.e. from the start of probing), the whole CLI
 * run's wall time including JVM start, and how long the user's ssh would wait on its own.
 *
 * <pre>mvn -B -Pbench verify            # 5 runs per scenario
 * mvn -B -Pbench verify -Dbench.runs=9</pre>
 */
public final class LabBenchmark {
    private static final List<String> SCENARIOS = List.of("healthy", "refused", "dscp", "filtered", "mtu", "mirrored");
    /** Goals from the issues, in ms: time to verdict, and whole CLI run. */
    private static final Map<String, Long> VERDICT_GOAL = Map.of("healthy", 1500L, "refused", 1500L, "dscp", 3000L, "mirrored", 1000L);
    private static final long WALL_GOAL_DSCP = 5000;

    private LabBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var reason = Lab.unavailableReason();
        if (reason.isPresent()) {
            System.out.println("Benchmark not run: " + reason.get());
            return;
        }
        System.out.printf("WSL Net Doctor lab benchmark: %d runs per scenario, medians%n%n", runs);
        System.out.printf("%-9s %-26s %12s %12s %10s  %s%n", "scenario", "finding", "verdict ms", "CLI wall ms", "goal", "ssh alone would wait");
        for (String scenario : SCENARIOS) {
            try (Lab lab = Lab.up(scenario)) {
                String[] cliArgs = scenario.equals("mirrored")
                        ? new String[]{"diagnose", "--service-port", lab.get("SERVICE_PORT"), "--json", "--quiet"}
                        : new String[]{"diagnose", "--target", lab.target(), "--json", "--quiet"};
                Lab.json(lab.cli(cliArgs)); // warm the page cache; not counted
                List<Long> verdict = new ArrayList<>();
                List<Long> wall = new ArrayList<>();
                String finding = "?";
                String sshWait = "-";
                for (int i = 0; i < runs; i++) {
                    JsonNode json = Lab.json(lab.cli(cliArgs));
                    verdict.add(json.path("durationMillis").asLong());
                    wall.add(json.path("_wallMillis").asLong());
                    finding = json.path("findings").path(0).path("id").asText();
                    int giveUp = json.path("environment").path("synGiveUpSeconds").asInt(-1);
                    if (scenario.equals("dscp") || scenario.equals("filtered")) {
                        sshWait = giveUp < 0 ? "unknown" : giveUp + " s (tcp_syn_retries=" + json.path("environment").path("tcpSynRetries").asInt() + ")";
                    } else if (scenario.equals("mtu")) {
                        sshWait = "forever (ConnectTimeout does not cover key exchange)";
                    }
                }
                long v = median(verdict);
                long w = median(wall);
                Long goal = VERDICT_GOAL.get(scenario);
                String goalText = goal == null ? "-" : (v <= goal ? "met " : "MISSED ") + "≤" + goal;
                if (scenario.equals("dscp")) {
                    goalText += w <= WALL_GOAL_DSCP ? ", wall met" : ", wall MISSED";
                }
                System.out.printf("%-9s %-26s %12d %12d %10s  %s%n", scenario, finding, v, w, goalText, sshWait);
            }
        }
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
