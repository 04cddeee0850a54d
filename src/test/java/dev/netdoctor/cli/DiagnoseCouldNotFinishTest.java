// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Something nobody foresaw breaks while the diagnosis is shown (here: stdout itself): the user
 * gets one sentence with the run log's place and exit status 3, never a stack trace, and a
 * script reading --json keeps the document it already got. Runs the local checks only.
 */
class DiagnoseCouldNotFinishTest {
    private static final Pattern SENTENCE = Pattern.compile(
            "wsl-net-doctor: The diagnosis could not finish: an unexpected error \\(IllegalStateException\\) stopped it\\. "
                    + "The run log is at (\\S+)\\.");

    /** A stdout that fails loudly: at the first character, or when it is flushed after the first write. */
    private static final class BrokenOut extends PrintWriter {
        private final boolean onFlush;

        BrokenOut(StringWriter into, boolean onFlush) {
            super(into, true);
            this.onFlush = onFlush;
        }

        @Override
        public void write(String s, int off, int len) {
            if (!onFlush) {
                throw new IllegalStateException("stdout is gone");
            }
            super.write(s, off, len);
        }

        @Override
        public void write(char[] buf, int off, int len) {
            write(new String(buf, off, len), 0, len);
        }

        @Override
        public void write(int c) {
            write(String.valueOf((char) c), 0, 1);
        }

        @Override
        public void flush() {
            super.flush();
            if (onFlush) {
                throw new IllegalStateException("stdout is gone");
            }
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run diagnose(boolean failOnFlush, String... extra) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[extra.length + 4];
        System.arraycopy(new String[]{"diagnose", "--quiet", "--timeout", "10"}, 0, args, 0, 4);
        System.arraycopy(extra, 0, args, 4, extra.length);
        int exit = Cli.run(args, new BrokenOut(out, failOnFlush), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static void assertOneSentenceAndTheLog(Run r) throws Exception {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.INCOMPLETE);
        String err = r.err().strip();
        assertThat(err.lines()).as("one line, no stack trace").hasSize(1);
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception:");
        Matcher m = SENTENCE.matcher(err);
        assertThat(m.matches()).as(err).isTrue();
        Path log = Path.of(m.group(1));
        assertThat(log).exists();
        assertThat(Files.readString(log)).as("the details are in the log").contains("the diagnosis could not finish")
                .contains("java.lang.IllegalStateException: stdout is gone").contains("\tat ");
    }

    @Test
    void aResultThatCannotBeShownEndsInOneSentenceAndExitThree() throws Exception {
        Run r = diagnose(false);
        assertOneSentenceAndTheLog(r);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withJsonTheDocumentAlreadyPrintedStaysWhole() throws Exception {
        Run r = diagnose(true, "--json");
        assertOneSentenceAndTheLog(r);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.path("findings").isArray()).isTrue();
        assertThat(r.out().strip().lines().filter(l -> l.startsWith("{")).count()).as("exactly one document").isEqualTo(1);
    }
}
