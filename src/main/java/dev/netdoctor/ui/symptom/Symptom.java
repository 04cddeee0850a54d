// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.symptom;

import dev.netdoctor.model.Target;
import dev.netdoctor.ui.Texts;

/**
 * The first question of the wizard, in the user's words (texts in words.properties). The order
 * is the order on the page and of the keyboard: group by group, "Not sure" last.
 */
public enum Symptom {
    SSH_HANGS(Group.FROM_WSL_OUT),
    WSL_CANT_REACH_WINDOWS_PROGRAM(Group.FROM_WSL_OUT),
    NOTHING_WORKS_ON_VPN(Group.FROM_WSL_OUT),
    NAMES_DONT_RESOLVE(Group.NAMES),
    COMPANY_NAMES_DONT_RESOLVE(Group.NAMES),
    BROWSER_CANT_OPEN_WSL_APP(Group.INTO_WSL),
    OTHER_DEVICES_CANT_REACH_WSL_APP(Group.INTO_WSL),
    OWN_PORT_UNREACHABLE(Group.INTO_WSL),
    SETTING_DOES_NOTHING(Group.SETTINGS),
    NOT_SURE(Group.NOT_SURE);

    /**
     * Which way the trouble goes, as the first page groups it: with ten choices a user finds
     * theirs by the direction first ("from WSL out", "into WSL"), then by the words.
     */
    public enum Group {
        FROM_WSL_OUT("symptom.group.fromWslOut"),
        NAMES("symptom.group.names"),
        INTO_WSL("symptom.group.intoWsl"),
        SETTINGS("symptom.group.settings"),
        NOT_SURE("symptom.group.notSure");

        // Spelt out, not built from name(): every key the wizard asks for is a constant MessageKeysTest can see.
        private final String key;

        Group(String key) {
            this.key = key;
        }

        public String title() {
            return Texts.get(key);
        }
    }

    private final Group group;

    Symptom(Group group) {
        this.group = group;
    }

    public Group group() {
        return group;
    }

    /** Whether the step asks for a machine (a name or an address; for names, a name). */
    public boolean asksForTarget() {
        return this == SSH_HANGS || this == NAMES_DONT_RESOLVE || this == NOT_SURE || asksAboutVpn();
    }

    /** Whether the machine must be given: the symptom is about reaching (or looking up) that one. */
    public boolean needsTarget() {
        return asksForTarget() && this != NOT_SURE;
    }

    /** Whether the machine asked for must be a name, not an address: the question is its lookup. */
    public boolean asksForName() {
        return this == NAMES_DONT_RESOLVE || this == COMPANY_NAMES_DONT_RESOLVE;
    }

    /**
     * Whether the machine's port has a field of its own. Where the port matters less than the
     * machine (a name lookup, a VPN that stops everything) a port can be written in the host
     * ({@code host:port}) and otherwise is {@link #defaultPort()}.
     */
    public boolean hasPortField() {
        return this == SSH_HANGS || this == NOT_SURE;
    }

    /**
     * The machine's port when none is given. With a VPN on, what users reach on Windows is most
     * often a company web page or service (443); a port Windows does not answer on would hide
     * that Windows reaches the machine at all, which is what tells a VPN that takes WSL's
     * traffic apart from a machine that is down.
     */
    public int defaultPort() {
        return asksAboutVpn() ? 443 : Target.DEFAULT_SSH_PORT;
    }

    /** The two questions about a VPN on Windows: everything stops, or its company names do not resolve in WSL. */
    public boolean asksAboutVpn() {
        return this == NOTHING_WORKS_ON_VPN || this == COMPANY_NAMES_DONT_RESOLVE;
    }

    /** Whether the step asks for the port of the user's own app or service (in WSL, or on this computer). */
    public boolean asksForServicePort() {
        return this == OWN_PORT_UNREACHABLE || this == BROWSER_CANT_OPEN_WSL_APP || this == OTHER_DEVICES_CANT_REACH_WSL_APP
                || this == NOT_SURE;
    }

    /** Whether the service port must be given: the symptom is about that one app. */
    public boolean needsServicePort() {
        return asksForServicePort() && this != NOT_SURE;
    }

    /** Whether the step asks for the port of a program on Windows that WSL should reach. */
    public boolean asksForWindowsPort() {
        return this == WSL_CANT_REACH_WINDOWS_PROGRAM;
    }

    /**
     * Whether the step offers the outside check (another machine reached over SSH). For "other
     * devices" it is the only proof: Windows' own traffic into WSL skips the firewall that stops them.
     */
    public boolean offersOutsideCheck() {
        return this == OWN_PORT_UNREACHABLE || this == OTHER_DEVICES_CANT_REACH_WSL_APP || this == NOT_SURE;
    }

    /** Whether the user's ssh and its IPQoS belong on "Your system": they do where ssh may be the program that fails. */
    public boolean sshMatters() {
        return this == SSH_HANGS || this == NAMES_DONT_RESOLVE || this == SETTING_DOES_NOTHING || this == NOT_SURE;
    }

    public String title() {
        return Texts.get("symptom." + name() + ".title");
    }

    public String description() {
        return Texts.get("symptom." + name() + ".detail");
    }
}
