// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.FindingId;
import dev.netdoctor.model.FixId;
import dev.netdoctor.model.FixPlan;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published schema describes the JSON the code writes, exactly: every recorded result
 * validates, every field the model can hold (each record component set, every kind of probe data
 * and fix plan, every id) is declared, and a field the schema does not declare fails.
 */
class ResultSchemaTest {
    private static final ResultSchema SCHEMA = ResultSchema.DIAGNOSIS;

    static Stream<Path> recorded() throws Exception {
        Path folder = folder("/dev/netdoctor/report/results/");
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(json).as("the recorded results").hasSizeGreaterThanOrEqualTo(20);
            return json.stream();
        }
    }

    private static Path folder(String resource) throws URISyntaxException {
        return Path.of(ResultSchemaTest.class.getResource(resource).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recorded")
    void everyRecordedResultValidates(Path file) throws Exception {
        SCHEMA.check(Files.readString(file));
    }

    static IntStream variants() {
        return IntStream.range(0, EveryField.VARIANTS);
    }

    /**
     * Every record component set, one outcome per kind of probe data, one fix per fix id with its
     * plan; across the variants every enum constant and both sides of every fact. A component
     * added to the model without the schema being told fails here.
     */
    @ParameterizedTest(name = "variant {0}")
    @MethodSource("variants")
    void aResultWithEveryFieldSetValidates(int variant) {
        SCHEMA.check(JsonReport.write(new EveryField(variant).result()));
    }

    /** The report's form: fix history, the verification run, the redaction mark. */
    @ParameterizedTest(name = "variant {0}")
    @MethodSource("variants")
    void aReportWithEveryFieldSetValidates(int variant) {
        SCHEMA.check(JsonReport.write(new EveryField(variant).report()));
    }

    /** check-config --json's document (files and findings, written as CheckConfigCommand writes it) with every field set. */
    @ParameterizedTest(name = "variant {0}")
    @MethodSource("variants")
    void aCheckConfigDocumentWithEveryFieldSetValidates(int variant) throws Exception {
        EveryField every = new EveryField(variant);
        java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("files", List.of(every.value(dev.netdoctor.model.ConfigFileCheck.class)));
        doc.put("findings", List.of(every.finding()));
        ResultSchema.CHECK_CONFIG.check(JsonReport.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    }

    @Test
    void theEveryFieldResultReallyHoldsEveryKindAndEveryId() throws Exception {
        JsonNode doc = JsonReport.mapper().readTree(JsonReport.write(new EveryField(0).result()));
        Set<String> kinds = new HashSet<>();
        doc.get("probes").forEach(p -> kinds.add(p.get("data").get("kind").asText()));
        assertThat(kinds).hasSize(ProbeData.class.getPermittedSubclasses().length);
        Set<String> fixes = new HashSet<>();
        doc.get("findings").get(0).get("fixes").forEach(f -> fixes.add(f.get("id").asText()));
        assertThat(fixes).containsExactlyInAnyOrderElementsOf(Arrays.stream(FixId.values()).map(FixId::id).toList());
        // every kind of plan has a sample (a new kind without one fails here, not silently)
        for (Class<?> kind : FixPlan.class.getPermittedSubclasses()) {
            assertThat(EveryField.plan(kind.asSubclass(FixPlan.class))).isInstanceOf(kind);
        }
        Set<String> findingIds = new HashSet<>();
        Set<String> probeIds = new HashSet<>();
        for (int v = 0; v < EveryField.VARIANTS; v++) {
            JsonNode d = JsonReport.mapper().readTree(JsonReport.write(new EveryField(v).result()));
            d.get("findings").forEach(f -> findingIds.add(f.get("id").asText()));
            d.get("probes").forEach(p -> probeIds.add(p.get("probeId").asText()));
        }
        assertThat(findingIds).containsExactlyInAnyOrderElementsOf(Arrays.stream(FindingId.values()).map(FindingId::id).toList());
        assertThat(probeIds).containsExactlyInAnyOrderElementsOf(Arrays.stream(ProbeId.values()).map(ProbeId::id).toList());
    }

    /** The schema names every kind of probe data and every kind of plan, by the names the JSON uses. */
    @Test
    void theSchemaNamesEveryKindOfProbeDataAndPlan() throws Exception {
        JsonNode schema = JsonReport.mapper().readTree(SCHEMA.text());
        Set<String> declared = new HashSet<>();
        schema.at("/$defs/ProbeData/properties/kind/enum").forEach(k -> declared.add(k.asText()));
        assertThat(declared).containsExactlyInAnyOrderElementsOf(Arrays.stream(JsonReport.probeDataKinds()).map(n -> n.getName()).toList());
        for (Class<?> kind : FixPlan.class.getPermittedSubclasses()) {
            assertThat(schema.at("/$defs/FixPlan" + kind.getSimpleName()).isObject()).as("the parameters of " + kind.getSimpleName()).isTrue();
        }
        // each fix that writes is tied to its plan's parameters, so they are checked, not just any strings
        for (FixId id : FixId.values()) {
            if (id.plan() == FixPlan.ByHand.class) {
                continue;
            }
            String plan = "#/$defs/FixPlan" + id.plan().getSimpleName();
            boolean tied = false;
            for (JsonNode branch : schema.at("/$defs/FixSuggestion/allOf")) {
                boolean names = false;
                for (JsonNode listed : branch.at("/if/properties/id/enum")) {
                    names |= listed.asText().equals(id.id());
                }
                tied |= names && branch.at("/then/properties/parameters").toString().contains("\"" + plan + "\"");
            }
            assertThat(tied).as(id.id() + " is tied to " + plan + " in FixSuggestion").isTrue();
        }
    }

    /**
     * Every object the schemas describe is closed: no undeclared field anywhere. The exceptions are
     * maps, whose keys are data (a check's parameters, ssh's effective options, a settings file's
     * settings: each value a string), the conditions of if/then, and the result's own definition,
     * closed where it is used (unevaluatedProperties), since the report's fields may follow it.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(ResultSchema.class)
    void everyObjectIsClosed(ResultSchema which) throws Exception {
        List<String> open = new java.util.ArrayList<>();
        closed(JsonReport.mapper().readTree(which.text()), "", open);
        assertThat(open).isEmpty();
    }

    private static void closed(JsonNode node, String path, List<String> open) {
        if (node.isObject()) {
            boolean object = "object".equals(node.path("type").asText()) || node.has("properties");
            boolean map = node.path("additionalProperties").isObject() && !node.has("properties");
            boolean condition = path.endsWith("/if") || path.endsWith("/then");
            boolean result = path.equals("/$defs/DiagnosisResult");
            if (object && !map && !condition && !result && !node.path("additionalProperties").isBoolean()
                    && !node.path("unevaluatedProperties").isBoolean()) {
                open.add(path);
            }
            if (node.path("additionalProperties").asBoolean(false) || node.path("unevaluatedProperties").asBoolean(false)) {
                open.add(path + " (allows any field)");
            }
            node.properties().forEach(e -> closed(e.getValue(), path + "/" + e.getKey(), open));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                closed(node.get(i), path + "/" + i, open);
            }
        }
    }

    @Test
    void theSchemaIsTheVersionTheCodeWrites() throws Exception {
        JsonNode schema = JsonReport.mapper().readTree(SCHEMA.text());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asText()).endsWith(":" + DiagnosisResult.SCHEMA_VERSION);
        assertThat(schema.at("/$defs/DiagnosisResult/properties/schemaVersion/const").asInt()).isEqualTo(DiagnosisResult.SCHEMA_VERSION);

        ObjectNode other = (ObjectNode) JsonReport.mapper().readTree(JsonReport.write(new EveryField(0).result()));
        other.put("schemaVersion", DiagnosisResult.SCHEMA_VERSION + 1);
        assertThat(SCHEMA.problems(other.toString())).anyMatch(p -> p.contains("schemaVersion"));
    }

    /** A field the schema does not declare fails, wherever it is planted. */
    @Test
    void anUndeclaredFieldFailsAtTheTopAndDeepInside() throws Exception {
        String written = JsonReport.write(new EveryField(0).report());
        assertThat(SCHEMA.problems(written)).isEmpty();
        for (String where : List.of("", "/request", "/environment", "/environment/windows/policy/firewallProfiles",
                "/environment/windows/policy/firewallProfiles/value/0", "/probes/0", "/probes/0/data", "/probes/3/data",
                "/probes/" + (ProbeData.class.getPermittedSubclasses().length - 1) + "/data", "/findings/0", "/findings/0/evidence/0",
                "/findings/0/fixes/0", "/findings/0/fixes/0/parameters", "/fixHistory/0", "/verification",
                "/verification/probes/1/data")) {
            ObjectNode doc = (ObjectNode) JsonReport.mapper().readTree(written);
            JsonNode at = doc.at(where);
            assertThat(at.isObject()).as(where).isTrue();
            ((ObjectNode) at).put("plantedField", "x");
            assertThat(SCHEMA.problems(doc.toString())).as("planted at " + where).isNotEmpty()
                    .anyMatch(p -> p.contains("plantedField"));
        }
    }

    /** Wrong types and ids fail too: a probe's kind the schema does not know, a fix's parameters of another fix. */
    @Test
    void aWrongKindOrForeignParametersFail() throws Exception {
        String written = JsonReport.write(new EveryField(0).result());
        ObjectNode doc = (ObjectNode) JsonReport.mapper().readTree(written);
        ((ObjectNode) doc.at("/probes/0/data")).put("kind", "no-such-kind");
        assertThat(SCHEMA.problems(doc.toString())).isNotEmpty();

        doc = (ObjectNode) JsonReport.mapper().readTree(written);
        ArrayNode fixes = (ArrayNode) doc.at("/findings/0/fixes");
        JsonNode mtu = null;
        for (JsonNode f : fixes) {
            if (f.get("id").asText().equals(FixId.WSL_CONF_BOOT_MTU.id())) {
                mtu = f.get("parameters");
            }
        }
        ((ObjectNode) fixes.get(0)).set("parameters", mtu);
        assertThat(SCHEMA.problems(doc.toString())).as("the ssh fix with the MTU fix's parameters").isNotEmpty();

        doc = (ObjectNode) JsonReport.mapper().readTree(written);
        doc.put("startedAt", "yesterday");
        assertThat(SCHEMA.problems(doc.toString())).as("a date that is not one").isNotEmpty();
    }
}
