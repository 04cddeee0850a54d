// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Linux side of the app ends a command early when asked to ({@code runUntil}): one that
 * inherits the interface's default runs a marked ssh to its whole ConnectTimeout, and the wizard
 * (which reaches the distro through {@link dev.netdoctor.ui.ChosenDistro}) would wait 1.5 s longer
 * than the CLI for the same verdict.
 */
class LinuxSideWrappersTest {
    @Test
    void everySideOfTheAppEndsACommandEarlyItself() throws Exception {
        java.nio.file.Path classes = java.nio.file.Path.of(LinuxSide.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> sides = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(classes)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class")).toList()) {
                String name = classes.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, LinuxSide.class.getClassLoader());
                if (LinuxSide.class.isAssignableFrom(c) && !c.isInterface()) {
                    sides.add(c);
                }
            }
        }
        assertThat(sides).extracting(Class::getSimpleName).contains("LocalLinuxSide", "WslLinuxSide", "ChosenDistro");
        for (Class<?> side : sides) {
            assertThat(java.util.Arrays.stream(side.getDeclaredMethods()).map(java.lang.reflect.Method::getName))
                    .as(side.getName() + " declares runUntil").contains("runUntil");
        }
    }
}
