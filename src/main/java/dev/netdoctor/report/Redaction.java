// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ReportData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A report for a help desk that does not tell who or where: user names, host names and IP
 * addresses are replaced by stable placeholders ({@code host-1}, {@code user-1}, {@code ip-1},
 * {@code ipv6-1}, and {@code net-1} for the network part of an IPv4 wildcard pattern such as
 * {@code 192.168.1.*}). One value gets one placeholder throughout the report (result,
 * verification run and fix history), so it still reads: "host-1 answered ping, host-1:22 refused".
 *
 * <p>How: the names to hide are collected from the data itself ({@link RedactionNames}); then every
 * text value of the JSON tree is rewritten ({@link RedactionText}) and the tree read back. Object
 * field names are never touched; neither are values the schema says are enums, times or our own
 * ids, so the result always reads back. What is kept and why is said in {@link RedactionText}.
 * Applying it twice gives the same report.
 */
public final class Redaction {
    /** Our own identifiers (finding, fix and probe ids): constants of the code, never user data. */
    private static final Set<String> IDENTIFIERS = Set.of("id", "probeId", "fixId");
    /** Every kind of probe data by the name its JSON carries in "kind". */
    private static final Map<String, Class<?>> PROBE_DATA_KINDS = Arrays.stream(JsonReport.probeDataKinds())
            .collect(Collectors.toUnmodifiableMap(NamedType::getName, NamedType::getType));

    private Redaction() {
    }

    /** The same report with names and addresses replaced, marked {@code redacted}. */
    public static ReportData apply(ReportData report) {
        Objects.requireNonNull(report, "report");
        ObjectMapper mapper = JsonReport.mapper();
        JsonNode result = mapper.valueToTree(report.result());
        JsonNode verification = report.verification() == null ? null : mapper.valueToTree(report.verification());
        JsonNode history = mapper.valueToTree(report.fixHistory());

        RedactionNames names = new RedactionNames();
        names.collect(report.result());
        names.collect(report.verification());
        report.fixHistory().forEach(names::collect);
        UnaryOperator<String> scan = s -> {
            names.scan(s);
            return s;
        };
        visitAll(result, verification, history, scan);

        RedactionText text = new RedactionText(names.hosts(), names.users());
        visitAll(result, verification, history, text::redact);
        try {
            return new ReportData(mapper.treeToValue(result, DiagnosisResult.class),
                    mapper.readerForListOf(FixRecord.class).readValue(history),
                    verification == null ? null : mapper.treeToValue(verification, DiagnosisResult.class), true);
        } catch (IOException e) {
            // the tree was written from these very types; only text values changed
            throw new UncheckedIOException(e);
        }
    }

    /** In report order, which is also the order placeholders are numbered in. */
    private static void visitAll(JsonNode result, JsonNode verification, JsonNode history, UnaryOperator<String> f) {
        visit(result, DiagnosisResult.class, f);
        if (verification != null) {
            visit(verification, DiagnosisResult.class, f);
        }
        visit(history, FixRecord[].class, f);
    }

    /**
     * Rewrites the text values under {@code node} in place, guided by the Java type it was written
     * from. Unknown shapes (a field added later, an untyped map) are rewritten as plain text: when
     * unsure, hide.
     */
    private static void visit(JsonNode node, Type type, UnaryOperator<String> f) {
        Class<?> raw = raw(type);
        if (node instanceof ObjectNode object) {
            if (raw == ProbeData.class) {
                Class<?> kind = object.path("kind").isTextual() ? PROBE_DATA_KINDS.get(object.get("kind").textValue()) : null;
                visitFields(object, kind, f, "kind");
            } else if (raw.isRecord()) {
                visitFields(object, raw, f, null);
            } else {
                Type value = Map.class.isAssignableFrom(raw) ? argument(type, 1) : Object.class;
                for (Map.Entry<String, JsonNode> e : List.copyOf(object.properties())) {
                    visitChild(object, e.getKey(), e.getValue(), value, f);
                }
            }
        } else if (node instanceof ArrayNode array) {
            Type element = raw.isArray() ? raw.getComponentType()
                    : Collection.class.isAssignableFrom(raw) ? argument(type, 0) : Object.class;
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual()) {
                    if (isText(element)) {
                        array.set(i, TextNode.valueOf(f.apply(child.textValue())));
                    }
                } else {
                    visit(child, element, f);
                }
            }
        }
    }

    private static void visitFields(ObjectNode object, Class<?> record, UnaryOperator<String> f, String tag) {
        Map<String, RecordComponent> components = new HashMap<>();
        if (record != null && record.isRecord()) {
            for (RecordComponent c : record.getRecordComponents()) {
                components.put(c.getName(), c);
            }
        }
        for (Map.Entry<String, JsonNode> e : List.copyOf(object.properties())) {
            String name = e.getKey();
            if (name.equals(tag)) {
                continue;
            }
            RecordComponent c = components.get(name);
            if (c != null && IDENTIFIERS.contains(name) && c.getType() == String.class) {
                continue;
            }
            visitChild(object, name, e.getValue(), c == null ? Object.class : c.getGenericType(), f);
        }
    }

    private static void visitChild(ObjectNode parent, String name, JsonNode child, Type type, UnaryOperator<String> f) {
        if (child.isTextual()) {
            if (isText(type)) {
                parent.put(name, f.apply(child.textValue()));
            }
        } else {
            visit(child, type, f);
        }
    }

    /** Free text, as opposed to an enum constant, a time or a number written as a string. */
    private static boolean isText(Type type) {
        Class<?> raw = raw(type);
        return !raw.isEnum() && !raw.isPrimitive() && !Number.class.isAssignableFrom(raw) && raw != Boolean.class
                && !raw.getName().startsWith("java.time.");
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
