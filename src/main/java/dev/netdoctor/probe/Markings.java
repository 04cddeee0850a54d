// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.DscpClass;
import dev.netdoctor.model.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which packet markings to compare: none, what the user's ssh will use, and the usual suspects. */
public final class Markings {
    /** Classes OpenSSH releases and distributions have used as defaults. */
    static final List<String> USUAL = List.of("af21", "cs1", "ef", "lowdelay", "throughput");

    private Markings() {
    }

    /** Unmarked first, then the user's ssh class for this host, then the others; one per ToS byte. */
    public static List<DscpClass> toCompare(Environment environment) {
        List<DscpClass> result = new ArrayList<>();
        result.add(DscpClass.UNMARKED);
        userClass(environment).ifPresent(result::add);
        USUAL.forEach(name -> DscpClass.parse(name).ifPresent(result::add));
        List<DscpClass> unique = new ArrayList<>();
        for (DscpClass c : result) {
            if (unique.stream().noneMatch(u -> u.tos() == c.tos())) {
                unique.add(c);
            }
        }
        return unique;
    }

    /** The class the user's ssh marks its connection with for this target, if it marks at all. */
    public static Optional<DscpClass> userClass(Environment environment) {
        if (environment == null || environment.sshClient() == null) {
            return Optional.empty();
        }
        return DscpClass.parse(environment.sshClient().interactiveQos()).filter(DscpClass::marked);
    }
}
