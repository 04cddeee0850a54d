// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fix in the JSON schema: {@code id}, {@code title}, {@code detail} and {@code parameters}, a
 * flat map of strings that scripts read. The parameters are the plan record's components, each
 * named by its component in kebab case ({@code pattern}, {@code target}, {@code setting},
 * {@code value}, {@code file}, {@code finding}), and read back into the kind of plan the fix's id
 * names ({@link FixId#plan()}): a new kind of plan needs nothing here.
 */
final class FixSuggestionJson {
    private FixSuggestionJson() {
    }

    static SimpleModule module() {
        return new SimpleModule("fix-suggestion")
                .addSerializer(FixSuggestion.class, new Writer())
                .addDeserializer(FixSuggestion.class, new Reader());
    }

    /** The schema's parameters of a plan: one string per record component. */
    static Map<String, String> parameters(FixPlan plan) {
        Map<String, String> p = new LinkedHashMap<>();
        for (RecordComponent c : plan.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(plan);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + plan, e);
            }
            p.put(parameterName(c.getName()), switch (value) {
                case String text -> text;
                case FindingId finding -> finding.id();
                default -> throw new IllegalStateException("a plan's parameter is a String or a FindingId, not " + c.getType());
            });
        }
        return p;
    }

    /** {@code hostPattern} as {@code host-pattern}: the component's name as JSON spells names. */
    static String parameterName(String component) {
        return component.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The plan a saved fix describes. A saved fix whose parameters do not make a whole plan (an
     * edited or older file: a parameter missing or not a string, a finding id we do not know, a
     * value the plan refuses) reads back as steps to follow, never as a write with a guessed value.
     */
    static FixPlan plan(FixId id, Map<String, String> parameters) {
        Class<? extends FixPlan> kind = id.plan();
        RecordComponent[] components = kind.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int n = 0; n < components.length; n++) {
            String text = parameters.get(parameterName(components[n].getName()));
            types[n] = components[n].getType();
            Optional<?> value = text == null ? Optional.empty()
                    : types[n] == String.class ? Optional.of(text)
                    : types[n] == FindingId.class ? FindingId.of(text)
                    : Optional.empty();
            if (value.isEmpty()) {
                return FixPlan.BY_HAND;
            }
            values[n] = value.get();
        }
        try {
            return kind.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException refused) {
            return FixPlan.BY_HAND;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + kind.getSimpleName(), e);
        }
    }

    private static final class Writer extends StdSerializer<FixSuggestion> {
        private static final long serialVersionUID = 1L;

        Writer() {
            super(FixSuggestion.class);
        }

        @Override
        public void serialize(FixSuggestion fix, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("id", fix.id().id());
            if (fix.title() != null) {
                gen.writeStringField("title", fix.title());
            }
            if (fix.detail() != null) {
                gen.writeStringField("detail", fix.detail());
            }
            gen.writeObjectFieldStart("parameters");
            for (Map.Entry<String, String> e : parameters(fix.plan()).entrySet()) {
                gen.writeStringField(e.getKey(), e.getValue());
            }
            gen.writeEndObject();
            gen.writeEndObject();
        }
    }

    private static final class Reader extends StdDeserializer<FixSuggestion> {
        private static final long serialVersionUID = 1L;

        Reader() {
            super(FixSuggestion.class);
        }

        @Override
        public FixSuggestion deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = parser.readValueAsTree();
            if (node == null || !node.isObject() || !node.path("id").isTextual()) {
                return (FixSuggestion) context.handleUnexpectedToken(FixSuggestion.class, parser);
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            node.path("parameters").properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    parameters.put(e.getKey(), e.getValue().asText());
                }
            });
            FixId id = FixId.of(node.get("id").asText()).orElse(null);
            if (id == null) {
                return (FixSuggestion) context.handleWeirdStringValue(FixSuggestion.class, node.get("id").asText(),
                        "not a fix of WSL Net Doctor");
            }
            return new FixSuggestion(id, text(node, "title"), text(node, "detail"), plan(id, parameters));
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
