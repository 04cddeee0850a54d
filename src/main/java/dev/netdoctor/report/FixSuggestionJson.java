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
import dev.netdoctor.model.FixParameters;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetworkingMode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A fix in the JSON schema: {@code id}, {@code title}, {@code detail} and {@code parameters}, a
 * flat map of strings that scripts read ({@code pattern}, {@code target}, {@code mode}). The typed
 * {@link FixPlan} is turned into that map, and back, here and nowhere else.
 */
final class FixSuggestionJson {
    private FixSuggestionJson() {
    }

    static SimpleModule module() {
        return new SimpleModule("fix-suggestion")
                .addSerializer(FixSuggestion.class, new Writer())
                .addDeserializer(FixSuggestion.class, new Reader());
    }

    /** The schema's parameters of a plan. */
    static Map<String, String> parameters(FixPlan plan) {
        Map<String, String> p = new LinkedHashMap<>();
        switch (plan) {
            case FixPlan.SshIpqosNone ssh -> {
                p.put(FixParameters.TARGET, ssh.target());
                p.put(FixParameters.PATTERN, ssh.hostPattern());
            }
            case FixPlan.WslNetworkingMode wsl -> p.put(FixParameters.MODE, wsl.mode().value());
            case FixPlan.WslDnsTunneling tunneling -> {
            }
            case FixPlan.LetWslWriteResolvConf wslConf -> {
            }
            case FixPlan.RewriteConfigLines lines -> {
                p.put(FixParameters.FILE, lines.file());
                p.put(FixParameters.FINDING, lines.finding().id());
            }
            case FixPlan.ByHand steps -> {
            }
        }
        return p;
    }

    /**
     * The plan a saved fix describes. A saved fix whose parameters do not make a whole plan (an
     * edited or older file) reads back as steps to follow, never as a write with a guessed value.
     */
    static FixPlan plan(FixId id, Map<String, String> parameters) {
        if (id == FixId.SSH_CONFIG_IPQOS_NONE && parameters.get(FixParameters.PATTERN) != null && parameters.get(FixParameters.TARGET) != null) {
            return new FixPlan.SshIpqosNone(parameters.get(FixParameters.PATTERN), parameters.get(FixParameters.TARGET));
        }
        if (id == FixId.WSLCONFIG_NETWORKING_MODE) {
            return NetworkingMode.parse(parameters.get(FixParameters.MODE)).<FixPlan>map(FixPlan.WslNetworkingMode::new).orElse(FixPlan.BY_HAND);
        }
        if (id == FixId.WSLCONFIG_DNS_TUNNELING) {
            return new FixPlan.WslDnsTunneling();
        }
        if (id == FixId.WSL_CONF_GENERATE_RESOLV_CONF) {
            return new FixPlan.LetWslWriteResolvConf();
        }
        Optional<FindingId> finding = FindingId.of(parameters.get(FixParameters.FINDING));
        if (id.rewritesConfigLines() && FixParameters.CONFIG_FILES.contains(parameters.get(FixParameters.FILE)) && finding.isPresent()) {
            return new FixPlan.RewriteConfigLines(parameters.get(FixParameters.FILE), finding.get());
        }
        return FixPlan.BY_HAND;
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
