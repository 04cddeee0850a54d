// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor;

import dev.netdoctor.ArchitectureRules.Rule;
import dev.netdoctor.ArchitectureRules.Violation;
import org.junit.jupiter.api.Test;

import java.lang.classfile.Annotation;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Signature;
import java.lang.classfile.attribute.RuntimeInvisibleAnnotationsAttribute;
import java.lang.classfile.attribute.SignatureAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import java.util.function.Consumer;

import static java.lang.constant.ConstantDescs.CD_String;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule of {@link ArchitectureRules} can fail: synthetic class files, built with the
 * class-file API and never written to target/classes, break one rule each, in the ways source
 * imports never showed (fully qualified calls, a type only in a descriptor, a generic signature
 * or an annotation, a method reference).
 */
class ArchitectureRulesTest {
    private static final ClassDesc PLATFORM = ClassDesc.of("javafx.application.Platform");
    private static final ClassDesc RUNNABLE = ClassDesc.of("java.lang.Runnable");
    private static final ClassDesc SYSTEM = ClassDesc.of("java.lang.System");
    private static final ClassDesc PRINT_STREAM = ClassDesc.of("java.io.PrintStream");
    private static final MethodTypeDesc VOID = MethodTypeDesc.of(CD_void);

    @Test
    void aFullyQualifiedCallUpTheTableBreaksTheLayers() {
        assertOnly(check("dev.netdoctor.model.Planted", invokesStatic(ClassDesc.of("dev.netdoctor.host.LinuxSide"), "local", VOID)),
                Rule.LAYERS, "dev.netdoctor.model.Planted", "dev.netdoctor.host.LinuxSide");
    }

    @Test
    void aTypeOnlyInAFieldDescriptorBreaksTheLayers() {
        List<Violation> v = check("dev.netdoctor.model.Planted",
                cb -> cb.withField("session", ClassDesc.of("dev.netdoctor.session.DiagnosisSession"), ClassFile.ACC_PRIVATE));
        assertOnly(v, Rule.LAYERS, "dev.netdoctor.model.Planted", "dev.netdoctor.session.DiagnosisSession");
        assertThat(v.getFirst().where()).contains("field session");
    }

    @Test
    void aTypeOnlyInAGenericSignatureBreaksTheLayers() {
        List<Violation> v = check("dev.netdoctor.diagnosis.Planted", cb -> cb.withField("probes", ClassDesc.of("java.util.List"),
                fb -> fb.with(SignatureAttribute.of(Signature.parseFrom("Ljava/util/List<Ldev/netdoctor/probe/Probe;>;")))));
        assertOnly(v, Rule.LAYERS, "dev.netdoctor.diagnosis.Planted", "dev.netdoctor.probe.Probe");
        assertThat(v.getFirst().where()).contains("generic signature");
    }

    @Test
    void anAnnotationBreaksTheLayers() {
        assertOnly(check("dev.netdoctor.report.Planted", cb -> cb.with(RuntimeInvisibleAnnotationsAttribute.of(
                        Annotation.of(ClassDesc.of("dev.netdoctor.fix.Marker"))))),
                Rule.LAYERS, "dev.netdoctor.report.Planted", "dev.netdoctor.fix.Marker");
    }

    @Test
    void sidewaysAndUpwardsBreakTheLayers() {
        assertOnly(check("dev.netdoctor.probe.Planted", invokesStatic(ClassDesc.of("dev.netdoctor.diagnosis.Diagnoser"), "x", VOID)),
                Rule.LAYERS, "dev.netdoctor.probe.Planted", "dev.netdoctor.diagnosis.Diagnoser");
        assertOnly(check("dev.netdoctor.cli.Planted", invokesStatic(ClassDesc.of("dev.netdoctor.ui.Texts"), "x", VOID)),
                Rule.LAYERS, "dev.netdoctor.cli.Planted", "dev.netdoctor.ui.Texts");
        assertOnly(check("dev.netdoctor.ui.Planted", invokesStatic(ClassDesc.of("dev.netdoctor.cli.Cli"), "x", VOID)),
                Rule.LAYERS, "dev.netdoctor.ui.Planted", "dev.netdoctor.cli.Cli");
    }

    @Test
    void nobodyUsesTheLauncher() {
        assertOnly(check("dev.netdoctor.session.Planted", invokesStatic(ClassDesc.of("dev.netdoctor.Main"), "x", VOID)),
                Rule.LAYERS, "dev.netdoctor.session.Planted", "dev.netdoctor.Main");
    }

