// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.Objects;

/**
 * What applying a fix would change, as a type: the diagnosis says what to write, the fix layer
 * and the wizard read the same fields, and the JSON schema's {@code parameters} are made from it in
 * one place ({@code report.JsonReport}). A plan that writes nothing is {@link ByHand}: the user
 * follows the steps in the fix's text.
 */
public sealed interface FixPlan {
    /** {@code IPQoS none} in the user's ssh config, for the Host pattern that covers {@code target}. */
    record SshIpqosNone(String hostPattern, String target) implements FixPlan {
        public SshIpqosNone {
            Objects.requireNonNull(hostPattern, "hostPattern");
            Objects.requireNonNull(target, "target");
        }

        /** The command that tries the fix once, changing no file. */
        public String tryOnceCommand() {
            return "ssh -o IPQoS=none " + target;
        }
    }

    /** {@code networkingMode} in {@code [wsl2]} of .wslconfig, effective after WSL restarts. */
    record WslNetworkingMode(NetworkingMode mode) implements FixPlan {
        public WslNetworkingMode {
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** {@code dnsTunneling=true} in {@code [wsl2]} of .wslconfig, effective after WSL restarts. */
    record WslDnsTunneling() implements FixPlan {
    }

    /**
     * {@code [network] generateResolvConf} back to true in the distro's /etc/wsl.conf (a file of
     * root's), so WSL writes /etc/resolv.conf again when it restarts.
     */
    record LetWslWriteResolvConf() implements FixPlan {
    }

    /**
     * Rewrites every line of one finding in one settings file the way WSL would read what was
     * meant. {@code file} is {@link ConfigFileCheck#WSLCONFIG} or {@link ConfigFileCheck#WSL_CONF};
     * {@code finding} the finding id whose lines are rewritten.
     */
    record RewriteConfigLines(String file, FindingId finding) implements FixPlan {
        public RewriteConfigLines {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(finding, "finding");
        }
    }

    /** Nothing to write: steps the user follows, in the fix's own words. */
    record ByHand() implements FixPlan {
    }

    FixPlan BY_HAND = new ByHand();

    /** Whether applying it writes a file (and so has a preview, a check and an undo). */
    default boolean writesAFile() {
        return !(this instanceof ByHand);
    }
}
