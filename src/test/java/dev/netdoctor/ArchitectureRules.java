// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor;

import java.lang.classfile.AttributedElement;
import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassSignature;
import java.lang.classfile.CodeElement;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.MethodSignature;
import java.lang.classfile.Signature;
import java.lang.classfile.TypeAnnotation;
import java.lang.classfile.attribute.ExceptionsAttribute;
import java.lang.classfile.attribute.RecordAttribute;
import java.lang.classfile.attribute.RecordComponentInfo;
import java.lang.classfile.attribute.RuntimeInvisibleAnnotationsAttribute;
import java.lang.classfile.attribute.RuntimeInvisibleParameterAnnotationsAttribute;
import java.lang.classfile.attribute.RuntimeInvisibleTypeAnnotationsAttribute;
import java.lang.classfile.attribute.RuntimeVisibleAnnotationsAttribute;
import java.lang.classfile.attribute.RuntimeVisibleParameterAnnotationsAttribute;
import java.lang.classfile.attribute.RuntimeVisibleTypeAnnotationsAttribute;
import java.lang.classfile.attribute.SignatureAttribute;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.MethodTypeEntry;
import java.lang.classfile.constantpool.NameAndTypeEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LocalVariable;
import java.lang.classfile.instruction.NewMultiArrayInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.NewReferenceArrayInstruction;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.DynamicConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The package table and the boundary rules of ARCHITECTURE.md, checked on one compiled class
 * with the JDK's class-file API. Bytecode, not source: the JVM links what the class file names,
 * whether the source imported it or spelled it out in full
 * ({@code javafx.application.Platform.runLater(..)} has no import line to catch).
 *
 * <p>A class's references are every class in its constant pool, the descriptors of its fields,
 * methods and member references, what its instructions touch (invoke, field, new, cast,
 * instanceof, ldc, catch, invokedynamic and its bootstrap arguments), generic signatures,
 * thrown types, record components and annotations (with their class and enum values).
 */
final class ArchitectureRules {
    static final String BASE = "dev.netdoctor.";
    private static final String POOL = "constant pool";
    /** The core and the log: what the two faces, cli and ui, may use ("everything but" each other). */
    private static final Set<String> BELOW_THE_FACES = Set.of("model", "config", "host", "probe", "diagnosis", "session", "fix", "report", "log");

