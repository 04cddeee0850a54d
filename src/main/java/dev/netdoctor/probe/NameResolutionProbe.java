// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.WindowsNameLookup;
import dev.netdoctor.probe.dns.WindowsResolver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the target name the way the Linux side's programs (ssh among them) do: through the
 * C library's resolver, via {@code getent ahosts}. IPv4 addresses come first, as most home
 * networks route those. Without a target, when the way out is checked, a well-known name
 * ({@link dev.netdoctor.model.DiagnosisRequest#WAY_OUT_NAME}). When the app runs on Windows, the
 * same name is also looked up by Windows' own resolver, at the same time and within the same limit.
 */
public final class NameResolutionProbe implements Probe {
    static final Duration LIMIT = Duration.ofSeconds(5);

    @Override
    public ProbeId id() {
        return ProbeId.NAME_RESOLUTION;
    }

    @Override
    public String title() {
        return "Look up the target's address";
    }

    /** Without a target the name looked up is not the user's: the title must not say it is. */
    @Override
    public String title(dev.netdoctor.model.DiagnosisRequest request) {
        return request.target() == null ? "Look up a well-known name" : title();
    }

    @Override
    public boolean needsAddress() {
        return false;
    }

    @Override
    public Duration timeLimit(ProbeContext context) {
        return LIMIT.plusSeconds(1);
    }

    @Override
    public ProbeReport run(ProbeContext ctx) throws InterruptedException {
        String host = ctx.request().nameToLookUp();
        Map<String, String> params = Map.of("host", host);
        if (ctx.target() != null && ctx.target().isIpLiteral()) {
            return ProbeReport.completed(host + " is already an address", params,
                    new ProbeData.Resolution(host, List.of(host), "literal", null), List.of());
        }
        if (!ctx.linux().hasCommand("getent")) {
            return ProbeReport.skipped("getent is not available on " + ctx.linux().describe());
        }
        ctx.progress(0.1, "asking the resolver for " + host);
        // From Windows, Windows' own resolver is asked at the same time: a name only the VPN's
        // rules on Windows know is then told apart from one nobody knows.
        WindowsResolver.Pending onWindows = onWindows(ctx) ? WindowsResolver.start(host) : null;
        Lookup lookup = lookUp(ctx, host);
        CommandRun run = lookup.run();
        List<String> addresses = run == null ? List.of() : parseAhosts(run.stdout());
        String error = null;
        if (run == null) {
            error = "none of the DNS servers answered the DNS servers check (UDP or TCP), so the resolver, which asks the same ones, "
                    + "could not either: not waited for beyond " + lookup.millis() + " ms";
        } else if (addresses.isEmpty()) {
            error = run.timedOut() ? "the resolver did not answer within " + LIMIT.toSeconds() + " s"
                    : "no address found for " + host;
        }
        String summary = addresses.isEmpty() ? error : host + " → " + String.join(", ", addresses);
        List<Evidence> evidence = new ArrayList<>(List.of(run == null ? Evidence.of("getent ahosts " + host + ": " + summary)
                : run.asEvidence(summary)));
        WindowsNameLookup windows = null;
        if (onWindows != null) {
            windows = onWindows.await(LIMIT);
            String said = windowsSays(host, windows);
            summary = summary + "; " + said;
            evidence.add(Evidence.of(said + " (" + windows.millis() + " ms)"));
        }
        return ProbeReport.completed(summary, params, new ProbeData.Resolution(host, addresses, "getent ahosts", error, windows),
                evidence);
    }

    /** The resolver's answer, or null when it was settled before it came (see {@link #lookUp}); how long it was waited for. */
    record Lookup(CommandRun run, long millis) {
    }

    /**
     * {@code getent ahosts HOST}, waited for until it answers, or until the DNS servers check
     * beside it found every server silent over UDP and TCP: the resolver asks the same servers,
     * so its answer is then settled (it can only time out) and is not waited for to its 5 s. Only
     * where the hosts line of nsswitch.conf asks nothing but files and DNS (and multicast DNS,
     * which answers .local names only) for this name: another source (systemd-resolved, WINS,
     * LDAP) might answer where the servers did not.
     */
    static Lookup lookUp(ProbeContext ctx, String host) throws InterruptedException {
        long start = System.nanoTime();
        java.util.concurrent.FutureTask<CommandRun> getent = new java.util.concurrent.FutureTask<>(
                () -> ctx.linux().run(List.of("getent", "ahosts", host), LIMIT));
        Thread.ofPlatform().daemon().name("getent").start(getent);
        boolean settles = onlyFilesAndDns(ctx.linux().readFile("/etc/nsswitch.conf", 64 * 1024).orElse(null), host);
        try {
            while (true) {
                try {
                    return new Lookup(getent.get(LOOK_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS),
                            (System.nanoTime() - start) / 1_000_000);
                } catch (java.util.concurrent.TimeoutException slice) {
                    if (settles && ctx.siblingReport(ProbeId.DNS_SERVERS).map(ProbeReport::data).filter(NameResolutionProbe::everyServerSilent)
                            .isPresent()) {
                        return new Lookup(null, (System.nanoTime() - start) / 1_000_000);
                    }
                }
            }
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof InterruptedException ie) {
                throw ie;
            }
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            getent.cancel(true); // a lookup no longer waited for is stopped, and its process with it
        }
    }

    /** How often the wait for the resolver looks whether the DNS servers check has settled it. */
    private static final Duration LOOK_EVERY = Duration.ofMillis(50);

    /** Every server was asked and none answered anything (no answer, unreachable, or an error on our side). */
    static boolean everyServerSilent(ProbeData data) {
        return data instanceof ProbeData.DnsServers d && !d.replies().isEmpty()
                && d.replies().stream().noneMatch(r -> r.outcome().serverAnswered());
    }

    /**
     * Whether the C library asks nothing but /etc/hosts and DNS for {@code host}, as the hosts line
     * of {@code nsswitch} (null: no file, where glibc's default is dns then files) says: multicast
     * DNS only answers names under .local, myhostname only this machine's own names.
     */
    static boolean onlyFilesAndDns(String nsswitch, String host) {
        if (nsswitch == null) {
            return true;
        }
        for (String line : nsswitch.split("\\R")) {
            String l = line.strip();
            if (!l.startsWith("hosts:")) {
                continue;
            }
            boolean local = host.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.$", "").endsWith(".local");
            for (String source : l.substring("hosts:".length()).replaceAll("\\[[^\\]]*\\]", " ").strip().split("\\s+")) {
                boolean harmless = source.isEmpty() || source.equals("files") || source.equals("dns") || source.equals("myhostname")
                        || !local && source.startsWith("mdns");
                if (!harmless) {
                    return false;
                }
            }
            return true;
        }
        return true;
    }

    /** Whether the app itself runs on Windows, where its own process resolves through Windows' resolver. */
    private static boolean onWindows(ProbeContext ctx) {
        return switch (ctx.linux().standpoint()) {
            case WINDOWS -> true;
            case THIS_LINUX -> false;
        };
    }

    /** What Windows' own resolver gave, in the words of the summary and the evidence. */
    static String windowsSays(String host, WindowsNameLookup w) {
        return w.resolved() ? "on Windows " + host + " → " + String.join(", ", w.addresses()) : "on Windows: " + w.error();
    }

    /** {@code getent ahosts} prints each address once per socket type; keep each once, IPv4 first. */
    static List<String> parseAhosts(String output) {
        Set<String> v4 = new LinkedHashSet<>();
        Set<String> v6 = new LinkedHashSet<>();
        for (String line : output.split("\\R")) {
            String[] cols = line.strip().split("\\s+");
            if (cols.length == 0 || cols[0].isEmpty()) {
                continue;
            }
            (cols[0].contains(":") ? v6 : v4).add(cols[0]);
        }
        List<String> all = new ArrayList<>(v4);
        all.addAll(v6);
        return all;
    }

}
