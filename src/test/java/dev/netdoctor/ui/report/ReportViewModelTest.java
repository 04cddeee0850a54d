// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.ui.FakeDialogs;
import dev.netdoctor.ui.Fixtures;
import dev.netdoctor.ui.TaskExecutor;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The Report step's model on the test's thread, without the FX toolkit: what is written is what the user sees. */
class ReportViewModelTest {
    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final SimpleObjectProperty<DiagnosisResult> result = new SimpleObjectProperty<>();
    private final ReportViewModel report = new ReportViewModel(result, FXCollections.observableArrayList(),
            new SimpleObjectProperty<>(), dialogs, TaskExecutor.sameThread(), Clock.fixed(Instant.parse("2026-11-22T03:00:00Z"), ZoneOffset.UTC));

    @Test
    void withoutAResultNothingIsAskedOrWritten() {
        dialogs.saveTo = dir.resolve("result.json");
        report.saveJson();
        report.exportPdf();
        assertThat(Files.exists(dir.resolve("result.json"))).isFalse();
        assertThat(report.summaryText()).isEmpty();
        assertThat(report.statusProperty().get()).isEmpty();
    }

    @Test
    void theSavedJsonIsTheSessionAndHidingNamesMarksEverythingExported() throws Exception {
        result.set(Fixtures.result(false));
        assertThat(report.defaultFileName("json")).isEqualTo("wsl-net-doctor-2026-11-22-" + Fixtures.TARGET + "_22.json");
        Path json = dir.resolve("result.json");
        dialogs.saveTo = json;
        report.saveJson();
        assertThat(Files.readString(json)).contains("\"schemaVersion\" : 1").contains("dscp-marked-syn-dropped").contains(Fixtures.TARGET);
        assertThat(report.statusProperty().get()).contains(json.toString());

        report.redactProperty().set(true);
        assertThat(report.defaultFileName("json")).isEqualTo("wsl-net-doctor-2026-11-22.json");
        // The fixture's addresses are from the benchmark range, which redaction keeps on purpose.
        assertThat(report.summaryText()).contains("_Redacted: names and addresses are replaced by placeholders._");
        Path hidden = dir.resolve("hidden.json");
        dialogs.saveTo = hidden;
        report.saveJson();
        assertThat(Files.readString(hidden)).contains("\"redacted\" : true");
    }

    @Test
    void aFolderThatIsNotThereIsSaidAndNothingIsLeft() {
        result.set(Fixtures.result(false));
        dialogs.saveTo = dir.resolve("missing").resolve("report.pdf");
        report.exportPdf();
        assertThat(dialogs.errors).singleElement().asString().contains("report.pdf");
        assertThat(Files.exists(dir.resolve("missing"))).isFalse();
    }
}
