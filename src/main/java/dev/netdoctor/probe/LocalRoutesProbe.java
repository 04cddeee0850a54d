// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.PolicyRule;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.RouteLookup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Asks the kernel the question TCP asks for this machine's own addresses:
 * {@code ip -j route get 127.0.0.1 ipproto tcp}. In WSL's mirrored mode policy rules send
 * that to an interface other than {@code lo} (today loopback0), while ICMP (ping) stays local.
 */
public final class LocalRoutesProbe implements Probe {
    public static final ProbeId ID = ProbeId.LOCAL_ROUTES;
    private static final Duration CALL = Duration.ofSeconds(2);

    @Override
    public ProbeId id() {
        return ID;
    }

    @Override
    public String title() {
        return "Find where local connections go";
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return Duration.ofSeconds(8);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws Exception {
        if (!ctx.linux().hasCommand("ip")) {
            return ProbeReport.skipped("the ip command is not installed on " + ctx.linux().describe() + " (package iproute2)");
        }
        List<String> addresses = new ArrayList<>(LocalAddresses.of(ctx.environment()).keySet());
        List<Integer> ports = ctx.request().servicePorts();
        // The plain lookup of 127.0.0.1 is what ping uses: the contrast explains "ping works, TCP does not".
        List<Question> questions = new ArrayList<>();
        questions.add(new Question(LocalAddresses.LOOPBACK_V4, null, null));
        for (String a : addresses) {
            questions.add(new Question(a, "tcp", null));
            for (int port : ports) {
                questions.add(new Question(a, "tcp", port));
            }
        }
        List<Answer> answers = Parallel.map(questions, q -> lookup(ctx, q));
        List<RouteLookup> lookups = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Answer a : answers) {
            lookups.add(a.route());
            evidence.add(a.evidence());
        }
        CommandRun rules = ctx.linux().run(List.of("ip", "-j", "rule", "list"), CALL);
        List<PolicyRule> parsed = new ArrayList<>(IpJson.rules(rules.stdout()));
        evidence.add(rules.asEvidence(parsed.size() + " IPv4 policy rules"));
        if (addresses.stream().anyMatch(a -> a.contains(":"))) {
            CommandRun rules6 = ctx.linux().run(List.of("ip", "-6", "-j", "rule", "list"), CALL);
            parsed.addAll(IpJson.rules(rules6.stdout()));
            evidence.add(rules6.asEvidence("IPv6 policy rules"));
        }
        long away = lookups.stream().filter(r -> r.found() && "tcp".equals(r.protocol()) && !"lo".equals(r.device())).count();
        String summary = away == 0 ? "TCP to this computer's own addresses stays on lo"
                : dev.netdoctor.model.Words.get("probe.localRoutes.away", away, lookups.stream()
                        .filter(r -> r.found() && "tcp".equals(r.protocol()) && !"lo".equals(r.device()))
                        .map(RouteLookup::describe).findFirst().orElse(""));
        return ProbeReport.completed(summary, Map.of("addresses", String.join(",", addresses)),
                new ProbeData.Routes(lookups, parsed), evidence);
    }

    /** One question for the kernel, and its answer with the command that asked it. */
    private record Question(String address, String protocol, Integer port) {
    }

    private record Answer(RouteLookup route, Evidence evidence) {
    }

    private Answer lookup(ProbeContext ctx, Question q) throws InterruptedException {
        String address = q.address();
        String protocol = q.protocol();
        Integer port = q.port();
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (address.contains(":")) {
            argv.add("-6");
        }
        argv.addAll(List.of("-j", "route", "get", address));
        if (protocol != null) {
            argv.addAll(List.of("ipproto", protocol));
        }
        if (port != null) {
            argv.addAll(List.of("dport", Integer.toString(port)));
        }
        CommandRun run = ctx.linux().run(argv, CALL);
        String error = run.succeeded() ? null : (run.stderr().isBlank() ? "exit " + run.exitCode() : run.stderr().strip());
        RouteLookup r = IpJson.route(address, protocol, port, run.stdout(), error);
        ctx.routeLine(r);
        return new Answer(r, run.asEvidence(r.describe()));
    }
}
