package dev.netdoctor.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.ProbeData;

import java.io.IOException;
import java.io.UncheckedIOException;

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
            // Enums as the schema spells them: problem, high, completed, wsl2.
            .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .build();

    private JsonReport() {
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

    /** Each probe's data names its kind, so a saved result can be read back. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ProbeData.Resolution.class, name = "resolution"),
            @JsonSubTypes.Type(value = ProbeData.Ping.class, name = "ping"),
            @JsonSubTypes.Type(value = ProbeData.Routes.class, name = "routes"),
            @JsonSubTypes.Type(value = ProbeData.MarkedConnects.class, name = "marked-connects"),
            @JsonSubTypes.Type(value = ProbeData.SshHandshakes.class, name = "ssh-handshakes"),
            @JsonSubTypes.Type(value = ProbeData.OpenSshRuns.class, name = "openssh-runs"),
            @JsonSubTypes.Type(value = ProbeData.PathMtu.class, name = "path-mtu"),
            @JsonSubTypes.Type(value = ProbeData.Sockets.class, name = "sockets")})
    private interface ProbeDataMixin {
    }
}
