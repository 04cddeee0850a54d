// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.diagnosis;

import dev.netdoctor.testing.Environments;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;
import dev.netdoctor.model.HandshakeAttempt;
import dev.netdoctor.model.OpenSshAttempt;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ProbeStatus;
import dev.netdoctor.model.RouteLookup;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.WslFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds recorded-style observations for rule tests: what each lab scenario looks like. */
public final class Scenarios {
    static final List<String> CLASSES = List.of("lowdelay", "af21", "cs1", "ef", "throughput");

    final Target target;
    final String address;
    final List<ProbeOutcome> outcomes = new ArrayList<>();
    String userQos = "lowdelay";
    WslFacts wsl = new WslFacts(WslFacts.Kind.WSL2, "Ubuntu", "nat", "wslinfo --networking-mode", List.of());

    Scenarios(String address) {
        this.target = Target.parse(address);
        this.address = address;
    }

    public static ProbeOutcome outcome(ProbeId id, ProbeData data) {
        return new ProbeOutcome(id, id.id(), ProbeStatus.COMPLETED, id.id(), Map.of(), 0, 1, data, List.of(), null);
    }

    Scenarios ping(boolean answered) {
        outcomes.add(outcome(ProbeId.PING, new ProbeData.Ping(address, 3, answered ? 3 : 0, answered ? 0.2 : null)));
        return this;
    }

    Scenarios route(boolean found) {
        RouteLookup r = found ? new RouteLookup(address, null, null, "eth0", "198.18.1.1", "198.18.1.2", null, null, null)
                : new RouteLookup(address, null, null, null, null, null, null, null, "Network is unreachable");
        outcomes.add(outcome(ProbeId.ROUTES, new ProbeData.Routes(List.of(r), List.of())));
        return this;
    }

    Scenarios connects(ConnectResult unmarked, ConnectResult marked) {
        List<ConnectAttempt> attempts = new ArrayList<>();
        attempts.add(new ConnectAttempt(DscpClass.UNMARKED, unmarked, 5, null));
        for (String c : CLASSES) {
            ConnectResult r = marked;
            if (c.equals("__")) {
                r = unmarked;
            }
            attempts.add(new ConnectAttempt(DscpClass.parse(c).orElseThrow(), r, r == ConnectResult.TIMED_OUT ? 2000 : 5, null));
        }
        outcomes.add(outcome(ProbeId.DSCP_CONNECT, new ProbeData.MarkedConnects(address, target.port(), attempts)));
        return this;
    }

    /** From Windows when the distro could not send marked SYNs: one unmarked connect (Windows never marks), from "Windows". */
    Scenarios unmarkedFromWindows(ConnectResult unmarked) {
        List<ConnectAttempt> attempts = List.of(new ConnectAttempt(DscpClass.UNMARKED, unmarked, 5, null));
        outcomes.add(new ProbeOutcome(ProbeId.DSCP_CONNECT, ProbeId.DSCP_CONNECT.id(), dev.netdoctor.model.ProbeStatus.COMPLETED, "",
                java.util.Map.of("from", "Windows"), 0, 1, new ProbeData.MarkedConnects(address, target.port(), attempts), List.of(), null));
        return this;
    }

    /** Marked and unmarked connects made inside the distro while the app runs on Windows. */
    Scenarios connectsInDistro(ConnectResult unmarked, ConnectResult marked) {
        connects(unmarked, marked);
        ProbeOutcome o = outcomes.removeLast();
        outcomes.add(new ProbeOutcome(o.probeId(), o.title(), o.status(), o.summary(), java.util.Map.of("from", "the WSL distro"),
                0, 1, o.data(), List.of(), null));
        return this;
    }

    Scenarios connectsOnlyClassDropped(String dropped) {
        List<ConnectAttempt> attempts = new ArrayList<>();
        attempts.add(new ConnectAttempt(DscpClass.UNMARKED, ConnectResult.CONNECTED, 5, null));
        for (String c : CLASSES) {
            ConnectResult r = c.equals(dropped) ? ConnectResult.TIMED_OUT : ConnectResult.CONNECTED;
            attempts.add(new ConnectAttempt(DscpClass.parse(c).orElseThrow(), r, 5, null));
        }
        outcomes.add(outcome(ProbeId.DSCP_CONNECT, new ProbeData.MarkedConnects(address, target.port(), attempts)));
        return this;
    }

    Scenarios handshakes(boolean unmarkedDone, HandshakeAttempt.Stage markedReached) {
        DscpClass user = DscpClass.parse(userQos).orElseThrow();
        outcomes.add(outcome(ProbeId.SSH_HANDSHAKE, new ProbeData.SshHandshakes(address, target.port(), List.of(
                new HandshakeAttempt(DscpClass.UNMARKED, unmarkedDone ? HandshakeAttempt.Stage.KEY_EXCHANGE_DONE : HandshakeAttempt.Stage.KEY_EXCHANGE_STARTED,
                        unmarkedDone, 200, "SSH-2.0-OpenSSH_9.2p1", "curve25519-sha256", "ssh-ed25519", "SHA256:x", null),
                new HandshakeAttempt(user, markedReached, markedReached == HandshakeAttempt.Stage.KEY_EXCHANGE_DONE, 2000,
                        null, null, null, null, "timeout")))));
        return this;
    }

    /** Both handshakes, unmarked and marked, stop at the same stage. */
    Scenarios handshakesStopAt(HandshakeAttempt.Stage reached) {
        DscpClass user = DscpClass.parse(userQos).orElseThrow();
        outcomes.add(outcome(ProbeId.SSH_HANDSHAKE, new ProbeData.SshHandshakes(address, target.port(), List.of(
                new HandshakeAttempt(DscpClass.UNMARKED, reached, false, 2000, null, null, null, null, "timeout"),
                new HandshakeAttempt(user, reached, false, 2000, null, null, null, null, "timeout")))));
        return this;
    }

    Scenarios openssh(OpenSshAttempt.Result none, OpenSshAttempt.Result marked) {
        return openssh(userQos, none, marked);
    }

    /** The user's ssh with IPQoS=none and with {@code markedClass} (the probe's af21 when the user's ssh does not mark). */
    Scenarios openssh(String markedClass, OpenSshAttempt.Result none, OpenSshAttempt.Result marked) {
        CommandRun run = new CommandRun(List.of("ssh", "-v"), 255, "", "debug1: ...", 100, false, false, false);
        outcomes.add(outcome(ProbeId.OPENSSH_CLIENT, new ProbeData.OpenSshRuns("OpenSSH_9.2p1", List.of(
                new OpenSshAttempt("none", none, 100, null, run), new OpenSshAttempt(markedClass, marked, 2000, null, run)))));
        return this;
    }

    Scenarios pathMtu(Integer largest, Integer smallestLost) {
        outcomes.add(outcome(ProbeId.PATH_MTU, new ProbeData.PathMtu(address, 1500, largest, smallestLost, List.of(1472, 1172, 972))));
        return this;
    }

    Environment environment() {
        return Environments.linux().kernel("6.6.87.2-microsoft-standard-WSL2").wsl(wsl).defaultGateway("198.18.1.1")
                .sshClient(Environments.ssh(userQos, "throughput")).build();
    }
}
