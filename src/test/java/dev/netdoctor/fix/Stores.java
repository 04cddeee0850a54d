// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.WslLinuxSide;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The two places a fix writes: this computer's disk, and a WSL distro reached through
 * wsl.exe (src/test/lab/fake-wsl.exe, which runs the commands right here, so a temp folder
 * serves as the distro's files). The safety guarantees must hold in both.
 */
final class Stores {
    static final String FAKE_WSL = Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();

    private Stores() {
    }

    static Stream<Named<ConfigFiles>> both() {
        return Stream.of(Named.of("on this computer", new LocalConfigFiles(Path.of("/nonexistent-home"))),
                Named.of("in a WSL distro", new DistroConfigFiles(new WslLinuxSide(FAKE_WSL, "Lab"))));
    }

    /** A test run once per store, given the store as its parameter. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.netdoctor.fix.Stores#both")
    @interface Both {
    }
}
