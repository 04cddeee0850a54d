// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import dev.netdoctor.report.FleetSummary.Skipped;
import dev.netdoctor.report.fixtures.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class FleetInputsTest {
    @TempDir
    Path dir;

    /** The single-result report's check, as the CLI passes it: here only "empty" matters. */
    private static final Function<Path, String> CHECK = p -> {
        try {
            return Files.size(p) == 0 ? p + " is empty" : null;
        } catch (java.io.IOException e) {
            return e.getMessage();
        }
    };

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static Map<String, String> reasons(FleetInputs.Read read) {
        return read.skipped().stream().collect(Collectors.toMap(s -> Path.of(s.where()).getFileName().toString(), Skipped::reason));
    }

    @Test
    void foldersAreSearchedAndEveryBadFileIsListedWithWhy() throws Exception {
        String dscp = JsonReport.write(Results.recorded("dscp"));
        write("sales/laptop-1.json", dscp);
        write("sales/emea/laptop-2.json", JsonReport.write(Results.recorded("clock-skew")));
        write("notes.txt", "hello");
        write("cut.json", dscp.substring(0, dscp.indexOf("\"probes\"")));
        write("other-tool.json", "{\"name\": \"not ours\"}");
        write("not-json.json", "laptop-3 was fine");
        write("empty.csv", "");
        write("latin1.csv", "Device name\nPC-\u00e9\n").toFile();
        Files.write(dir.resolve("latin1.csv"), "Device name\nPC-\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        write("export.csv", "\uFEFFDevice name,Pre-remediation detection output\r\nPC-9,\"" + IntuneCsvTest.LINE_OK + "\"\r\n");

        FleetInputs.Read read = FleetInputs.read(List.of(dir), CHECK, 1 << 20);

        assertThat(read.machines()).extracting(FleetMachine::name)
                .containsExactly("PC-9", "sales/emea/laptop-2.json", "sales/laptop-1.json");
        Map<String, String> why = reasons(read);
        assertThat(why).containsOnlyKeys("notes.txt", "cut.json", "other-tool.json", "not-json.json", "empty.csv", "latin1.csv");
        assertThat(why.get("notes.txt")).isEqualTo("neither .json nor .csv");
        assertThat(why.get("cut.json")).startsWith("This is not a JSON file: Unexpected end-of-input").doesNotContain("[Source");
        assertThat(why.get("other-tool.json")).contains("not a WSL Net Doctor result");
        assertThat(why.get("not-json.json")).startsWith("This is not a JSON file");
        assertThat(why.get("empty.csv")).endsWith("is empty");
        assertThat(why.get("latin1.csv")).startsWith("not text");
    }

    @Test
    void aFileIsReadOnlyUpToTheLimit() throws Exception {
        Path big = write("big.json", "{\"schemaVersion\": 1, \"padding\": \"" + "x".repeat(5000) + "\"}");
        FleetInputs.Read read = FleetInputs.read(List.of(big), CHECK, 1000);
        assertThat(read.machines()).isEmpty();
        assertThat(read.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).startsWith("larger than"));
    }

    @Test
    void aGivenFileIsReadByWhatItHoldsWhateverItsName() throws Exception {
        Path result = write("laptop-7.result", JsonReport.write(Results.recorded("vpn-mtu")));
        Path export = write("export.txt", "DeviceName,Output\nPC-1,\"" + IntuneCsvTest.LINE_MTU + "\"\n");
        FleetInputs.Read read = FleetInputs.read(List.of(result, export), CHECK, 1 << 20);
        assertThat(read.skipped()).isEmpty();
        assertThat(read.machines()).extracting(FleetMachine::name).containsExactly(result.toString(), "PC-1");
        assertThat(read.files()).containsExactly(result, export);
        // given twice: once
        assertThat(FleetInputs.read(List.of(result, export, Path.of(result + "/../" + result.getFileName())), CHECK, 1 << 20).machines()).extracting(FleetMachine::name)
                .containsExactly(result.toString(), "PC-1");
    }

    @Test
    void utf16WithItsMarkIsRead() throws Exception {
        Path p = dir.resolve("export.csv");
        String csv = "Device name,Output\r\nPC-\u00e9,\"" + IntuneCsvTest.LINE_OK + "\"\r\n";
        byte[] body = csv.getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        Files.write(p, all);
        assertThat(FleetInputs.read(List.of(p), CHECK, 1 << 20).machines()).extracting(FleetMachine::name).containsExactly("PC-\u00e9");
    }

    @Test
    void foldersDeeperThanTheLimitAreNotSearchedAndLinksNotFollowed() throws Exception {
        String json = JsonReport.write(Results.recorded("dscp"));
        write("a/b/c/d/e/f/g/near.json", json);
        write("a/b/c/d/e/f/g/h/i/too-deep.json", json);
        Files.createSymbolicLink(dir.resolve("a/loop"), dir);
        FleetInputs.Read read = FleetInputs.read(List.of(dir), CHECK, 1 << 20);
        assertThat(read.machines()).extracting(FleetMachine::name).containsExactly("a/b/c/d/e/f/g/near.json");
        assertThat(read.skipped()).extracting(Skipped::reason).containsExactly("a link; links in a folder are not followed");
    }
}
