// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How a distro's answers are read, and what is handed to it: a stand-in distro that answers each
 * command with given output and keeps what it was asked (the real scripts run in
 * {@link DistroConfigFilesTest} and {@link SafeApplyTest} through the stand-in wsl.exe).
 */
class DistroConfigFilesAnswersTest {
    /** A distro that prints {@code answer(argv)} and succeeds, with HOME as given. */
    private static class Answering implements LinuxSide {
        final List<List<String>> asked = new ArrayList<>();
        final List<byte[]> stdins = new ArrayList<>();
        private final Function<List<String>, String> answer;
        private final String home;

        Answering(String home, Function<List<String>, String> answer) {
            this.home = home;
            this.answer = answer;
        }

        @Override
        public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) {
            asked.add(argv);
            stdins.add(stdin);
            return new CommandRun(argv, 0, answer.apply(argv), "", 1, false, false, false);
        }

        @Override public Optional<String> readFile(String path, int maxBytes) { return Optional.empty(); }
        @Override public boolean hasCommand(String name) { return true; }
        @Override public Optional<String> env(String name) { return "HOME".equals(name) ? Optional.ofNullable(home) : Optional.empty(); }
        @Override public String describe() { return "the WSL distro Test"; }
    }

    private static DistroConfigFiles answering(String stdout) {
        return new DistroConfigFiles(new Answering("/home/u", argv -> stdout));
    }

    @Test
    void theFileIsFoundAsTheDistroSaysAndAnythingElseIsAnError() throws Exception {
        assertThat(answering("BROKEN_LINK\n/home/u/.ssh/config").find("/home/u/.ssh/config"))
                .isEqualTo(new ConfigFiles.Found("/home/u/.ssh/config", ConfigFiles.Kind.BROKEN_LINK));
        assertThat(answering("FILE\n/home/u/dotfiles/ssh config").find("/home/u/.ssh/config"))
                .isEqualTo(new ConfigFiles.Found("/home/u/dotfiles/ssh config", ConfigFiles.Kind.FILE));
        assertThatThrownBy(() -> answering("Welcome to Ubuntu\n").find("/home/u/.ssh/config")).isInstanceOf(IOException.class)
                .hasMessage("unexpected answer from the WSL distro Test: Welcome to Ubuntu");
        assertThatThrownBy(() -> answering("").find("/x")).isInstanceOf(IOException.class);
    }

    @Test
    void permissionsAndOwnerAreReadFromStat() throws Exception {
        assertThat(answering("640:1000\n").access("/home/u/.ssh/config")).isEqualTo(new ConfigFiles.Access(0640, "1000"));
        assertThatThrownBy(() -> answering("stat: cannot stat\n").access("/x")).isInstanceOf(IOException.class)
                .hasMessage("unexpected answer from stat: stat: cannot stat");
        assertThatThrownBy(() -> answering("rw:0").access("/x")).isInstanceOf(IOException.class)
                .hasMessage("unexpected answer from stat: rw:0");
    }

    /** The file's permissions and owner go to the distro as chmod and chown read them, and its bytes as base64. */
    @Test
    void aTempFileIsAskedForWithTheModeAndOwnerOfTheFile() throws Exception {
        Answering distro = new Answering("/home/u", argv -> "/home/u/.ssh/.config.tmp.abc");
        DistroConfigFiles files = new DistroConfigFiles(distro);

        assertThat(files.writeTemp("/home/u/.ssh/config", "Host x\n".getBytes(), new ConfigFiles.Access(0640, "1000")))
                .isEqualTo("/home/u/.ssh/.config.tmp.abc");
        assertThat(distro.asked.getLast().subList(3, 9)).containsExactly("sh", "/home/u/.ssh", "config", "640", "1000", "7");
        assertThat(Base64.getMimeDecoder().decode(distro.stdins.getLast())).isEqualTo("Host x\n".getBytes());

        files.writeTemp("/etc/wsl.conf", new byte[0], ConfigFiles.Access.PRIVATE);
        assertThat(distro.asked.getLast().subList(3, 9)).containsExactly("sh", "/etc", "wsl.conf", "600", "", "0");
    }

    @Test
    void aBackupThatExistsIsNeverOverwritten() throws Exception {
        assertThatThrownBy(() -> answering("EXISTS\n").createNew("/home/u/.ssh/config.bak", new byte[]{1}))
                .isInstanceOf(FileAlreadyExistsException.class);
        answering("CREATED\n").createNew("/home/u/.ssh/config.bak", new byte[]{1});
    }

    @Test
    void globMatchesAreSortedAndPlacedInTheirFolder() throws Exception {
        assertThat(answering("b.conf\n\na.conf\n").matching("/home/u/.ssh/conf.d", "*.conf"))
                .containsExactly("/home/u/.ssh/conf.d/a.conf", "/home/u/.ssh/conf.d/b.conf");
    }

    /** The distro user's home, asked once; one that is not a full Linux path is not a home. */
    @Test
    void theHomeIsAskedOnceAndMustBeAFullPath() throws Exception {
        List<String> named = new ArrayList<>();
        LinuxSide counting = new Answering("/home/u", argv -> "") {
            @Override
            public Optional<String> env(String name) {
                named.add(name);
                return super.env(name);
            }
        };
        DistroConfigFiles files = new DistroConfigFiles(counting);
        assertThat(files.home()).isEqualTo("/home/u");
        assertThat(files.home()).isEqualTo("/home/u");
        assertThat(named).containsExactly("HOME");

        assertThatThrownBy(() -> new DistroConfigFiles(new Answering("C:\\Users\\u", argv -> "")).home()).isInstanceOf(IOException.class)
                .hasMessage("the home folder in the WSL distro Test is unknown (HOME is not set there, or the distro did not answer)");
        assertThatThrownBy(() -> new DistroConfigFiles(new Answering(null, argv -> "")).home()).isInstanceOf(IOException.class);
    }

    @Test
    void linuxPathsAreTakenApartAsLinuxDoes() {
        DistroConfigFiles files = answering("");
        assertThat(files.inFolder("/home/u/", ".ssh")).isEqualTo("/home/u/.ssh");
        assertThat(files.inFolder("/home/u", ".ssh")).isEqualTo("/home/u/.ssh");
        assertThat(files.folder("config")).isEqualTo("/");
        assertThat(files.name("config")).isEqualTo("config");
        assertThat(files.isFullPath("/etc")).isTrue();
        assertThat(files.isFullPath("etc")).isFalse();
        assertThat(files.where("/etc/wsl.conf")).isEqualTo("/etc/wsl.conf in the WSL distro Test");
    }
}
