package dev.netdoctor.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way reaching a WSL distro can fail gets one plain sentence and exit 3; nothing runs. */
class WslModeCliTest {
    static final String FAKE = Path.of("src/test/lab/fake-wsl.exe").toAbsolutePath().toString();

    @Test
    void wslMissing() {
        CliRun r = CliRun.of("diagnose", "--wsl", "--wsl-exe", "/nonexistent/wsl.exe", "--quiet");
        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(r.err()).contains("WSL is not installed").contains("wsl --install");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownDistroNamesTheInstalledOnes() {
        CliRun r = CliRun.of("diagnose", "--wsl", "Arch", "--wsl-exe", FAKE, "--quiet");
        assertThat(r.exit()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(r.err()).contains("no WSL distro named Arch").contains("installed: Lab");
    }
}
