// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
/**
 * WSL Net Doctor: finds why networking from WSL2 fails, explains it, and fixes it safely.
 * Layers by package, arrows one way (docs/architecture.md; "a → b": a imports b):
 * host → model; probe → host, config, model; diagnosis → model; session → probe, diagnosis, host, model;
 * fix → host, config, model; report → model; cli and ui → session, fix, report, host, model, log;
 * cli → probe too; Main → cli, ui. model, config and log import nothing of ours.
 */
module dev.netdoctor {
    requires java.logging;
    requires javafx.controls;
    requires atlantafx.base;
    requires org.controlsfx.controls;
    requires org.kordamp.ikonli.javafx;
    requires org.kordamp.ikonli.feather;
    requires com.github.oshi;
    requires com.jcraft.jsch;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires openhtmltopdf.pdfbox;
    requires openhtmltopdf.core;
    requires org.apache.pdfbox;
    requires org.dnsjava;

    exports dev.netdoctor.model;
    // picocli reads the commands' annotations and fields reflectively.
    opens dev.netdoctor.cli to info.picocli;
    // Jackson serializes the model's records reflectively.
    opens dev.netdoctor.model to com.fasterxml.jackson.databind;
    opens dev.netdoctor.report to com.fasterxml.jackson.databind;
    // JavaFX instantiates the Application subclass.
    exports dev.netdoctor.ui to javafx.graphics;
}
