// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.Finding;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ProbeOutcome;
import dev.netdoctor.model.ReportData;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model values with every record component set (never null), made by reflection over the records
 * themselves: a component added to the model is filled here without anyone remembering to, so
 * the JSON it writes must be described by the published schema or {@link ResultSchemaTest} fails.
 * {@code variant} walks through the constants of every enum and both sides of every
 * {@link Fact}, so every id the code can write is written by some variant.
 */
public final class EveryField {
    /** Enough variants for every constant of the largest enum (finding ids) to appear. */
    public static final int VARIANTS = Math.max(FindingId.values().length, Math.max(FixId.values().length, ProbeId.values().length));

    private static final OffsetDateTime AT = OffsetDateTime.of(2025, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private final int variant;

    public EveryField(int variant) {
        this.variant = variant;
    }

    /**
     * A result with one outcome per kind of probe data (every permitted subclass of
     * {@link ProbeData}) and one fix per fix id, each with the plan its id writes with.
     */
    public DiagnosisResult result() {
        List<ProbeOutcome> probes = new ArrayList<>();
        for (Class<?> kind : ProbeData.class.getPermittedSubclasses()) {
            ProbeOutcome outcome = (ProbeOutcome) value(ProbeOutcome.class);
            probes.add(new ProbeOutcome(outcome.probeId(), outcome.title(), outcome.status(), outcome.summary(), outcome.parameters(),
                    outcome.startedAfterMillis(), outcome.durationMillis(), (ProbeData) value(kind), outcome.evidence(), outcome.error()));
        }
        DiagnosisResult r = (DiagnosisResult) value(DiagnosisResult.class);
        return new DiagnosisResult(DiagnosisResult.SCHEMA_VERSION, r.tool(), r.toolVersion(), r.startedAt(), r.durationMillis(),
                r.request(), r.environment(), probes, List.of(finding()), r.verdict(), r.complete());
    }

    /** A finding that offers every fix, each with its own kind of plan, and one steps-only fix. */
    public Finding finding() {
        Finding f = (Finding) value(Finding.class);
        List<FixSuggestion> fixes = new ArrayList<>();
        for (FixId id : FixId.values()) {
            fixes.add(new FixSuggestion(id, "title " + id, "detail " + id, plan(id.plan())));
        }
        fixes.add(new FixSuggestion(FixId.SSH_CONFIG_IPQOS_NONE, "by hand", "steps", FixPlan.BY_HAND));
        return new Finding(f.id(), f.severity(), f.confidence(), f.title(), f.explanation(), f.evidence(), fixes);
    }

    /** The report's form: the result with a fix history, a verification run and the redaction mark. */
    public ReportData report() {
        List<FixRecord> history = List.of((FixRecord) value(FixRecord.class));
        return new ReportData(result(), history, result(), true);
    }

    /** A plan of each kind, with values its constructor accepts (they check what they write). */
    public static FixPlan plan(Class<? extends FixPlan> kind) {
        if (kind == FixPlan.SshIpqosNone.class) {
            return new FixPlan.SshIpqosNone("nas.home.arpa", "nas.home.arpa");
        } else if (kind == FixPlan.WslconfigSetting.class) {
            return FixPlan.WslconfigSetting.dnsTunnelingOn();
        } else if (kind == FixPlan.LetWslWriteResolvConf.class) {
            return new FixPlan.LetWslWriteResolvConf();
        } else if (kind == FixPlan.DistroMtuAtBoot.class) {
            return FixPlan.DistroMtuAtBoot.of("eth0", 1400);
        } else if (kind == FixPlan.RewriteConfigLines.class) {
            return new FixPlan.RewriteConfigLines(FixPlan.RewriteConfigLines.FILES.getFirst(), FindingId.values()[0]);
        } else if (kind == FixPlan.WindowsFirewallRule.class) {
            return FixPlan.WindowsFirewallRule.allowFromWsl(8080, "vEthernet (WSL)");
        } else if (kind == FixPlan.ByHand.class) {
            return FixPlan.BY_HAND;
        }
        throw new IllegalStateException("EveryField has no sample of the plan " + kind.getName()
                + ": add one, and describe its parameters in the schema");
    }

    /** A value of {@code type} with every part set. */
    public Object value(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == List.class) {
                return List.of(value(args[0]));
            }
            if (raw == Map.class) {
                Map<Object, Object> m = new LinkedHashMap<>();
                m.put(value(args[0]), value(args[1]));
                return m;
            }
            if (raw == Fact.class) {
                return variant % 2 == 0 ? Fact.known(value(args[0])) : Fact.unknown("not read " + variant);
            }
            throw new IllegalStateException("EveryField cannot make a " + p);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return "text " + variant;
        } else if (c == int.class || c == Integer.class) {
            return 1 + variant;
        } else if (c == long.class || c == Long.class) {
            return 2L + variant;
        } else if (c == double.class || c == Double.class) {
            return 1.5 + variant;
        } else if (c == boolean.class || c == Boolean.class) {
            return variant % 2 == 0;
        } else if (c == OffsetDateTime.class) {
            return AT.plusMinutes(variant);
        } else if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[variant % constants.length];
        } else if (c.isRecord()) {
            return record(c, null);
        } else if (c.isSealed()) {
            Class<?>[] kinds = c.getPermittedSubclasses();
            return value(kinds[variant % kinds.length]);
        }
        throw new IllegalStateException("EveryField cannot make a " + c.getName() + ": teach it, and describe it in the schema");
    }

    /**
     * A record with every component set, or with {@code leftOut} null (the schema's generator asks
     * which components a record always has).
     */
    public Object record(Class<?> c, String leftOut) {
        if (FixPlan.class.isAssignableFrom(c)) {
            return plan(c.asSubclass(FixPlan.class));
        }
        RecordComponent[] components = c.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals(leftOut) ? null : value(components[i].getGenericType());
        }
        values = fitted(c, values);
        try {
            Constructor<?> canonical = c.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(c.getSimpleName() + " refused " + Arrays.toString(values) + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The few records whose constructors check their values get values they accept. */
    private Object[] fitted(Class<?> c, Object[] values) {
        if (c == Fact.class) {
            return values[0] != null && values[1] != null ? new Object[]{values[0], null} : values;
        }
        if (c == FixSuggestion.class) {
            values[3] = plan(((FixId) values[0]).plan());
            return values;
        }
        if (c == dev.netdoctor.model.DscpClass.class) {
            return new Object[]{"af21", 0x48};
        }
        if (c == dev.netdoctor.model.ClockReading.class) {
            return new Object[]{1_000L, 2_000L, 1L, 3_000L};
        }
        return values;
    }
}
