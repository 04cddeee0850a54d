// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.host.LocalLinuxSide;
import dev.netdoctor.host.WslDistroAccess;
import dev.netdoctor.host.WslLinuxSide;

/**
 * Never used: compiled only so that ArchitectureRulesTest can feed real javac output to the
 * rule that the side is decided in host. It asks which side a LinuxSide is in each way the
 * wiring used to ask (an instanceof pattern, a cast, a switch over types, a test for the
 * capability by type), from a package outside host.
 */
final class PlantedSideQuestion {
    private PlantedSideQuestion() {
    }

    static String byInstanceof(LinuxSide side) {
        return side instanceof WslLinuxSide distro ? distro.distro() : "";
    }

    static LocalLinuxSide byCast(LinuxSide side) {
        return (LocalLinuxSide) side;
    }

    static String bySwitch(LinuxSide side) {
        return switch (side) {
            case WslLinuxSide distro -> distro.distro();
            default -> "";
        };
    }

    static boolean byCapabilityType(Object side) {
        return side instanceof WslDistroAccess;
    }
}
