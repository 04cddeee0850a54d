// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.details;

import dev.netdoctor.model.DiagnosisRequest;
import dev.netdoctor.model.InvalidInputException;
import dev.netdoctor.model.Target;
import dev.netdoctor.model.VantageRequest;
import dev.netdoctor.ui.Texts;
import dev.netdoctor.ui.symptom.Symptom;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Details step: what to check, validated as the user types, with the message shown next
 * to each field. The engine's own rules decide what is valid; nothing here is looser.
 */
public final class DetailsViewModel {
    private final ObjectProperty<Symptom> symptom;
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty servicePorts = new SimpleStringProperty("");
    private final StringProperty windowsPorts = new SimpleStringProperty("");
    private final StringProperty vantage = new SimpleStringProperty("");
    private final StringProperty identity = new SimpleStringProperty("");
    private final StringProperty acceptedFingerprint = new SimpleStringProperty("");

    private final StringBinding hostError;
    private final StringBinding portError;
    private final StringBinding servicePortError;
    private final StringBinding windowsPortError;
    private final StringBinding vantageError;
    private final StringBinding identityError;
    private final BooleanBinding valid;

    public DetailsViewModel(ObjectProperty<Symptom> symptom) {
        this.symptom = symptom;
        // Each field is checked only while the chosen symptom shows it: text typed for another
        // symptom (then Back, another choice) neither blocks Next unseen nor slips into the request.
        hostError = Bindings.createStringBinding(this::checkHost, host, port, symptom);
        portError = Bindings.createStringBinding(this::checkPort, port, host, symptom);
        servicePortError = Bindings.createStringBinding(this::checkServicePorts, servicePorts, symptom, vantage);
        windowsPortError = Bindings.createStringBinding(this::checkWindowsPorts, windowsPorts, symptom);
        vantageError = Bindings.createStringBinding(this::checkVantage, vantage, acceptedFingerprint, symptom);
        identityError = Bindings.createStringBinding(this::checkIdentity, identity, vantage, symptom);
        valid = Bindings.createBooleanBinding(() -> hostError.get().isEmpty() && portError.get().isEmpty()
                        && servicePortError.get().isEmpty() && windowsPortError.get().isEmpty()
                        && vantageError.get().isEmpty() && identityError.get().isEmpty(),
                hostError, portError, servicePortError, windowsPortError, vantageError, identityError);
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty servicePortsProperty() {
        return servicePorts;
    }

    /** Ports of programs on Windows that WSL should reach ("WSL can't reach a program on Windows"). */
    public StringProperty windowsPortsProperty() {
        return windowsPorts;
    }

    public StringProperty vantageProperty() {
        return vantage;
    }

    public StringProperty identityProperty() {
        return identity;
    }

    public StringProperty acceptedFingerprintProperty() {
        return acceptedFingerprint;
    }

    public StringBinding hostErrorProperty() {
        return hostError;
    }

    public StringBinding portErrorProperty() {
        return portError;
    }

    public StringBinding servicePortErrorProperty() {
        return servicePortError;
    }

    public StringBinding windowsPortErrorProperty() {
        return windowsPortError;
    }

    public StringBinding vantageErrorProperty() {
        return vantageError;
    }

    public StringBinding identityErrorProperty() {
        return identityError;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    private boolean asks(java.util.function.Predicate<Symptom> field) {
        return symptom.get() != null && field.test(symptom.get());
    }

    private String checkHost() {
        if (!asks(Symptom::asksForTarget)) {
            return "";
        }
        String h = host.get().strip();
        if (h.isEmpty()) {
            return asks(Symptom::needsTarget) ? Texts.get(switch (symptom.get()) {
                case NAMES_DONT_RESOLVE -> "details.name.required";
                case NOTHING_WORKS_ON_VPN -> "details.vpn.required";
                case COMPANY_NAMES_DONT_RESOLVE -> "details.company.required";
                default -> "details.host.required";
            }) : "";
        }
        try {
            Target t = Target.parse(h, symptom.get().defaultPort());
            // For a name lookup an address proves nothing: the question is a name.
            if (asks(Symptom::asksForName) && t.isIpLiteral()) {
                return Texts.get(symptom.get() == Symptom.COMPANY_NAMES_DONT_RESOLVE ? "details.company.notAnAddress" : "details.name.notAnAddress", t.host());
            }
            return "";
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    private String checkPort() {
        if (!asks(Symptom::hasPortField) || host.get().isBlank() && port.get().isBlank()) {
            return "";
        }
        int fieldPort;
        try {
            fieldPort = Target.parsePort(port.get().strip());
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
        // host:2222 with Port 22 used to take the host's port without a word; the two must agree.
        return portInHost().filter(p -> p != fieldPort).map(p -> Texts.get("details.port.conflict", String.valueOf(p), String.valueOf(fieldPort))).orElse("");
    }

    /** The port the host text names itself (host:2222, [v6]:2222), if it names one. */
    private java.util.Optional<Integer> portInHost() {
        String h = host.get().strip();
        try {
            // Parsed with two different defaults: a port that survives both was written in the host.
            int a = Target.parse(h, 1).port();
            int b = Target.parse(h, 2).port();
            return a == b ? java.util.Optional.of(a) : java.util.Optional.empty();
        } catch (InvalidInputException e) {
            return java.util.Optional.empty(); // the host's own error is shown under the host
        }
    }

    private String checkServicePorts() {
        if (!asks(Symptom::asksForServicePort)) {
            return "";
        }
        try {
            List<Integer> ports = parsePorts(servicePorts.get());
            if (ports.isEmpty() && asks(Symptom::needsServicePort)) {
                return Texts.get(symptom.get() == Symptom.OWN_PORT_UNREACHABLE ? "details.service.required" : "details.app.required");
            }
            if (ports.isEmpty() && asks(Symptom::offersOutsideCheck) && !vantage.get().isBlank()) {
                return Texts.get("details.service.forVantage");
            }
            return "";
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    private String checkWindowsPorts() {
        if (!asks(Symptom::asksForWindowsPort)) {
            return "";
        }
        try {
            return parsePorts(windowsPorts.get()).isEmpty() ? Texts.get("details.windows.required") : "";
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    private String checkVantage() {
        if (!asks(Symptom::offersOutsideCheck) || vantage.get().isBlank()) {
            return "";
        }
        try {
            VantageRequest.parse(vantage.get().strip(), null, blankToNull(acceptedFingerprint.get()));
            return "";
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }

    private String checkIdentity() {
        String f = identity.get().strip();
        if (!asks(Symptom::offersOutsideCheck) || f.isEmpty()) {
            return "";
        }
        Path p = Path.of(f);
        return Files.isRegularFile(p) && Files.isReadable(p) ? "" : Texts.get("details.identity.unreadable", f);
    }

    /** Comma- or space-separated port numbers. */
    private static List<Integer> parsePorts(String text) {
        List<Integer> ports = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isEmpty()) {
                ports.add(Target.parsePort(part));
            }
        }
        return ports;
    }

    /** The request for the engine; only called when {@link #validProperty()} is true. */
    public DiagnosisRequest toRequest() {
        // Only what this symptom's page shows: the fields keep what was typed for another symptom.
        // Without a Port field on the page, a port is written in the host or it is the symptom's own.
        Target target = !asks(Symptom::asksForTarget) || host.get().isBlank() ? null
                : Target.parse(host.get().strip(), asks(Symptom::hasPortField) ? Target.parsePort(port.get().strip()) : symptom.get().defaultPort());
        VantageRequest v = !asks(Symptom::offersOutsideCheck) || vantage.get().isBlank() ? null : VantageRequest.parse(vantage.get().strip(),
                blankToNull(identity.get().strip()), blankToNull(acceptedFingerprint.get()));
        List<Integer> service = asks(Symptom::asksForServicePort) ? parsePorts(servicePorts.get()) : List.of();
        List<Integer> windows = asks(Symptom::asksForWindowsPort) ? parsePorts(windowsPorts.get()) : List.of();
        DiagnosisRequest request = new DiagnosisRequest(target, service, v, null, null).withWindowsPorts(windows);
        if (target != null && symptom.get().asksAboutVpn()) {
            // The VPN questions are about a company machine, most often its web pages on 443: a
            // web server waits for the client to speak, and the SSH checks would take that for an
            // SSH server that never greets. Port 22 is still asked about as SSH.
            request = request.withSshTarget(target.port() == Target.DEFAULT_SSH_PORT);
        }
        if (symptom.get() == Symptom.OTHER_DEVICES_CANT_REACH_WSL_APP) {
            // The question is other devices even without another machine: the run then says it cannot prove it.
            request = request.withOtherDevices();
        }
        // "Not sure" without a machine: check what trouble most often is, the way out of this computer.
        return symptom.get() == Symptom.NOT_SURE ? request.withWayOut() : request;
    }

    /**
     * Fills the fields from a remembered target ("host:port"). A page without a Port field keeps
     * the port in the host, unless it is the one that page uses anyway.
     */
    public void useRecent(String recent) {
        try {
            Target t = Target.parse(recent);
            if (symptom.get() == null || symptom.get().hasPortField()) {
                host.set(t.host());
                port.set(Integer.toString(t.port()));
            } else {
                host.set(t.port() == symptom.get().defaultPort() ? t.host() : t.toString());
            }
        } catch (InvalidInputException e) {
            host.set(recent);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
