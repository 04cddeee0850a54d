// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WindowsCommandLine#forWslExec} against what Windows does to the line (the JDK's legacy
 * join, wsl.exe's reading, CommandLineToArgvW, as ported in {@link WindowsRoundTrip}): the
 * arguments reach Linux exactly, while passing them raw visibly does not.
 */
class WindowsCommandLinePropertiesTest {
    static final List<String> WSL_EXEC = List.of("C:\\Windows\\System32\\wsl.exe", "-d", "Lab", "--exec");
    /** Pieces of arguments that Windows' quoting rules or a shell could trip over, and runs of them. */
    static final List<String> HOSTILE = List.of(" ", "\t", "\"", "\\", "\\\\", "\\\\\\", "\"\"", "\\\"", "\"\\", "  ",
            " \t", "\n", "\r", "\r\n", "$", "$1", "'", "%", "%s", "^", "&", "<", ">", "|", "*", "ü", "\u00A0", "\u3000",
            "\u2028", "\u0085", "a", "b", "-", "--", "~");

    static List<String> prefixed(List<String> argv) {
        List<String> full = new ArrayList<>(WSL_EXEC);
        full.addAll(argv);
        return full;
    }

    /** What Linux gets when the list goes through Windows, each argument pre-quoted. */
    static List<String> throughWindows(List<String> argv) {
        return WindowsRoundTrip.linuxArgv(WindowsRoundTrip.javaLegacyJoin(prefixed(WindowsCommandLine.forWslExec(argv))));
    }

    /** What Linux gets when the list is handed to the JDK as it is. */
    static List<String> throughWindowsRaw(List<String> argv) {
        return WindowsRoundTrip.linuxArgv(WindowsRoundTrip.javaLegacyJoin(prefixed(argv)));
    }

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.of(HOSTILE).list().ofMaxSize(10).map(pieces -> String.join("", pieces));
    }

    @Provide
    Arbitrary<List<String>> tails() {
        return hostile().list().ofMaxSize(7);
    }

    /**
     * A program name CommandLineToArgvW can give back: it reads the first word with no backslash
     * processing, up to the next quote, so a name cannot hold a quote or end in a backslash.
     */
    @Provide
    Arbitrary<String> programNames() {
        return hostile().filter(s -> !s.contains("\"") && !s.endsWith("\\"));
    }

    @Property(tries = 2000)
    void preQuotedArgumentsReachLinuxExactly(@ForAll("programNames") String program, @ForAll("tails") List<String> rest) {
        List<String> argv = new ArrayList<>(List.of(program));
        argv.addAll(rest);
        assertThat(throughWindows(argv)).containsExactlyElementsOf(argv);
    }

    @Property(tries = 500)
    void theProgramNameCannotHoldAQuoteNorEndInABackslash(@ForAll("hostile") String program, @ForAll("tails") List<String> rest) {
        Assume.that(program.contains("\"") || program.endsWith("\\"));
        List<String> argv = new ArrayList<>(List.of(program));
        argv.addAll(rest);
        List<String> got = throughWindows(argv);
        assertThat(got).as("CommandLineToArgvW reads the first word as a file name").isNotNull();
        assertThat(got.getFirst()).isNotEqualTo(program);
    }

    @Example
    void nothingAfterExecIsRefusedByWslExeItself() {
        assertThat(throughWindows(List.of())).isNull();
        assertThat(WindowsRoundTrip.wslExe(WindowsRoundTrip.javaLegacyJoin(WSL_EXEC)).kind())
                .isEqualTo(WindowsRoundTrip.Kind.ERROR);
    }

    @Provide
    Arbitrary<String> scriptsWithQuoteAndSpace() {
        return Arbitraries.of(HOSTILE).list().ofMinSize(0).ofMaxSize(12)
                .map(pieces -> String.join("", pieces))
                .flatMap(s -> Arbitraries.integers().between(0, s.length()).map(at -> s.substring(0, at) + "\" " + s.substring(at)));
    }

    /** The regression guard: without forWslExec a script with a quote and a space does not survive. */
    @Property(tries = 1000)
    void aScriptWithAQuoteAndASpacePassedRawArrivesChanged(@ForAll("scriptsWithQuoteAndSpace") String script,
                                                           @ForAll @Size(max = 3) List<@net.jqwik.api.constraints.AlphaChars String> args) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script, "sh"));
        argv.addAll(args);
        assertThat(throughWindowsRaw(argv)).isNotEqualTo(argv);
        assertThat(throughWindows(argv)).containsExactlyElementsOf(argv);
    }

    @Example
    void theProjectsOwnScriptsArriveIntactOnlyWhenPreQuoted() {
        List<String> sockets = List.of("sh", "-c", DistroSockets.SCRIPT);
        List<String> raw = throughWindowsRaw(sockets);
        // its quote pairs hold spaces ("$p gone"): raw, it is cut apart and its quotes are lost
        assertThat(raw).as("raw").isNotEqualTo(sockets);
        assertThat(String.join(" ", raw.subList(2, raw.size()))).doesNotContain("\"").contains("printf '%s\\n' $t");
        assertThat(throughWindows(sockets)).containsExactlyElementsOf(sockets);

        // DistroConfigFiles' CREATE_NEW, as it is at this commit: research says 6 arguments become 10.
        String createNew = """
                umask 077
                if [ -e "$1" ] || [ -L "$1" ]; then echo EXISTS; exit 0; fi
                set -C
                : > "$1" || exit 1
                if base64 -d >> "$1" && [ "$(stat -c %s -- "$1")" = "$2" ]; then
                  sync -- "$1" 2>/dev/null || sync
                  echo CREATED
                  exit 0
                fi
                rm -f -- "$1"
                exit 1
                """;
        List<String> fix = List.of("sh", "-c", createNew, "sh", "/home/u/.ssh/config", "42");
        assertThat(throughWindowsRaw(fix)).as("cut into pieces at the spaces outside the new quote pairs").hasSize(10);
        assertThat(throughWindows(fix)).containsExactlyElementsOf(fix);

        List<String> nasty = List.of("printf", "%s\\0", "", "\"", "a\\\"b c", "x\\", "$1", "'", "\n", "ü", "\u00A0");
        assertThat(throughWindows(nasty)).containsExactlyElementsOf(nasty);
        assertThat(throughWindowsRaw(nasty)).isNotEqualTo(nasty);
    }

    @Provide
    Arbitrary<String> wslExes() {
        return Arbitraries.of("C:\\Windows\\System32\\wsl.exe", "C:\\Program Files\\WSL\\wsl.exe", "wsl.exe",
                "C:\\Users\\Jürgen Müller\\bin\\wsl.exe");
    }

    /** lineLength, on the lines it is meant for (program, plain options, pre-quoted arguments), is the JDK's length. */
    @Property(tries = 1000)
    void lineLengthIsTheLengthOfTheJoinedLinePlusItsTerminator(@ForAll("wslExes") String wslExe,
                                                               @ForAll @Size(max = 8) List<@From("hostile") String> argv) {
        List<String> full = new ArrayList<>(List.of(wslExe, "-d", "Lab", "--exec"));
        full.addAll(WindowsCommandLine.forWslExec(argv));
        assertThat(WindowsCommandLine.lineLength(full)).isEqualTo(WindowsRoundTrip.javaLegacyJoin(full).length() + 1);
    }
}