    @Test
    void aPackageOutsideTheTableIsReported() {
        assertOnly(check("dev.netdoctor.util.Helper", cb -> { }), Rule.KNOWN_PACKAGES, "dev.netdoctor.util.Helper", "dev.netdoctor.util");
    }

    @Test
    void platformRunLaterOutsideTheUiBreaksTheJavaFxRule() {
        assertOnly(check("dev.netdoctor.host.Planted", invokesStatic(PLATFORM, "runLater", MethodTypeDesc.of(CD_void, RUNNABLE))),
                Rule.JAVAFX_ONLY_IN_UI, "dev.netdoctor.host.Planted", "javafx.application.Platform");
        assertOnly(check("dev.netdoctor.report.Planted", cb -> cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC,
                        code -> code.getstatic(ClassDesc.of("atlantafx.base.theme.Styles"), "SUCCESS", CD_String).pop().return_())),
                Rule.JAVAFX_ONLY_IN_UI, "dev.netdoctor.report.Planted", "atlantafx.base.theme.Styles");
    }

    @Test
    void picocliOutsideTheCliIsReported() {
        assertOnly(check("dev.netdoctor.session.Planted", cb -> cb.with(RuntimeInvisibleAnnotationsAttribute.of(
                        Annotation.of(ClassDesc.of("picocli.CommandLine$Command"))))),
                Rule.PICOCLI_ONLY_IN_CLI, "dev.netdoctor.session.Planted", "picocli.CommandLine$Command");
    }

    @Test
    void printingOutsideTheCliIsReported() {
        for (String stream : List.of("out", "err")) {
            assertOnly(check("dev.netdoctor.report.Planted", cb -> cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC,
                            code -> code.getstatic(SYSTEM, stream, PRINT_STREAM).pop().return_())),
                    Rule.CONSOLE_AND_EXIT_ONLY_IN_CLI, "dev.netdoctor.report.Planted", "java.lang.System." + stream);
        }
    }

    @Test
    void exitingOutsideTheCliIsReportedEvenFromTheLauncherOrAsAMethodReference() {
        assertOnly(check("dev.netdoctor.Main", invokesStatic(SYSTEM, "exit", MethodTypeDesc.of(CD_void, CD_int))),
                Rule.CONSOLE_AND_EXIT_ONLY_IN_CLI, "dev.netdoctor.Main", "java.lang.System.exit");
        MethodHandleDesc exit = MethodHandleDesc.ofMethod(DirectMethodHandleDesc.Kind.STATIC, SYSTEM, "exit", MethodTypeDesc.of(CD_void, CD_int));
        assertOnly(check("dev.netdoctor.fix.Planted", cb -> cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC,
                        code -> code.ldc(exit).pop().return_())),
                Rule.CONSOLE_AND_EXIT_ONLY_IN_CLI, "dev.netdoctor.fix.Planted", "java.lang.System.exit");
    }

    @Test
    void aViewModelAndItsNestedClassesNeverTouchThePlatform() {
        Consumer<ClassBuilder> runLater = invokesStatic(PLATFORM, "runLater", MethodTypeDesc.of(CD_void, RUNNABLE));
        assertOnly(check("dev.netdoctor.ui.PlantedViewModel", runLater),
                Rule.NO_PLATFORM_IN_VIEW_MODELS, "dev.netdoctor.ui.PlantedViewModel", "javafx.application.Platform");
        assertOnly(check("dev.netdoctor.ui.PlantedViewModel$1", runLater),
                Rule.NO_PLATFORM_IN_VIEW_MODELS, "dev.netdoctor.ui.PlantedViewModel$1", "javafx.application.Platform");
        assertThat(check("dev.netdoctor.ui.PlantedPage", runLater)).as("a view may").isEmpty();
    }

    /** A feature sub-package (probe.dns, diagnosis.config, ui.checks) is its layer: the same arrows, the same bans. */
    @Test
    void aFeatureSubPackageKeepsItsLayersRules() {
        assertThat(check("dev.netdoctor.probe.dns.Planted", cb -> cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC, code -> {
            code.invokestatic(ClassDesc.of("dev.netdoctor.probe.Parallel"), "x", VOID);
            code.invokestatic(ClassDesc.of("dev.netdoctor.probe.config.ConfigFilesProbe"), "x", VOID);
            code.invokestatic(ClassDesc.of("dev.netdoctor.host.LinuxSide"), "x", VOID);
            code.return_();
        }))).as("its own layer and what the layer may use").isEmpty();
        assertOnly(check("dev.netdoctor.probe.dns.Planted", invokesStatic(ClassDesc.of("dev.netdoctor.session.DiagnosisSession"), "x", VOID)),
                Rule.LAYERS, "dev.netdoctor.probe.dns.Planted", "dev.netdoctor.session.DiagnosisSession");
        assertOnly(check("dev.netdoctor.diagnosis.config.Planted", invokesStatic(ClassDesc.of("dev.netdoctor.probe.config.ConfigFilesProbe"), "x", VOID)),
                Rule.LAYERS, "dev.netdoctor.diagnosis.config.Planted", "dev.netdoctor.probe.config.ConfigFilesProbe");
        assertOnly(check("dev.netdoctor.model.Planted", invokesStatic(ClassDesc.of("dev.netdoctor.ui.checks.ChecksPage"), "x", VOID)),
                Rule.LAYERS, "dev.netdoctor.model.Planted", "dev.netdoctor.ui.checks.ChecksPage");
        Consumer<ClassBuilder> runLater = invokesStatic(PLATFORM, "runLater", MethodTypeDesc.of(CD_void, RUNNABLE));
        assertOnly(check("dev.netdoctor.probe.dns.Planted", runLater),
                Rule.JAVAFX_ONLY_IN_UI, "dev.netdoctor.probe.dns.Planted", "javafx.application.Platform");
        assertOnly(check("dev.netdoctor.ui.checks.PlantedViewModel", runLater),
                Rule.NO_PLATFORM_IN_VIEW_MODELS, "dev.netdoctor.ui.checks.PlantedViewModel", "javafx.application.Platform");
        assertThat(check("dev.netdoctor.ui.checks.PlantedPage", runLater)).as("a view may").isEmpty();
        assertOnly(check("dev.netdoctor.util.dns.Helper", cb -> { }), Rule.KNOWN_PACKAGES, "dev.netdoctor.util.dns.Helper", "dev.netdoctor.util");
    }

    @Test
    void whatTheTableAllowsPasses() {
        assertThat(check("dev.netdoctor.cli.Planted", cb -> {
            cb.with(RuntimeInvisibleAnnotationsAttribute.of(Annotation.of(ClassDesc.of("picocli.CommandLine$Command"))));
            cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC, code -> {
                code.getstatic(SYSTEM, "out", PRINT_STREAM).pop();
                code.iconst_0().invokestatic(SYSTEM, "exit", MethodTypeDesc.of(CD_void, CD_int));
                code.invokestatic(ClassDesc.of("dev.netdoctor.session.DiagnosisSession"), "x", VOID);
                code.invokestatic(ClassDesc.of("dev.netdoctor.log.RunLog"), "x", VOID);
                code.return_();
            });
        })).isEmpty();
        assertThat(check("dev.netdoctor.ui.Planted", cb -> cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC, code -> {
            code.aconst_null().invokestatic(PLATFORM, "runLater", MethodTypeDesc.of(CD_void, RUNNABLE));
            code.invokestatic(ClassDesc.of("dev.netdoctor.fix.SafeApply"), "x", VOID);
            code.return_();
        }))).isEmpty();
        assertThat(check("dev.netdoctor.Main", cb -> cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC, code -> {
            code.invokestatic(ClassDesc.of("dev.netdoctor.cli.Cli"), "x", VOID);
            code.invokestatic(ClassDesc.of("dev.netdoctor.ui.WizardApp"), "x", VOID);
            code.return_();
        }))).isEmpty();
        assertThat(check("dev.netdoctor.probe.Planted", invokesStatic(ClassDesc.of("dev.netdoctor.host.LinuxSide"), "x", VOID))).isEmpty();
    }

    /** Real javac output (PlantedSideQuestion, a test class outside host): each way of asking the side is caught. */
    @Test
    void askingWhichSideALinuxSideIsOutsideHostIsReported() throws Exception {
        byte[] planted;
        try (var in = ArchitectureRulesTest.class.getResourceAsStream("/dev/netdoctor/cli/PlantedSideQuestion.class")) {
            assertThat(in).as("the planted class was compiled with the tests").isNotNull();
            planted = in.readAllBytes();
        }
        List<Violation> side = ArchitectureRules.check(planted).stream().filter(v -> v.rule() == Rule.SIDE_DECIDED_IN_HOST).toList();
        assertThat(side).extracting(Violation::toString)
                .anySatisfy(v -> assertThat(v).contains("method byInstanceof (instanceof)", "dev.netdoctor.host.WslLinuxSide"))
                .anySatisfy(v -> assertThat(v).contains("method byCast (checkcast)", "dev.netdoctor.host.LocalLinuxSide"))
                .anySatisfy(v -> assertThat(v).contains("method bySwitch (switch pattern)", "dev.netdoctor.host.WslLinuxSide"))
                .anySatisfy(v -> assertThat(v).contains("method byCapabilityType (instanceof)", "dev.netdoctor.host.WslDistroAccess"));
        assertThat(side).allSatisfy(v -> assertThat(v.className()).isEqualTo("dev.netdoctor.cli.PlantedSideQuestion"));
    }

    @Test
    void theOldQuestionIsReportedWhereverItIsAskedOrDeclared() {
        ClassDesc linuxSide = ClassDesc.of("dev.netdoctor.host.LinuxSide");
        assertOnly(check("dev.netdoctor.probe.Planted", cb -> cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC, code -> {
            code.aconst_null().invokeinterface(linuxSide, ArchitectureRules.ASKS_THE_SIDE, MethodTypeDesc.of(CD_boolean)).pop();
            code.return_();
        })), Rule.SIDE_DECIDED_IN_HOST, "dev.netdoctor.probe.Planted", "dev.netdoctor.host.LinuxSide.isAppsOwnMachine");
        assertOnly(check("dev.netdoctor.host.Planted", cb -> cb.withMethodBody(ArchitectureRules.ASKS_THE_SIDE,
                MethodTypeDesc.of(CD_boolean), ClassFile.ACC_PUBLIC, code -> code.iconst_1().ireturn())),
                Rule.SIDE_DECIDED_IN_HOST, "dev.netdoctor.host.Planted", "isAppsOwnMachine");
    }

    @Test
    void insideHostASideMayBeTestedForItsClass() {
        ClassDesc wsl = ClassDesc.of("dev.netdoctor.host.WslLinuxSide");
        Consumer<ClassBuilder> asks = cb -> cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC, code -> {
            code.aconst_null().instanceOf(wsl).pop();
            code.aconst_null().checkcast(wsl).pop();
            code.aconst_null().checkcast(ClassDesc.of("dev.netdoctor.host.LinuxSide")).pop();
            code.return_();
        });
        assertThat(check("dev.netdoctor.host.Planted", asks)).isEmpty();
        List<Violation> outside = check("dev.netdoctor.fix.Planted", asks);
        assertOnly(outside, Rule.SIDE_DECIDED_IN_HOST, "dev.netdoctor.fix.Planted", "dev.netdoctor.host.WslLinuxSide");
        assertThat(outside.getFirst().where()).contains("instanceof");
        assertOnly(check("dev.netdoctor.fix.Planted", cb -> cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC, code -> {
            code.aconst_null().checkcast(wsl).pop();
            code.aconst_null().checkcast(ClassDesc.of("dev.netdoctor.host.WslDistroAccess")).pop();
            code.return_();
        })), Rule.SIDE_DECIDED_IN_HOST, "dev.netdoctor.fix.Planted", "dev.netdoctor.host.WslLinuxSide");
    }

    private static List<Violation> check(String className, Consumer<ClassBuilder> body) {
        return ArchitectureRules.check(ClassFile.of().build(ClassDesc.of(className), body));
    }

    /** A static method that calls {@code owner.name}, with nulls or zeros as its arguments. */
    private static Consumer<ClassBuilder> invokesStatic(ClassDesc owner, String name, MethodTypeDesc type) {
        return cb -> cb.withMethodBody("run", VOID, ClassFile.ACC_STATIC, code -> {
            type.parameterList().forEach(p -> push(code, p));
            code.invokestatic(owner, name, type);
            code.return_();
        });
    }

    private static void push(CodeBuilder code, ClassDesc type) {
        if (type.isPrimitive()) {
            code.iconst_0();
        } else {
            code.aconst_null();
        }
    }

    /** Exactly one violation, naming the class, what it referenced and the rule. */
    private static void assertOnly(List<Violation> violations, Rule rule, String className, String referenced) {
        assertThat(violations).hasSize(1);
        Violation v = violations.getFirst();
        assertThat(v.rule()).isEqualTo(rule);
        assertThat(v.className()).isEqualTo(className);
        assertThat(v.referenced()).endsWith(referenced);
        assertThat(v.toString()).contains(className, referenced, rule.text);
    }

}
