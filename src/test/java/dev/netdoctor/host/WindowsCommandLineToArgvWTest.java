// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The three steps of {@link WindowsRoundTrip}, each pinned to documented or traced examples. */
class WindowsCommandLineToArgvWTest {
    /**
     * learn.microsoft.com/cpp/c-language/parsing-c-command-line-arguments, the arguments after the
     * program name; the last row as corrected in MicrosoftDocs/cpp-docs PR 4643 (CommandLineToArgvW
     * ends the quoting at a doubled quote).
     */
    static Stream<Arguments> microsoftsTable() {
        return Stream.of(
                Arguments.of("\"a b c\" d e", List.of("a b c", "d", "e")),
                Arguments.of("\"ab\\\"c\" \"\\\\\" d", List.of("ab\"c", "\\", "d")),
                Arguments.of("a\\\\\\b d\"e f\"g h", List.of("a\\\\\\b", "de fg", "h")),
                Arguments.of("a\\\\\\\"b c d", List.of("a\\\"b", "c", "d")),
                Arguments.of("a\\\\\\\\\"b c\" d e", List.of("a\\\\b c", "d", "e")),
                Arguments.of("a\"b\"\" c d", List.of("ab\"", "c", "d")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("microsoftsTable")
    void microsoftsDocumentedExamples(String arguments, List<String> expected) {
        List<String> argv = WindowsRoundTrip.commandLineToArgvW("prog " + arguments);
        assertThat(argv.getFirst()).isEqualTo("prog");
        assertThat(argv.subList(1, argv.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void theProgramNameIsAFileNameWithoutEscapes() {
        assertThat(WindowsRoundTrip.commandLineToArgvW("\"C:\\Program Files\\x\\\" y")).containsExactly("C:\\Program Files\\x\\", "y");
        assertThat(WindowsRoundTrip.commandLineToArgvW("C:\\a\\\"b c")).containsExactly("C:\\a\\\"b", "c");
        assertThat(WindowsRoundTrip.commandLineToArgvW("\"p\"q r")).containsExactly("p", "q", "r");
        assertThat(WindowsRoundTrip.commandLineToArgvW("\"\" a")).containsExactly("", "a");
    }

    @Test
    void onlySpaceAndTabSeparateAndAnEmptyPairIsAnArgument() {
        assertThat(WindowsRoundTrip.commandLineToArgvW("p a\u00A0b\nc \t \"\" \"d")).containsExactly("p", "a\u00A0b\nc", "", "d");
        assertThat(WindowsRoundTrip.commandLineToArgvW("p   ")).containsExactly("p");
    }

    @Test
    void theJdkWrapsOnWhitespaceOnlyAndLeavesInnerQuotesAlone() {
        assertThat(WindowsRoundTrip.javaLegacyJoin(List.of("wsl.exe", "", "a b\\", "\"x y\"", "a\"b", "c d\"e", "\u00A0",
                "\u3000x", "n\nl", "x\\", "\u0085")))
                .isEqualTo("wsl.exe \"\" \"a b\\\\\" \"x y\" a\"b \"c d\"e\" \"\u00A0\" \"\u3000x\" \"n\nl\" x\\ \u0085");
        assertThat(WindowsRoundTrip.javaLegacyJoin(List.of("C:\\Program Files\\wsl.exe\\", "-l")))
                .as("the program is wrapped without doubling").isEqualTo("\"C:\\Program Files\\wsl.exe\\\" -l");
    }

    @Test
    void wslExeReadsItsOptionsWithoutQuotesAndSplitsOnlyAfterExec() {
        var exec = WindowsRoundTrip.wslExe("\"C:\\Program Files\\WSL\\wsl.exe\" -d Lab -u root --exec \"sh\" -c \"a \\\"b\\\"\" x");
        assertThat(exec.kind()).isEqualTo(WindowsRoundTrip.Kind.EXEC);
        assertThat(exec.distro()).isEqualTo("Lab");
        assertThat(exec.linux()).containsExactly("sh", "-c", "a \"b\"", "x");
        var shell = WindowsRoundTrip.wslExe("wsl.exe -d Lab -- echo \"a  b\" $HOME");
        assertThat(shell.kind()).isEqualTo(WindowsRoundTrip.Kind.SHELL);
        assertThat(shell.linux()).containsExactly(WindowsRoundTrip.USER_SHELL, "-c", "echo \"a  b\" $HOME");
        assertThat(WindowsRoundTrip.wslExe("wsl.exe ~ -d Lab ls -l").linux()).containsExactly(WindowsRoundTrip.USER_SHELL, "-c", "ls -l");
        assertThat(WindowsRoundTrip.wslExe("wsl.exe -d Lab").kind()).isEqualTo(WindowsRoundTrip.Kind.LOGIN);
        assertThat(WindowsRoundTrip.wslExe("wsl.exe -l -v").kind()).isEqualTo(WindowsRoundTrip.Kind.WINDOWS);
        assertThat(WindowsRoundTrip.wslExe("wsl.exe -d \"Lab\" --exec true").distro()).as("no quote handling").isEqualTo("\"Lab\"");
        assertThat(WindowsRoundTrip.wslExe("wsl.exe -x").kind()).isEqualTo(WindowsRoundTrip.Kind.ERROR);
        assertThat(WindowsRoundTrip.wslExe("wsl.exe -d Lab --exec").kind()).isEqualTo(WindowsRoundTrip.Kind.ERROR);
        assertThat(WindowsRoundTrip.wslExe("wsl.exe -d Lab -d Lab true").kind()).isEqualTo(WindowsRoundTrip.Kind.ERROR);
    }
}
