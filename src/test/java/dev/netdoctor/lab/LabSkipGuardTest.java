// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every lab IT asks {@link Lab#reasonToSkip()}, never {@link Lab#unavailableReason()} itself:
 * only the first fails where the lab must run, so a lab test that skips on its own could
 * quietly pass a CI build that never ran it. Read from the compiled test classes (lambdas and
 * nested classes count for their top-level class).
 */
class LabSkipGuardTest {
    private static final Path LAB_CLASSES = Path.of("target/test-classes/dev/netdoctor/lab");
    private static final String LAB = "dev/netdoctor/lab/Lab";

    @Test
    void everyLabItSkipsOnlyThroughReasonToSkip() throws IOException {
        Map<String, Set<String>> labCalls = new TreeMap<>();
        try (Stream<Path> s = Files.list(LAB_CLASSES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).toList()) {
                ClassModel model = ClassFile.of().parse(Files.readAllBytes(p));
                String name = model.thisClass().asInternalName();
                String top = name.substring(name.lastIndexOf('/') + 1).split("\\$")[0];
                if (!top.endsWith("IT")) {
                    continue;
                }
                Set<String> calls = labCalls.computeIfAbsent(top, k -> new TreeSet<>());
                for (MethodModel m : model.methods()) {
                    m.code().ifPresent(code -> code.forEach(e -> {
                        if (e instanceof InvokeInstruction i && i.owner().asInternalName().equals(LAB)) {
                            calls.add(i.name().stringValue());
                        }
                        // the plain user's preamble for lab ITs asks it for them (checked below)
                        if (e instanceof InvokeInstruction i && i.owner().asInternalName().equals(LAB + "$PlainUser")
                                && i.name().stringValue().equals("forLabTests")) {
                            calls.add("reasonToSkip");
                        }
                    }));
                }
            }
        }
        assertThat(labCalls).as("lab ITs compiled under " + LAB_CLASSES).containsKey("DiagnoseLabIT");
        // Lab.PlainUser.forLabTests counts as asking only because it asks itself
        ClassModel plainUser = ClassFile.of().parse(Files.readAllBytes(LAB_CLASSES.resolve("Lab$PlainUser.class")));
        assertThat(plainUser.methods().stream().filter(m -> m.methodName().stringValue().equals("forLabTests"))
                .flatMap(m -> m.code().stream()).flatMap(code -> code.elementStream())
                .anyMatch(e -> e instanceof InvokeInstruction i && i.owner().asInternalName().equals(LAB)
                        && i.name().stringValue().equals("reasonToSkip")))
                .as("Lab.PlainUser.forLabTests asks Lab.reasonToSkip()").isTrue();
        List<String> problems = new ArrayList<>();
        labCalls.forEach((it, calls) -> {
            if (calls.contains("unavailableReason")) {
                problems.add(it + " calls Lab.unavailableReason(): use Lab.reasonToSkip(), which fails where the lab must run");
            }
            if (calls.contains("up") && !calls.contains("reasonToSkip")) {
                problems.add(it + " brings a lab up but never asks Lab.reasonToSkip()");
            }
        });
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
    }
}