    /**
     * Which of our packages each package may use besides itself (the table of ARCHITECTURE.md).
     * "" is the root package: {@code dev.netdoctor.Main}, the launcher above every layer that
     * picks the wizard or the command line. Nobody may use it in turn.
     */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("model", Set.of()),
            // WSL's settings files read as WSL reads them: pure, shared by the probe that checks and the fix that rewrites
            Map.entry("config", Set.of()),
            Map.entry("host", Set.of("model")),
            Map.entry("probe", Set.of("model", "config", "host")),
            Map.entry("diagnosis", Set.of("model")),
            Map.entry("session", Set.of("model", "host", "probe", "diagnosis")),
            Map.entry("fix", Set.of("model", "config", "host")),
            Map.entry("report", Set.of("model")),
            // The per-run log file (java.util.logging set-up): started by the two faces, uses nothing of ours.
            Map.entry("log", Set.of()),
            Map.entry("cli", BELOW_THE_FACES),
            Map.entry("ui", BELOW_THE_FACES),
            Map.entry("", Set.of("model", "config", "host", "probe", "diagnosis", "session", "fix", "report", "log", "cli", "ui")));

    /**
     * JavaFX and the JavaFX libraries built on it (AtlantaFX themes, Ikonli icons): the core
     * must run headless, so only the wizard may link any of them.
     */
    private static final List<String> JAVAFX = List.of("javafx.", "atlantafx.", "org.kordamp.ikonli.", "org.controlsfx.", "impl.org.controlsfx.");

    /** Console and exit: only the CLI owns stdout, stderr and the exit code. */
    private static final Set<String> CONSOLE_AND_EXIT = Set.of("java.lang.System.out", "java.lang.System.err",
            "java.lang.System.exit", "java.lang.Runtime.exit", "java.lang.Runtime.halt");

    enum Rule {
        LAYERS("layers: arrows point down the package table of ARCHITECTURE.md only"),
        KNOWN_PACKAGES("known packages: every package of ours is a row of the table in ARCHITECTURE.md"),
        JAVAFX_ONLY_IN_UI("JavaFX only in dev.netdoctor.ui: the core runs headless"),
        PICOCLI_ONLY_IN_CLI("picocli only in dev.netdoctor.cli"),
        CONSOLE_AND_EXIT_ONLY_IN_CLI("no System.exit, System.out or System.err outside dev.netdoctor.cli"),
        NO_PLATFORM_IN_VIEW_MODELS("no javafx.application.Platform in a view model: crossing onto the FX thread is TaskExecutor's"
                + " or FxEventPump's job, so view models stay plain state and logic"),
        SIDE_DECIDED_IN_HOST("the side is decided once, in dev.netdoctor.host: no isAppsOwnMachine(), and no instanceof, cast or"
                + " type pattern of a host implementation (a LinuxSide class, WslDistroAccess) outside host; ask LinuxSide.standpoint()"
                + " or LinuxSide.throughWsl(), which every wrapper forwards");

        final String text;

        Rule(String text) {
            this.text = text;
        }
    }

    /** One broken rule: which class, what it references (a class or a member), where, and the rule. */
    record Violation(Rule rule, String className, String referenced, String where) {
        @Override
        public String toString() {
            return className + " uses " + referenced + " (" + where + ") — breaks " + rule.text;
        }
    }

    private ArchitectureRules() {
    }

    /** The violations of one class file; empty when it keeps every rule. */
    static List<Violation> check(byte[] classFile) {
        ClassModel model = ClassFile.of().parse(classFile);
        String self = binaryName(model.thisClass().asSymbol().descriptorString());
        References refs = references(model);
        String from = layer(self);
        List<Violation> violations = new ArrayList<>();
        if (from == null) {
            return violations; // not one of ours: nothing to say
        }
        if (!MAY_USE.containsKey(from)) {
            violations.add(new Violation(Rule.KNOWN_PACKAGES, self, "package " + BASE + from, "its own package"));
        }
        boolean inViewModel = from.equals("ui") && topLevelSimpleName(self).endsWith("ViewModel");
        refs.classes.forEach((to, where) -> {
            String w = describe(where);
            String toLayer = layer(to);
            if (toLayer != null && !toLayer.equals(from) && !MAY_USE.getOrDefault(from, Set.of()).contains(toLayer)) {
                violations.add(new Violation(Rule.LAYERS, self, to, w + "; " + (from.isEmpty() ? "the root package" : from)
                        + " may use only " + new java.util.TreeSet<>(MAY_USE.getOrDefault(from, Set.of()))));
            }
            if (!from.equals("ui") && JAVAFX.stream().anyMatch(to::startsWith)) {
                violations.add(new Violation(Rule.JAVAFX_ONLY_IN_UI, self, to, w));
            }
            if (!from.equals("cli") && to.startsWith("picocli.")) {
                violations.add(new Violation(Rule.PICOCLI_ONLY_IN_CLI, self, to, w));
            }
            if (inViewModel && to.equals("javafx.application.Platform")) {
                violations.add(new Violation(Rule.NO_PLATFORM_IN_VIEW_MODELS, self, to, w));
            }
        });
        refs.members.forEach((member, where) -> {
            if (!from.equals("cli") && CONSOLE_AND_EXIT.contains(member)) {
                violations.add(new Violation(Rule.CONSOLE_AND_EXIT_ONLY_IN_CLI, self, member, describe(where)));
            }
            if (member.endsWith("." + ASKS_THE_SIDE) && layer(member) != null) {
                violations.add(new Violation(Rule.SIDE_DECIDED_IN_HOST, self, member, describe(where)));
            }
        });
        // Nowhere, host included: the question must not come back, not even as a method to override.
        refs.declaredMethods.forEach((method, where) -> {
            if (method.equals(ASKS_THE_SIDE)) {
                violations.add(new Violation(Rule.SIDE_DECIDED_IN_HOST, self, self + "." + method, describe(where)));
            }
        });
        if (!from.equals("host")) {
            refs.typeChecks.forEach((type, where) -> {
                if (isHostImplementation(type)) {
                    violations.add(new Violation(Rule.SIDE_DECIDED_IN_HOST, self, type, describe(where)));
                }
            });
            // javac casts a generic result to its type (Optional<WslDistroAccess>.get()): only a cast to a class asks the side
            refs.casts.forEach((type, where) -> {
                if (isHostImplementation(type) && !refs.typeChecks.containsKey(type) && !isInterface(type)) {
                    violations.add(new Violation(Rule.SIDE_DECIDED_IN_HOST, self, type, describe(where)));
                }
            });
        }
        return violations;
    }

    /** The question "is this the machine the app runs on?", asked downstream before the side was decided in host. */
    static final String ASKS_THE_SIDE = "isAppsOwnMachine";

    /**
     * A type whose instanceof or cast outside host asks which side a LinuxSide is: a class of
     * host that is a LinuxSide (LocalLinuxSide, WslLinuxSide, and any added later), or the WSL
     * capability itself. The interface LinuxSide is not one: every side is one.
     */
    static boolean isHostImplementation(String binaryName) {
        if (!"host".equals(layer(binaryName)) || binaryName.equals(BASE + "host.LinuxSide")) {
            return false;
        }
        try {
            Class<?> type = Class.forName(binaryName, false, ArchitectureRules.class.getClassLoader());
            Class<?> side = Class.forName(BASE + "host.LinuxSide", false, ArchitectureRules.class.getClassLoader());
            Class<?> wsl = Class.forName(BASE + "host.WslDistroAccess", false, ArchitectureRules.class.getClassLoader());
            return side.isAssignableFrom(type) || wsl.isAssignableFrom(type);
        } catch (ClassNotFoundException e) {
            // not compiled here (a planted name): judged by its name, as the sides are named
            return binaryName.endsWith("LinuxSide") || binaryName.endsWith("DistroAccess");
        }
    }

    private static boolean isInterface(String binaryName) {
        try {
            return Class.forName(binaryName, false, ArchitectureRules.class.getClassLoader()).isInterface();
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Our package of a class: "model" for dev.netdoctor.model.X (and any package below it),
     * "" for a class directly in dev.netdoctor, null for a class that is not ours.
     */
    static String layer(String binaryName) {
        if (!binaryName.startsWith(BASE)) {
            return null;
        }
        String rest = binaryName.substring(BASE.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? "" : rest.substring(0, dot);
    }

    /**
     * A view model is a class whose top-level class's name ends with ViewModel; its nested,
     * anonymous and local classes (WizardViewModel$1) belong to it.
     */
    private static String topLevelSimpleName(String binaryName) {
        String simple = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        int dollar = simple.indexOf('$');
        return dollar < 0 ? simple : simple.substring(0, dollar);
    }

    private static String binaryName(String descriptor) {
        return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
    }

    private static String describe(Set<String> where) {
        List<String> first = where.stream().limit(3).toList();
        return String.join(", ", first) + (where.size() > first.size() ? ", …" : "");
    }

    /** What one class file refers to, each with where it was seen. */
    static final class References {
        final Map<String, Set<String>> classes = new TreeMap<>();
        /** Fields and methods of other classes, as "java.lang.System.out". */
        final Map<String, Set<String>> members = new TreeMap<>();
        /** Types tested for: instanceof (a pattern compiles to it and a cast) and a switch's type patterns. */
        final Map<String, Set<String>> typeChecks = new TreeMap<>();
        /** Types cast to (checkcast). */
        final Map<String, Set<String>> casts = new TreeMap<>();
        /** Names of the methods the class itself declares. */
        final Map<String, Set<String>> declaredMethods = new TreeMap<>();

        void typeCheck(ClassDesc desc, String where, boolean cast) {
            ClassDesc d = desc;
            while (d.isArray()) {
                d = d.componentType();
            }
            if (!d.isPrimitive()) {
                add(cast ? casts : typeChecks, binaryName(d.descriptorString()), where);
            }
        }

        void type(ClassDesc desc, String where) {
            ClassDesc d = desc;
            while (d.isArray()) {
                d = d.componentType();
            }
            if (!d.isPrimitive()) {
                add(classes, binaryName(d.descriptorString()), where);
            }
        }

        void type(ClassEntry entry, String where) {
            type(entry.asSymbol(), where);
        }

        void method(MethodTypeDesc desc, String where) {
            type(desc.returnType(), where);
            desc.parameterList().forEach(p -> type(p, where));
        }

        void descriptor(String descriptor, String where) {
            if (descriptor.startsWith("(")) {
                method(MethodTypeDesc.ofDescriptor(descriptor), where);
            } else {
                type(ClassDesc.ofDescriptor(descriptor), where);
            }
        }

        void member(ClassDesc owner, String name, String where) {
            type(owner, where);
            if (!owner.isArray()) {
                add(members, binaryName(owner.descriptorString()) + "." + name, where);
            }
        }

        void constant(ConstantDesc c, String where) {
            switch (c) {
                case ClassDesc d -> type(d, where);
                case MethodTypeDesc t -> method(t, where);
                case DirectMethodHandleDesc h -> {
                    member(h.owner(), h.methodName(), where);
                    method(h.invocationType(), where);
                }
                case DynamicConstantDesc<?> d -> {
                    constant(d.bootstrapMethod(), where);
                    type(d.constantType(), where);
                    for (ConstantDesc arg : d.bootstrapArgsList()) {
                        constant(arg, where);
                    }
                }
                default -> {
                    // numbers and strings name no class
                }
            }
        }

        void signature(Signature s, String where) {
            switch (s) {
                case Signature.ClassTypeSig c -> {
                    c.outerType().ifPresent(o -> signature(o, where));
                    // An inner type's own name is relative to its outer type, which is checked above.
                    if (c.outerType().isEmpty()) {
                        type(c.classDesc(), where);
                    }
                    for (Signature.TypeArg arg : c.typeArgs()) {
                        if (arg instanceof Signature.TypeArg.Bounded b) {
                            signature(b.boundType(), where);
                        }
                    }
                }
                case Signature.ArrayTypeSig a -> signature(a.componentSignature(), where);
                default -> {
                    // base types and type variables name no class
                }
            }
        }

        void typeParameters(List<Signature.TypeParam> params, String where) {
            for (Signature.TypeParam p : params) {
                p.classBound().ifPresent(b -> signature(b, where));
                p.interfaceBounds().forEach(b -> signature(b, where));
            }
        }

        void annotation(Annotation a, String where) {
            type(a.classSymbol(), where);
            a.elements().forEach(e -> annotationValue(e.value(), where));
        }

        private void annotationValue(AnnotationValue v, String where) {
            switch (v) {
                case AnnotationValue.OfClass c -> type(c.classSymbol(), where);
                case AnnotationValue.OfEnum e -> type(e.classSymbol(), where);
                case AnnotationValue.OfAnnotation a -> annotation(a.annotation(), where);
                case AnnotationValue.OfArray arr -> arr.values().forEach(x -> annotationValue(x, where));
                default -> {
                    // constants name no class
                }
            }
        }

        private static void add(Map<String, Set<String>> map, String key, String where) {
            if (where.equals(POOL) && map.containsKey(key)) {
                return; // already seen, with a better place to name
            }
            map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(where);
        }
    }

    static References references(ClassModel model) {
        References refs = new References();
        model.superclass().ifPresent(s -> refs.type(s, "superclass"));
        model.interfaces().forEach(i -> refs.type(i, "interface"));
        attributes(refs, model, "class", SignatureKind.CLASS);
        model.findAttribute(java.lang.classfile.Attributes.record()).map(RecordAttribute::components).orElse(List.of())
                .forEach(c -> component(refs, c));
        for (FieldModel f : model.fields()) {
            String where = "field " + f.fieldName().stringValue();
            refs.type(f.fieldTypeSymbol(), where);
            attributes(refs, f, where, SignatureKind.TYPE);
        }
        for (MethodModel m : model.methods()) {
            String where = "method " + m.methodName().stringValue();
            refs.declaredMethods.computeIfAbsent(m.methodName().stringValue(), k -> new LinkedHashSet<>()).add(where);
            refs.method(m.methodTypeSymbol(), where);
            attributes(refs, m, where, SignatureKind.METHOD);
            m.code().ifPresent(code -> {
                for (CodeElement e : code) {
                    instruction(refs, e, where);
                }
            });
        }
        // The net under all of the above: anything else the constant pool names.
        for (PoolEntry e : model.constantPool()) {
            switch (e) {
                case ClassEntry c -> refs.type(c, POOL);
                case MemberRefEntry m -> refs.member(m.owner().asSymbol(), m.name().stringValue(), POOL);
                case NameAndTypeEntry n -> refs.descriptor(n.type().stringValue(), POOL);
                case MethodTypeEntry t -> refs.method(t.asSymbol(), POOL);
                default -> {
                    // strings, numbers, names
                }
            }
        }
        return refs;
    }

    private static void component(References refs, RecordComponentInfo c) {
        String where = "record component " + c.name().stringValue();
        refs.type(c.descriptorSymbol(), where);
        for (var a : c.attributes()) {
            attribute(refs, a, where, SignatureKind.TYPE);
        }
    }

    private enum SignatureKind { CLASS, METHOD, TYPE }

    private static void attributes(References refs, AttributedElement element, String where, SignatureKind kind) {
        for (var a : element.attributes()) {
            attribute(refs, a, where, kind);
        }
    }

    private static void attribute(References refs, java.lang.classfile.Attribute<?> a, String where, SignatureKind kind) {
        switch (a) {
            case SignatureAttribute s -> {
                String w = where + " (generic signature)";
                switch (kind) {
                    case CLASS -> {
                        ClassSignature cs = s.asClassSignature();
                        refs.typeParameters(cs.typeParameters(), w);
                        refs.signature(cs.superclassSignature(), w);
                        cs.superinterfaceSignatures().forEach(i -> refs.signature(i, w));
                    }
                    case METHOD -> {
                        MethodSignature ms = s.asMethodSignature();
                        refs.typeParameters(ms.typeParameters(), w);
                        ms.arguments().forEach(x -> refs.signature(x, w));
                        refs.signature(ms.result(), w);
                        ms.throwableSignatures().forEach(x -> refs.signature(x, w));
                    }
                    case TYPE -> refs.signature(s.asTypeSignature(), w);
                }
            }
            case ExceptionsAttribute x -> x.exceptions().forEach(c -> refs.type(c, where + " (throws)"));
            case RuntimeVisibleAnnotationsAttribute x -> x.annotations().forEach(an -> refs.annotation(an, where + " (annotation)"));
            case RuntimeInvisibleAnnotationsAttribute x -> x.annotations().forEach(an -> refs.annotation(an, where + " (annotation)"));
            case RuntimeVisibleParameterAnnotationsAttribute x ->
                    x.parameterAnnotations().forEach(l -> l.forEach(an -> refs.annotation(an, where + " (parameter annotation)")));
            case RuntimeInvisibleParameterAnnotationsAttribute x ->
                    x.parameterAnnotations().forEach(l -> l.forEach(an -> refs.annotation(an, where + " (parameter annotation)")));
            case RuntimeVisibleTypeAnnotationsAttribute x ->
                    x.annotations().forEach(t -> typeAnnotation(refs, t, where));
            case RuntimeInvisibleTypeAnnotationsAttribute x ->
                    x.annotations().forEach(t -> typeAnnotation(refs, t, where));
            default -> {
                // the others name classes only through the constant pool, which is read as a whole
            }
        }
    }

    private static void typeAnnotation(References refs, TypeAnnotation t, String where) {
        refs.annotation(t.annotation(), where + " (type annotation)");
    }

    private static void instruction(References refs, CodeElement e, String where) {
        switch (e) {
            case InvokeInstruction i -> {
                refs.member(i.owner().asSymbol(), i.name().stringValue(), where);
                refs.method(i.typeSymbol(), where);
            }
            case FieldInstruction f -> {
                refs.member(f.owner().asSymbol(), f.name().stringValue(), where);
                refs.type(f.typeSymbol(), where);
            }
            case TypeCheckInstruction t -> {
                refs.type(t.type(), where);
                boolean cast = t.opcode() == java.lang.classfile.Opcode.CHECKCAST;
                refs.typeCheck(t.type().asSymbol(), where + (cast ? " (checkcast)" : " (instanceof)"), cast);
            }
            case NewObjectInstruction n -> refs.type(n.className(), where);
            case NewReferenceArrayInstruction n -> refs.type(n.componentType(), where);
            case NewMultiArrayInstruction n -> refs.type(n.arrayType(), where);
            case ConstantInstruction c -> refs.constant(c.constantValue(), where);
            case InvokeDynamicInstruction d -> {
                refs.method(d.typeSymbol(), where);
                refs.constant(d.bootstrapMethod(), where);
                d.bootstrapArgs().forEach(arg -> refs.constant(arg, where));
                // switch (x) { case WslLinuxSide w -> … }: the type patterns are the bootstrap's class arguments
                if (d.bootstrapMethod().owner().descriptorString().equals("Ljava/lang/runtime/SwitchBootstraps;")) {
                    d.bootstrapArgs().stream().filter(ClassDesc.class::isInstance)
                            .forEach(arg -> refs.typeCheck((ClassDesc) arg, where + " (switch pattern)", false));
                }
            }
            case ExceptionCatch x -> x.catchType().ifPresent(c -> refs.type(c, where + " (catch)"));
            case LocalVariable v -> refs.type(v.typeSymbol(), where + " (local " + v.name().stringValue() + ")");
            default -> {
                // loads, stores, arithmetic, branches name no class
            }
        }
    }
}
