// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.WindowsFacts;
import dev.netdoctor.model.WindowsInterface;
import dev.netdoctor.model.WslFacts;
import dev.netdoctor.model.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code path-mtu-blackhole}: don't-fragment pings show that packets above some size vanish on
 * the way to the target, after the SSH key exchange (the first large packets) stalled, or, from
 * Windows, because Windows' way to the target is a smaller link than the distro's. From Windows
 * it names that link (a VPN's adapter, its MTU); inside the distro, where Windows cannot be seen,
 * it says where the smaller link usually is.
 */
final class PathMtuRule implements Rule {
    /** The interface WSL gives the distro; the boot command is written for it when the route names none. */
    static final String WSL_DEVICE = "eth0";

    @Override
    public Optional<Finding> apply(Observations obs) {
        Optional<ProbeData.PathMtu> mtu = obs.data(ProbeData.PathMtu.class).filter(ProbeData.PathMtu::blackHole);
        if (mtu.isEmpty()) {
            return Optional.empty();
        }
        ProbeData.PathMtu m = mtu.get();
        int lost = m.smallestLostPayload() + 28;
        int through = m.estimatedPathMtu();
        WindowsFacts windows = obs.environment() == null ? null : obs.environment().windows();
        Optional<WindowsInterface> tunnel = windows == null ? Optional.empty() : windows.smallerLinkTowards(m.address(), m.interfaceMtu());
        // a result saved before the probe said why it ran: then a stalled SSH handshake was the only reason.
        // Sized from Windows' smaller link, the probe ran beside the SSH checks: their own stall counts too.
        boolean sshStalled = obs.outcome(ProbeId.PATH_MTU).map(o -> o.parameters().get(ProbeData.PathMtu.SIZED_BECAUSE))
                .map(ProbeData.PathMtu.SSH_STALLED::equals).orElse(true)
                || obs.sshTarget() && ProbeData.PathMtu.keyExchangeStalledIn(obs.outcomes());
        List<Evidence> evidence = new ArrayList<>();
        obs.data(ProbeData.SshHandshakes.class).ifPresent(h -> h.attempts().stream().filter(a -> !a.marking().marked()).forEach(a ->
                evidence.add(Evidence.of("SSH handshake (unmarked): " + a.reached().describe() + " after " + a.millis() + " ms"))));
        tunnel.ifPresent(t -> evidence.add(Evidence.of(Words.get("finding.PATH_MTU_BLACKHOLE.evidence.windowsRoute", m.address(),
                named(t), t.mtu(), m.interfaceMtu()))));
        evidence.addAll(ReachabilityRules.evidenceOf(obs, ProbeId.PATH_MTU));

        List<String> explanation = new ArrayList<>();
        explanation.add(Words.get(sshStalled ? "finding.PATH_MTU_BLACKHOLE.explanation.ssh" : "finding.PATH_MTU_BLACKHOLE.explanation.large",
                through, lost, m.interfaceMtu()));
        if (tunnel.isPresent()) {
            explanation.add(Words.get("finding.PATH_MTU_BLACKHOLE.explanation.windows", m.address(), named(tunnel.get()), tunnel.get().mtu(),
                    m.interfaceMtu()));
        } else if (windows == null && insideWsl(obs)) {
            explanation.add(Words.get("finding.PATH_MTU_BLACKHOLE.explanation.inside"));
        }
        explanation.add(Words.get("finding.PATH_MTU_BLACKHOLE.explanation.lower", through));

        List<FixSuggestion> fixes = new ArrayList<>();
        fixes.add(lowerInDistro(obs, through));
        tunnel.filter(t -> usableAlias(t.alias())).ifPresent(t -> fixes.add(new FixSuggestion(FixId.WINDOWS_ADAPTER_MTU,
                Words.get("finding.PATH_MTU_BLACKHOLE.fix.WINDOWS_ADAPTER_MTU.title", t.alias(), through),
                Words.get("finding.PATH_MTU_BLACKHOLE.fix.WINDOWS_ADAPTER_MTU.detail", t.alias(), through, t.mtu())
                        + (t.mtu() <= through ? " " + Words.get("finding.PATH_MTU_BLACKHOLE.fix.WINDOWS_ADAPTER_MTU.already", t.mtu()) : ""))));
        return Optional.of(new Finding(FindingId.PATH_MTU_BLACKHOLE, Severity.PROBLEM, Confidence.HIGH,
                Words.get("finding.PATH_MTU_BLACKHOLE.title", obs.target().host()), String.join(" ", explanation), evidence, fixes));
    }

    /**
     * In a WSL 2 distro the MTU set at every start through wsl.conf's boot command (a file fix);
     * elsewhere, where no wsl.conf is read, the command to try ({@link FixId#LOWER_MTU}), as before.
     */
    private static FixSuggestion lowerInDistro(Observations obs, int through) {
        WslFacts wsl = obs.environment() == null ? null : obs.environment().wsl();
        String device = obs.data(ProbeId.ROUTES, ProbeData.Routes.class).flatMap(r -> r.lookups().stream().filter(RouteLookup::found)
                .map(RouteLookup::device).findFirst()).orElse(WSL_DEVICE);
        if (wsl == null || wsl.kind() != WslFacts.Kind.WSL2 || through < FixPlan.DistroMtuAtBoot.SMALLEST
                || !device.matches("[A-Za-z0-9_][A-Za-z0-9_.@-]{0,14}")) {
            return new FixSuggestion(FixId.LOWER_MTU, Words.get("finding.PATH_MTU_BLACKHOLE.fix.LOWER_MTU.title", through),
                    Words.get("finding.PATH_MTU_BLACKHOLE.fix.LOWER_MTU.detail", through));
        }
        FixPlan.DistroMtuAtBoot plan = FixPlan.DistroMtuAtBoot.of(device, through);
        return new FixSuggestion(FixId.WSL_CONF_BOOT_MTU, Words.get("finding.PATH_MTU_BLACKHOLE.fix.WSL_CONF_BOOT_MTU.title", through),
                Words.get("finding.PATH_MTU_BLACKHOLE.fix.WSL_CONF_BOOT_MTU.detail", plan.command(), plan.nowCommand()), plan);
    }

    private static boolean insideWsl(Observations obs) {
        WslFacts wsl = obs.environment() == null ? null : obs.environment().wsl();
        return wsl != null && wsl.kind() != WslFacts.Kind.NOT_WSL;
    }

    /** The adapter as Windows shows it: its name, and what it is when the description says more. */
    static String named(WindowsInterface adapter) {
        String alias = adapter.alias() == null ? "" : adapter.alias().strip();
        String description = adapter.description() == null ? "" : adapter.description().strip();
        if (alias.isEmpty() || alias.equals(description)) {
            return "\"" + (alias.isEmpty() ? description : alias) + "\"";
        }
        return description.isEmpty() ? "\"" + alias + "\"" : "\"" + alias + "\" (" + description + ")";
    }

    /** netsh takes the adapter by its name, in double quotes: a name without one that stays inside them. */
    private static boolean usableAlias(String alias) {
        return alias != null && !alias.isBlank() && alias.chars().noneMatch(c -> c == '"' || Character.isISOControl(c));
    }
}
