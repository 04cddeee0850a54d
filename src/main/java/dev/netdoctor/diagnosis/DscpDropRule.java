// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.Confidence;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.Evidence;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.HandshakeAttempt;
import dev.netdoctor.model.NetworkingMode;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.Severity;
import dev.netdoctor.model.Words;
import dev.netdoctor.model.WslFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code dscp-marked-syn-dropped}: the unmarked SYN is answered while SYNs carrying a DSCP mark
 * get no answer at all. That contrast, observed in this run, is the whole proof; addresses,
 * interface names and MTUs play no part.
 */
final class DscpDropRule implements Rule {
    @Override
    public Optional<Finding> apply(Observations obs) {
        Optional<ProbeData.MarkedConnects> connects = obs.data(ProbeData.MarkedConnects.class);
        if (connects.isEmpty()) {
            return Optional.empty();
        }
        ProbeData.MarkedConnects c = connects.get();
        Optional<ConnectAttempt> unmarked = c.unmarked();
        List<ConnectAttempt> dropped = unmarked.filter(u -> u.result().answered()).map(u -> c.marked().stream()
                .filter(a -> a.result() == ConnectResult.TIMED_OUT).toList()).orElse(List.of());
        if (dropped.isEmpty()) {
            // From Windows (WSL mode) the app's own connections may all get through: then the
            // user's ssh inside the distro carries the contrast.
            return fromWindowsContrast(obs, c);
        }
        if (!obs.sshTarget()) {
            return Optional.of(notSsh(obs, c, dropped));
        }
        String userClass = obs.environment() == null || obs.environment().sshClient() == null
                ? null : obs.environment().sshClient().interactiveQos();
        boolean userClassDropped = userClass != null && dropped.stream().anyMatch(a -> a.marking().name().equalsIgnoreCase(userClass));
        boolean userClassAnswered = userClass != null && c.marked().stream()
                .anyMatch(a -> a.marking().name().equalsIgnoreCase(userClass) && a.result().answered());

        List<Evidence> evidence = new ArrayList<>();
        ConnectAttempt u = unmarked.get();
        if (userClass != null && !userClass.isBlank()) {
            evidence.add(Evidence.of("Your ssh's marking for " + obs.target().host() + " (IPQoS, from ssh -G): " + userClass));
        }
        evidence.add(Evidence.of("Unmarked SYN to " + c.address() + ":" + c.port() + ": " + (u.result() == ConnectResult.CONNECTED
                ? "connected in " + u.millis() + " ms" : "answered (refused) in " + u.millis() + " ms")));
        for (ConnectAttempt a : c.marked()) {
            evidence.add(Evidence.of(String.format("SYN marked %s (ToS 0x%02x): %s", a.marking().name(), a.marking().tos(),
                    a.result() == ConnectResult.TIMED_OUT ? "no answer within " + a.millis() + " ms" : a.result().name().toLowerCase() + " in " + a.millis() + " ms")));
        }
        rounds(obs).ifPresent(evidence::add);
        boolean corroborated = false;
        Optional<ProbeData.SshHandshakes> hs = obs.data(ProbeData.SshHandshakes.class);
        if (hs.isPresent()) {
            for (HandshakeAttempt a : hs.get().attempts()) {
                evidence.add(Evidence.of("SSH handshake " + (a.marking().marked() ? "marked " + a.marking().name() : "unmarked") + ": "
                        + (!a.completed() ? a.reached().describe()
                        : "reached the server's host key" + (a.serverVersion() == null ? "" : " (" + a.serverVersion() + ")"))));
            }
            corroborated |= hs.get().attempts().stream().anyMatch(a -> !a.marking().marked() && a.completed())
                    && hs.get().attempts().stream().anyMatch(a -> a.marking().marked() && a.reached() == HandshakeAttempt.Stage.NOTHING);
        }
        Optional<ProbeData.OpenSshRuns> ssh = obs.data(ProbeData.OpenSshRuns.class);
        if (ssh.isPresent()) {
            for (OpenSshAttempt a : ssh.get().attempts()) {
                evidence.add(a.run().asEvidence("Your ssh with IPQoS=" + a.ipqos() + ": " + a.result().name().toLowerCase().replace('_', ' ')));
            }
            corroborated |= ssh.get().attempts().stream().anyMatch(a -> a.ipqos().equals("none") && a.result() == OpenSshAttempt.Result.KEY_EXCHANGE_DONE)
                    && ssh.get().attempts().stream().anyMatch(a -> !a.ipqos().equals("none") && a.result() == OpenSshAttempt.Result.CONNECT_TIMED_OUT);
        }
        // A socket whose owner could not be read and that was seen only once (0 s) is most likely one
        // of this run's own short-lived connects, closed before its owner was looked up: not evidence.
        obs.data(ProbeData.Sockets.class).ifPresent(s -> s.synSentToTarget().stream()
                .filter(t -> !t.ours() && (t.pid() >= 0 || t.ageMillis() >= 1000)).forEach(t ->
                evidence.add(Evidence.of(t.owner() + " has been waiting in SYN-SENT for " + t.remoteAddress() + ":" + t.remotePort()
                        + " for at least " + t.ageMillis() / 1000 + " s"))));
        obs.synGiveUpSeconds().ifPresent(s -> evidence.add(Evidence.of("Without a ConnectTimeout, ssh waits about " + s
                + " s for an answer before giving up (tcp_syn_retries=" + obs.environment().tcpSynRetries() + ")")));

        String marks = String.join(", ", dropped.stream().map(a -> a.marking().name()).toList());
        Confidence confidence = corroborated || userClassDropped ? Confidence.HIGH : Confidence.MEDIUM;
        boolean sshUnmarked = DscpClass.parse(userClass).map(cl -> !cl.marked()).orElse(false);
        // The ssh fix changes what ssh sends, not the network: after it the drop is still seen, and
        // the user's ssh, as configured now, gets through. Say so, instead of the hang again.
        boolean sshAsConfiguredHangs = ssh.map(s -> s.attempts().stream()
                .anyMatch(a -> a.ipqos().equals("none") && a.result() == OpenSshAttempt.Result.CONNECT_TIMED_OUT)).orElse(false);
        if (sshUnmarked && !sshAsConfiguredHangs) {
            return Optional.of(fixedForSsh(obs, confidence, marks, ssh, evidence));
        }
        if (userClass != null && userClassAnswered && !userClassDropped) {
            return Optional.of(new Finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.WARNING, Confidence.MEDIUM,
                    Words.get("finding.DSCP_MARKED_SYN_DROPPED.title.some", obs.target().host()),
                    Words.get("finding.DSCP_MARKED_SYN_DROPPED.explanation.some"),
                    evidence, fixes(obs)));
        }
        String waitText = obs.synGiveUpSeconds().map(s -> Words.get("finding.DSCP_MARKED_SYN_DROPPED.hangsWaiting", s))
                .orElse(Words.get("finding.DSCP_MARKED_SYN_DROPPED.hangs"));
        boolean inDistro = obs.outcome(ProbeId.DSCP_CONNECT).map(o -> ProbeId.FROM_DISTRO.equals(o.parameters().get(ProbeId.FROM))).orElse(false);
        return Optional.of(new Finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.PROBLEM, confidence,
                Words.get("finding.DSCP_MARKED_SYN_DROPPED.title", obs.target().host()),
                Words.get(inDistro ? "finding.DSCP_MARKED_SYN_DROPPED.explanation.inDistro" : "finding.DSCP_MARKED_SYN_DROPPED.explanation",
                        obs.target(), waitText) + " "
                        + (inDistro ? Words.get("finding.DSCP_MARKED_SYN_DROPPED.windowsWorks") + " " : "")
                        + Words.get("finding.DSCP_MARKED_SYN_DROPPED.fixIt"),
                evidence, fixes(obs)));
    }

    /**
     * The target is no SSH server (a company web page on 443): the drop of marked SYNs is still
     * seen, so it is said, but as a note. Browsers, curl, git over HTTPS and package managers do
     * not mark their packets unless told to, so the drop does not explain trouble with this
     * service, and a card saying "the problem" would send the user after the wrong cause. The ssh
     * fix is not offered: the user did not ask about ssh to this machine.
     */
    private static Finding notSsh(Observations obs, ProbeData.MarkedConnects c, List<ConnectAttempt> dropped) {
        List<Evidence> evidence = new ArrayList<>();
        c.unmarked().ifPresent(u -> evidence.add(Evidence.of("Unmarked SYN to " + c.address() + ":" + c.port() + ": "
                + (u.result() == ConnectResult.CONNECTED ? "connected in " + u.millis() + " ms" : "answered (refused) in " + u.millis() + " ms"))));
        for (ConnectAttempt a : c.marked()) {
            evidence.add(Evidence.of(String.format("SYN marked %s (ToS 0x%02x): %s", a.marking().name(), a.marking().tos(),
                    a.result() == ConnectResult.TIMED_OUT ? "no answer within " + a.millis() + " ms" : a.result().name().toLowerCase() + " in " + a.millis() + " ms")));
        }
        String marks = String.join(", ", dropped.stream().map(a -> a.marking().name()).toList());
        return new Finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.INFO, Confidence.MEDIUM,
                Words.get("finding.DSCP_MARKED_SYN_DROPPED.title.notSsh", obs.target().host()),
                Words.get("finding.DSCP_MARKED_SYN_DROPPED.explanation.notSsh", obs.target().host(), obs.target().port(), marks),
                evidence, List.of());
    }

    /**
     * How long "no answer within N ms" waited and how often, from the marked-connect check's own
     * parameters (absent in results saved before it sent rounds): a help desk reading "300 ms"
     * alone would take one short try for the whole proof.
     */
    private static Optional<Evidence> rounds(Observations obs) {
        return obs.outcome(ProbeId.DSCP_CONNECT).map(o -> o.parameters()).filter(p -> p.containsKey("rounds") && p.containsKey("waitMillis")
                && p.containsKey("rttMillis") && !p.get("rttMillis").startsWith("-")).map(p -> Evidence.of(Words.get(
                "finding.DSCP_MARKED_SYN_DROPPED.rounds", p.get("rounds"), p.get("waitMillis"), p.get("rttMillis"))));
    }

    private static Finding fixedForSsh(Observations obs, Confidence confidence, String marks,
                                       Optional<ProbeData.OpenSshRuns> ssh, List<Evidence> evidence) {
        String host = obs.target().host();
        boolean connected = ssh.map(s -> s.attempts().stream()
                .anyMatch(a -> a.ipqos().equals("none") && a.result() == OpenSshAttempt.Result.KEY_EXCHANGE_DONE)).orElse(false);
        List<Evidence> all = new ArrayList<>();
        all.add(Evidence.of("Your ssh's settings for " + host + " (ssh -G): IPQoS none, so it does not mark its packets"));
        all.addAll(evidence);
        List<FixSuggestion> fixes = fixes(obs).stream().filter(f -> !f.id().equals(FixId.SSH_CONFIG_IPQOS_NONE)).toList();
        return new Finding(FindingId.DSCP_FIXED_FOR_SSH, Severity.WARNING, confidence,
                Words.get("finding.DSCP_FIXED_FOR_SSH.title", host),
                Words.get(connected ? "finding.DSCP_FIXED_FOR_SSH.connected" : "finding.DSCP_FIXED_FOR_SSH.shouldWork", host)
                        + " " + Words.get("finding.DSCP_FIXED_FOR_SSH.explanation", host)
                        + (fixes.isEmpty() ? "" : " " + Words.get("finding.DSCP_FIXED_FOR_SSH.mirrored")),
                all, fixes);
    }

    /**
     * WSL mode when the distro could not send marked SYNs itself (no python3 or perl there): the
     * user's own ssh inside the distro carries the contrast, connecting with IPQoS=none and
     * hanging with its marking. What the app sent from Windows is unmarked whatever it asked for
     * (Windows ignores IP_TOS on TCP), so it shows only that the path works: never that marked
     * packets get through.
     */
    private static Optional<Finding> fromWindowsContrast(Observations obs, ProbeData.MarkedConnects c) {
        Optional<ProbeData.OpenSshRuns> ssh = obs.data(ProbeData.OpenSshRuns.class);
        if (ssh.isEmpty()) {
            return Optional.empty();
        }
        List<OpenSshAttempt> runs = ssh.get().attempts();
        boolean plainWorks = runs.stream().anyMatch(a -> a.ipqos().equals("none") && a.result() == OpenSshAttempt.Result.KEY_EXCHANGE_DONE);
        List<OpenSshAttempt> markedHang = runs.stream()
                .filter(a -> !a.ipqos().equals("none") && a.result() == OpenSshAttempt.Result.CONNECT_TIMED_OUT).toList();
        if (!plainWorks || markedHang.isEmpty()) {
            return Optional.empty();
        }
        boolean fromWindows = obs.outcome(ProbeId.DSCP_CONNECT).map(o -> ProbeId.FROM_WINDOWS.equals(o.parameters().get(ProbeId.FROM))).orElse(false);
        boolean windowsBaseline = fromWindows && c.unmarked().map(a -> a.result().answered()).orElse(false);
        List<Evidence> evidence = new ArrayList<>();
        for (OpenSshAttempt a : runs) {
            evidence.add(a.run().asEvidence("Your ssh in WSL with IPQoS=" + a.ipqos() + ": " + a.result().name().toLowerCase().replace('_', ' ')));
        }
        if (fromWindows) {
            for (ConnectAttempt a : c.attempts()) {
                evidence.add(Evidence.of("From Windows, an unmarked SYN (Windows does not mark TCP packets): "
                        + (a.result().answered() ? "answered in " + a.millis() + " ms" : a.result().name().toLowerCase())));
            }
        }
        obs.synGiveUpSeconds().ifPresent(s -> evidence.add(Evidence.of("Without a ConnectTimeout, ssh waits about " + s
                + " s for an answer before giving up (tcp_syn_retries=" + obs.environment().tcpSynRetries() + ")")));
        String marks = String.join(", ", markedHang.stream().map(OpenSshAttempt::ipqos).distinct().toList());
        String userClass = obs.environment() == null || obs.environment().sshClient() == null
                ? null : obs.environment().sshClient().interactiveQos();
        if (DscpClass.parse(userClass).map(cl -> !cl.marked()).orElse(false)) {
            // the user's ssh in the distro, as configured now, does not mark: the fix is in place
            return Optional.of(fixedForSsh(obs, Confidence.HIGH, marks, ssh, evidence));
        }
        String baseline = windowsBaseline ? " " + Words.get("finding.DSCP_MARKED_SYN_DROPPED.windowsBaseline") : "";
        // Same program, same place, same moment, only the marking differs: proof enough, unless our own
        // marked connects (made here, on Linux) got through, which contradicts it. Where they got
        // through with the very marking ssh hung with, round after round, ssh's one SYN was lost
        // (a lossy link loses one in ten connects' first SYN and its resend one time in a hundred):
        // no drop of marked packets to speak of.
        boolean ownMarkedAnswered = c.marked().stream().anyMatch(a -> a.result().answered());
        boolean sameMarkingAnswered = c.marked().stream().anyMatch(a -> a.result().answered()
                && markedHang.stream().anyMatch(h -> DscpClass.parse(h.ipqos()).map(cl -> cl.tos() == a.marking().tos()).orElse(false)));
        if (sameMarkingAnswered) {
            return Optional.empty();
        }
        return Optional.of(new Finding(FindingId.DSCP_MARKED_SYN_DROPPED, Severity.PROBLEM, ownMarkedAnswered ? Confidence.MEDIUM : Confidence.HIGH,
                Words.get("finding.DSCP_MARKED_SYN_DROPPED.title", obs.target().host()),
                Words.get("finding.DSCP_MARKED_SYN_DROPPED.explanation.sshInWsl", obs.target()) + baseline
                        + " " + Words.get("finding.DSCP_MARKED_SYN_DROPPED.fixIt"),
                evidence, fixes(obs)));
    }

    private static List<FixSuggestion> fixes(Observations obs) {
        List<FixSuggestion> fixes = new ArrayList<>();
        fixes.add(Fixes.sshIpqosNone(obs.target()));
        WslFacts wsl = obs.environment() == null ? null : obs.environment().wsl();
        if (wsl != null && wsl.kind() == WslFacts.Kind.WSL2 && NetworkingMode.parse(wsl.networkingMode()).orElse(null) != NetworkingMode.MIRRORED) {
            fixes.add(Fixes.mirroredNetworking());
        }
        return fixes;
    }
}
