// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.model;

import java.util.List;
import java.util.Objects;

/**
 * What applying a fix would change, as a type: the diagnosis says what to write, the fix layer
 * and the wizard read the same fields. A plan's record components are its parameters in JSON
 * ({@code report.FixSuggestionJson} names them by the component, in kebab case, and reads them back
 * into the record), so a component's name is part of the result's contract; a component is a
 * {@code String} or a {@link FindingId}. Which plan a fix carries is said once, by its
 * {@link FixId}. A plan that writes nothing is {@link ByHand}: the user follows the steps in the
 * fix's text.
 *
 * <p>The plans are kinds of file, not fixes: every fix that sets one setting in .wslconfig is a
 * {@link WslconfigSetting}, so such a fix needs no new plan, wiring, edit or oracle.
 */
public sealed interface FixPlan {
    /** {@code IPQoS none} in the user's ssh config, for the Host pattern that covers {@code target}. */
    record SshIpqosNone(String pattern, String target) implements FixPlan {
        public SshIpqosNone {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(target, "target");
        }

        /** The command that tries the fix once, changing no file. */
        public String tryOnceCommand() {
            return "ssh -o IPQoS=none " + target;
        }
    }

    /**
     * One setting of Windows' .wslconfig, effective after WSL restarts: {@code setting} as WSL's
     * own table names it ({@code wsl2.networkingMode}, {@code experimental.hostAddressLoopback}),
     * {@code value} as written. Whether WSL knows the setting and accepts the value is decided where
     * the file is edited, by WSL's key table ({@code config.ConfigKeys}); here only what could never
     * be one line of the file is refused.
     */
    record WslconfigSetting(String setting, String value) implements FixPlan {
        public WslconfigSetting {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(value, "value");
            if (!setting.matches("[A-Za-z0-9]+\\.[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("not a section.name setting: " + setting);
            }
            if (value.isBlank() || value.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("not a one-line value: " + value);
            }
        }

        /** {@code networkingMode} in {@code [wsl2]}. */
        public static WslconfigSetting networkingMode(NetworkingMode mode) {
            return new WslconfigSetting("wsl2.networkingMode", mode.value());
        }

        /** {@code dnsTunneling=true} in {@code [wsl2]}. */
        public static WslconfigSetting dnsTunnelingOn() {
            return new WslconfigSetting("wsl2.dnsTunneling", "true");
        }
    }

    /**
     * {@code [network] generateResolvConf} back to true in the distro's /etc/wsl.conf (a file of
     * root's), so WSL writes /etc/resolv.conf again when it restarts.
     */
    record LetWslWriteResolvConf() implements FixPlan {
    }

    /**
     * Rewrites every line of one finding in one settings file the way WSL would read what was
     * meant. {@code file} is {@link ConfigFileCheck#WSLCONFIG} or {@link ConfigFileCheck#WSL_CONF}
     * (the names JSON carries); {@code finding} the finding id whose lines are rewritten.
     */
    record RewriteConfigLines(String file, FindingId finding) implements FixPlan {
        /** The files a rewrite may name. */
        public static final List<String> FILES = List.of(ConfigFileCheck.WSLCONFIG, ConfigFileCheck.WSL_CONF);

        public RewriteConfigLines {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(finding, "finding");
            if (!FILES.contains(file)) {
                throw new IllegalArgumentException("not a settings file WSL reads: " + file);
            }
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
