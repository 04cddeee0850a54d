// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The published JSON Schemas of the results (shipped in the jar under dev/netdoctor/schema/),
 * checked by a maintained validator (networknt json-schema-validator, draft 2020-12) with
 * {@code format} asserted, so a date that is not a date fails as an undeclared field does.
 */
public enum ResultSchema {
    /** {@code diagnose --json}, and the report's JSON (the wizard's Save JSON, report --json, --redact). */
    DIAGNOSIS("diagnosis-result.schema.json"),
    /** {@code check-config --json}. */
    CHECK_CONFIG("check-config-result.schema.json");

    /** Where the schemas are inside the jar: the installers carry the jar, so they carry these. */
    public static final String FOLDER = "/dev/netdoctor/schema/";

    private final String file;
    private volatile Schema schema;

    ResultSchema(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** The schema's own text, as shipped. */
    public String text() {
        try (InputStream in = ResultSchema.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + file + " is not on the class path: the schema is not shipped");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Schema schema() {
        Schema s = schema;
        if (s == null) {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            s = registry.getSchema(text(), InputFormat.JSON);
            schema = s;
        }
        return s;
    }

    /** What in {@code json} the schema does not allow, one line each; empty when it validates. */
    public List<String> problems(String json) {
        return schema().validate(json, InputFormat.JSON).stream().map(ResultSchema::line).toList();
    }

    /** Throws with every problem when {@code json} does not validate: for tests that only need it to. */
    public void check(String json) {
        List<String> problems = problems(json);
        if (!problems.isEmpty()) {
            throw new AssertionError("The JSON does not follow " + file + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static String line(Error e) {
        return e.getInstanceLocation() + ": " + e.getMessage() + " (" + e.getKeyword() + ")";
    }
}
