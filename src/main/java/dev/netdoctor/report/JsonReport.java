// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.model.ReportData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON form of a result: the schema of {@code diagnose --json}. The model stays free of
 * JSON annotations; the mapping choices (type tags, lower-case enums) live here.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addMixIn(ProbeData.class, ProbeDataMixin.class)
            .addMixIn(DnsPath.class, DnsPathMixin.class)
            .registerSubtypes(probeDataKinds())
            .addModule(FixSuggestionJson.module())
            .addModule(stableIds())
            // Enums as the schema spells them: problem, high, completed, wsl2.
            .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .build();

    private JsonReport() {
    }

    /**
     * Builds the serializers of a result's types ahead: on a fresh JVM that is 0.2-0.4 s of class
     * loading and introspection, which the CLI does on a spare thread while the checks wait for
     * the network, so writing the result does not wait for it. Harmless to call more than once.
     */
    public static void prepare() {
        MAPPER.canSerialize(DiagnosisResult.class);
        for (NamedType kind : probeDataKinds()) {
            MAPPER.canSerialize(kind.getType());
        }
        try {
            MAPPER.writeValueAsString(java.util.Map.of("prepared", java.util.List.of(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(DiagnosisResult result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result's own fields (the diagnose --json schema), plus fixHistory, verification and redacted. */
    public static String write(ReportData report) {
        try {
            ObjectNode tree = MAPPER.valueToTree(report.result());
            tree.set(FIX_HISTORY, MAPPER.valueToTree(report.fixHistory()));
            if (report.verification() != null) {
                tree.set(VERIFICATION, MAPPER.valueToTree(report.verification()));
            }
            tree.put(REDACTED, report.redacted());
            return MAPPER.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a saved result or report back. Throws {@link IOException} with a plain message when
     * the text is not one of ours.
     */
    /** The parts every report shows; a result without them was not written whole by this tool. */
    private static void requireParts(DiagnosisResult result, String prefix) throws IOException {
        List<String> missing = new java.util.ArrayList<>();
        if (result.startedAt() == null) {
            missing.add(prefix + "startedAt");
        }
        if (result.request() == null) {
            missing.add(prefix + "request");
        }
        if (result.environment() == null) {
            missing.add(prefix + "environment");
        }
        if (result.verdict() == null) {
            missing.add(prefix + "verdict");
        }
        if (!missing.isEmpty()) {
            throw new IOException("This result has no " + String.join(", ", missing)
                    + ": it was cut short, or was not written by WSL Net Doctor.");
        }
    }

    /** Where in the JSON a value did not fit, as a path a user can look up: $.probes[2].status. */
    private static String where(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder b = new StringBuilder("$");
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 1 ? "a part of it" : b.toString();
    }

    public static ReportData read(String json) throws IOException {
        return read(json, true);
    }

    /**
     * The same reading, checks and messages, without the probes (an empty list): what a fleet
     * summary counts is the findings and the machine's facts, and the probes are most of a
     * result's bytes and of the work to read it. The whole text is still parsed, so a file cut
     * short is still told.
     */
    public static ReportData readWithoutProbes(String json) throws IOException {
        return read(json, false);
    }

    private static ReportData read(String json, boolean probes) throws IOException {
        JsonNode tree;
        try {
            if (probes) {
                tree = MAPPER.readTree(json);
            } else {
                try (JsonParser parser = new com.fasterxml.jackson.core.filter.FilteringParserDelegate(MAPPER.createParser(json),
                        WITHOUT_PROBES, com.fasterxml.jackson.core.filter.TokenFilter.Inclusion.INCLUDE_ALL_AND_PATH, true)) {
                    tree = MAPPER.readTree(parser);
                }
                if (tree instanceof ObjectNode o) {
                    o.putArray("probes");
                    JsonNode again = o.get(VERIFICATION);
                    if (again instanceof ObjectNode v) {
                        v.putArray("probes");
                    }
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("This is not a JSON file: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.has("schemaVersion")) {
            throw new IOException("This JSON is not a WSL Net Doctor result (no schemaVersion).");
        }
        if (!tree.get("schemaVersion").isInt()) {
            throw new IOException("This JSON is not a WSL Net Doctor result (its schemaVersion is not a number).");
        }
        int version = tree.get("schemaVersion").asInt();
        if (version != DiagnosisResult.SCHEMA_VERSION) {
            throw new IOException("This result has schema version " + version + "; this version of WSL Net Doctor reads "
                    + DiagnosisResult.SCHEMA_VERSION + ".");
        }
        ObjectNode object = (ObjectNode) tree;
        JsonNode history = object.remove(FIX_HISTORY);
        JsonNode verification = object.remove(VERIFICATION);
        JsonNode redacted = object.remove(REDACTED);
        try {
            DiagnosisResult result = MAPPER.treeToValue(object, DiagnosisResult.class);
            List<FixRecord> fixes = history == null ? List.of()
                    : MAPPER.readerForListOf(FixRecord.class).readValue(history);
            DiagnosisResult again = verification == null || verification.isNull() ? null
                    : MAPPER.treeToValue(verification, DiagnosisResult.class);
            requireParts(result, "");
            if (again != null) {
                requireParts(again, "verification.");
            }
            return new ReportData(result, fixes, again, redacted != null && redacted.asBoolean());
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new IOException("This result cannot be read: " + where(e) + " is missing or not as WSL Net Doctor writes it.", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("This result cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** Leaves out every "probes" member, the result's and its verification's, without building them. */
    private static final com.fasterxml.jackson.core.filter.TokenFilter WITHOUT_PROBES = new com.fasterxml.jackson.core.filter.TokenFilter() {
        @Override
        public com.fasterxml.jackson.core.filter.TokenFilter includeProperty(String name) {
            return "probes".equals(name) ? null : com.fasterxml.jackson.core.filter.TokenFilter.INCLUDE_ALL;
        }
    };

    private static final String FIX_HISTORY = "fixHistory";
    private static final String VERIFICATION = "verification";
    private static final String REDACTED = "redacted";

    /**
     * Checks, findings and fixes as their stable ids ({@code dscp-connect}, {@code port-refused}),
     * not as the enum constants' names: the schema's strings, and the ones scripts read.
     */
    private static SimpleModule stableIds() {
        SimpleModule module = new SimpleModule("stable-ids");
        stableId(module, ProbeId.class, ProbeId::id, ProbeId::of);
        stableId(module, FindingId.class, FindingId::id, FindingId::of);
        stableId(module, FixId.class, FixId::id, FixId::of);
        return module;
    }

    private static <E extends Enum<E>> void stableId(SimpleModule module, Class<E> type, Function<E, String> write,
                                                     Function<String, Optional<E>> read) {
        module.addSerializer(type, new StdSerializer<>(type) {
            @Override
            public void serialize(E value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new StdDeserializer<>(type) {
            @Override
            public E deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                Optional<E> value = read.apply(text);
                if (value.isEmpty()) {
                    return type.cast(context.handleWeirdStringValue(type, text, "not an id WSL Net Doctor writes"));
                }
                return value.get();
            }
        });
    }

    /** Each probe's data names its kind ("marked-connects"), so a saved result can be read back. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    private interface ProbeDataMixin {
    }

    /** The DNS path by its stable id ({@code nat-dns-proxy}), written and read back so, as before it was an enum. */
    private interface DnsPathMixin {
        @JsonValue
        String id();
    }

    /**
     * Every kind of probe data, named after its record in kebab case: taken from the sealed
     * interface itself, so a new kind can never be written without a name to read it back by.
     */
    static NamedType[] probeDataKinds() {
        return java.util.Arrays.stream(ProbeData.class.getPermittedSubclasses())
                .map(c -> new NamedType(c, c.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT)))
                .toArray(NamedType[]::new);
    }
}
