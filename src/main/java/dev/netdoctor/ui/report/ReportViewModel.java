// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.ui.report;

import dev.netdoctor.model.DiagnosisResult;
import dev.netdoctor.model.FixRecord;
import dev.netdoctor.model.ReportData;
import dev.netdoctor.report.HtmlReport;
import dev.netdoctor.report.MarkdownReport;
import dev.netdoctor.report.ReportFiles;
import dev.netdoctor.ui.DialogService;
import dev.netdoctor.ui.Errors;
import dev.netdoctor.ui.TaskExecutor;
import dev.netdoctor.ui.Texts;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The Report step: the ticket-ready summary, the PDF and the JSON of this session (the run, what
 * the Fix step did, the verification), redacted when the user asks. Files are written whole or
 * not at all, off the UI thread.
 */
public final class ReportViewModel {
    private final ReadOnlyObjectProperty<DiagnosisResult> result;
    private final ObservableList<FixRecord> history;
    private final ReadOnlyObjectProperty<DiagnosisResult> verification;
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final BooleanProperty redact = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyBooleanWrapper exporting = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<Path> lastSaved = new javafx.beans.property.ReadOnlyObjectWrapper<>();
    /** Whether what the report would hold now has been saved (JSON or PDF) since it last changed. */
    private boolean saved;

    public ReportViewModel(ReadOnlyObjectProperty<DiagnosisResult> result, ObservableList<FixRecord> history,
                    ReadOnlyObjectProperty<DiagnosisResult> verification, DialogService dialogs, TaskExecutor tasks, Clock clock) {
        this.result = result;
        this.history = history;
        this.verification = verification;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.clock = clock;
        javafx.beans.InvalidationListener changed = o -> saved = false;
        result.addListener(changed);
        verification.addListener(changed);
        history.addListener(changed);
    }

    /** A report file is being written (the first PDF takes seconds: fonts and layout load then). */
    public javafx.beans.property.ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The file written last, to open or show; null before the first. */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> lastSavedProperty() {
        return lastSaved.getReadOnlyProperty();
    }

    public void openLastSaved() {
        if (lastSaved.get() != null) {
            dialogs.open(lastSaved.get());
        }
    }

    public void showLastSavedFolder() {
        if (lastSaved.get() != null && lastSaved.get().toAbsolutePath().getParent() != null) {
            dialogs.open(lastSaved.get().toAbsolutePath().getParent());
        }
    }

    /** A result that no report file holds yet: leaving then asks first. */
    public boolean hasUnsavedResults() {
        return result.get() != null && !saved;
    }

    /** "Hide names and addresses": user, host names and addresses become placeholders in everything exported. */
    public BooleanProperty redactProperty() {
        return redact;
    }

    /** What the last export or copy did, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Everything the report shows, redacted when the user asked for it. */
    ReportData data() {
        return ReportFiles.prepare(new ReportData(result.get(), List.copyOf(history), verification.get(), false), redact.get());
    }

    public String summaryText() {
        return result.get() == null ? "" : MarkdownReport.summary(data());
    }

    /** The name a report file gets unless the user picks another: product, date and (unless hidden) target. */
    String defaultFileName(String extension) {
        DiagnosisResult r = result.get();
        String target = r == null || r.request().target() == null || redact.get() ? "" : "-" + r.request().target().replaceAll("[^A-Za-z0-9.-]", "_");
        return "wsl-net-doctor-" + LocalDate.now(clock) + target + "." + extension;
    }

    public void copySummary() {
        dialogs.copyToClipboard(summaryText());
        status.set(Texts.get("report.copied"));
    }

    public void exportPdf() {
        save("report.savePdf", "pdf", "PDF", path -> new ReportFiles.Request(path, null, null, null, HtmlReport.Paper.A4, false));
    }

    public void saveJson() {
        save("report.saveJson", "json", "JSON", path -> new ReportFiles.Request(null, null, null, path, HtmlReport.Paper.A4, false));
    }

    private void save(String titleKey, String extension, String description, java.util.function.Function<Path, ReportFiles.Request> request) {
        if (result.get() == null) {
            return;
        }
        ReportData data = data();
        dialogs.chooseSaveFile(Texts.get(titleKey), defaultFileName(extension), description, "*." + extension).ifPresent(path -> {
            exporting.set(true);
            status.set(Texts.get("report.writing", path.getFileName()));
            // Already redacted above when asked; written whole or not at all (temp file, atomic move).
            tasks.run(() -> ReportFiles.write(data, request.apply(path)).getFirst(), () -> exporting.set(false),
                    written -> {
                        saved = true;
                        lastSaved.set(written);
                        status.set(Texts.get("report.saved", written));
                    },
                    error -> {
                        status.set("");
                        dialogs.showError(Texts.get(titleKey), Texts.get("report.saveFailed", path), Errors.details(error));
                    });
        });
    }
}
