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
 * Asks the kernel how it would send to the target: once as ping would (no protocol), once as
 * TCP does ({@code ipproto tcp dport N}), since policy rules can route TCP differently; and
 * lists the policy rules.
 */
public final class RouteProbe implements Probe {
    private static final Duration CALL = Duration.ofSeconds(2);

    @Override
    public ProbeId id() {
        return ProbeId.ROUTES;
    }

    @Override
    public String title() {
        return "Find the route packets take";
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return Duration.ofSeconds(7);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws InterruptedException {
        if (!ctx.linux().hasCommand("ip")) {
            return ProbeReport.skipped("the ip command is not installed on " + ctx.linux().describe() + " (package iproute2)");
        }
        List<Evidence> evidence = new ArrayList<>();
        List<RouteLookup> lookups = new ArrayList<>();
        String address = ctx.address();
        String port = Integer.toString(ctx.target().port());
        lookups.add(lookup(ctx, evidence, address, null, null, List.of("ip", "-j", "route", "get", address)));
        lookups.add(lookup(ctx, evidence, address, "tcp", ctx.target().port(),
                List.of("ip", "-j", "route", "get", address, "ipproto", "tcp", "dport", port)));
        CommandRun rules = ctx.linux().run(List.of("ip", "-j", "rule", "list"), CALL);
        List<PolicyRule> parsed = IpJson.rules(rules.stdout());
        evidence.add(rules.asEvidence(parsed.size() + " policy routing rules"));
        String summary = lookups.stream().map(RouteLookup::describe).reduce((a, b) -> a + "; " + b).orElse("");
        return ProbeReport.completed(summary, Map.of("destination", address, "port", port),
                new ProbeData.Routes(lookups, parsed), evidence);
    }

    private RouteLookup lookup(ProbeContext ctx, List<Evidence> evidence, String dest, String protocol, Integer port, List<String> argv)
            throws InterruptedException {
        CommandRun run = ctx.linux().run(argv, CALL);
        String error = run.succeeded() ? null : (run.stderr().isBlank() ? "exit " + run.exitCode() : run.stderr().strip());
        RouteLookup lookup = IpJson.route(dest, protocol, port, run.stdout(), error);
        evidence.add(run.asEvidence(lookup.describe()));
        ctx.routeLine(lookup);
        return lookup;
    }
}
