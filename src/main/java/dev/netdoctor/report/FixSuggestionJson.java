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
import dev.netdoctor.model.FixIds;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.FixSuggestion;
import dev.netdoctor.model.NetworkingMode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

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
                p.put(FixIds.TARGET, ssh.target());
                p.put(FixIds.PATTERN, ssh.hostPattern());
            }
            case FixPlan.WslNetworkingMode wsl -> p.put(FixIds.MODE, wsl.mode().value());
            case FixPlan.WslDnsTunneling tunneling -> {
            }
            case FixPlan.LetWslWriteResolvConf wslConf -> {
            }
            case FixPlan.RewriteConfigLines lines -> {
                p.put(FixIds.FILE, lines.file());
                p.put(FixIds.FINDING, lines.finding());
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
    static FixPlan plan(String id, Map<String, String> parameters) {
        if (FixIds.SSH_CONFIG_IPQOS_NONE.equals(id) && parameters.get(FixIds.PATTERN) != null && parameters.get(FixIds.TARGET) != null) {
            return new FixPlan.SshIpqosNone(parameters.get(FixIds.PATTERN), parameters.get(FixIds.TARGET));
        }
        if (FixIds.WSLCONFIG_NETWORKING_MODE.equals(id)) {
            return NetworkingMode.parse(parameters.get(FixIds.MODE)).<FixPlan>map(FixPlan.WslNetworkingMode::new).orElse(FixPlan.BY_HAND);
        }
        if (FixIds.WSLCONFIG_DNS_TUNNELING.equals(id)) {
            return new FixPlan.WslDnsTunneling();
        }
        if (FixIds.WSL_CONF_GENERATE_RESOLV_CONF.equals(id)) {
            return new FixPlan.LetWslWriteResolvConf();
        }
        if (FixIds.CONFIG_REWRITES.contains(id) && FixIds.CONFIG_FILES.contains(parameters.get(FixIds.FILE))
                && parameters.get(FixIds.FINDING) != null) {
            return new FixPlan.RewriteConfigLines(parameters.get(FixIds.FILE), parameters.get(FixIds.FINDING));
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
            gen.writeStringField("id", fix.id());
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
            String id = node.get("id").asText();
            return new FixSuggestion(id, text(node, "title"), text(node, "detail"), plan(id, parameters));
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }
}
