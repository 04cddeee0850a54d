// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.fix;

import dev.netdoctor.testing.ScriptedLinux;
import org.junit.jupiter.api.Test;

import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which hosts ssh -G is asked about: the targets must get the new IPQoS, every other host must
 * keep all its settings. A stand-in ssh here; the real one judges in {@link SshConfigOracleTest}.
 */
class SshConfigOracleHostsTest {
    private static final String FILE = "/home/u/.ssh/config";

    @Test
    void theOtherHostsAreTheFilesOwnPatternsFilledInAndTwoUnrelatedOnes() {
        byte[] config = "Host nas !bad-host 198.18.1.7\n  User x\nHost *.lan,h?st\nMatch host x\nHost %h \"quo ted\"\n".getBytes(UTF_8);
        assertThat(SshConfigOracle.otherHosts(config, "198.18.1.*"))
                .containsExactly("nas", "bad-host", "1.lan", "h1st", "wsl-net-doctor-unrelated.example", "198.18.255.254");
    }

    /** A pattern that names every host leaves no host that must stay unchanged. */
    @Test
    void hostsThePatternCoversAreTargetsNotOthers() {
        assertThat(SshConfigOracle.otherHosts("Host nas\n".getBytes(UTF_8), "*")).isEmpty();
        assertThat(SshConfigOracle.otherHosts(new byte[0], "198.18.*")).containsExactly("wsl-net-doctor-unrelated.example");
    }

    /** ssh -G runs per host: at most 24, so a large file cannot make the check run for minutes. */
    @Test
    void atMostTwentyFourHostsAreAsked() {
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            config.append("Host h").append(i).append('\n');
        }
        List<String> hosts = SshConfigOracle.otherHosts(config.toString().getBytes(UTF_8), "198.18.1.*");
        assertThat(hosts).hasSize(24).startsWith("h0", "h1").endsWith("h23");
    }

    /** The targets are the pattern filled in and the hosts given, each once; the others are asked about too. */
    @Test
    void theTargetsAndOthersAreAskedAboutBeforeAndAfter() throws Exception {
        String ipqosBefore = "user u\nipqos af21 af21\n";
        ScriptedLinux ssh = new ScriptedLinux("ssh")
                .answer("ssh -G -F " + FILE + " -- 198.18.1.1", ipqosBefore)
                .answer("ssh -G -F " + FILE + " -- 198.18.1.56", ipqosBefore)
                .answer("ssh -G -F " + FILE + " -- wsl-net-doctor-unrelated.example", "user u\n")
                .answer("ssh -G -F " + FILE + " -- 198.18.255.254", "user u\n")
                .answer("ssh -G -F /tmp/new -- 198.18.1.1", "user u\nipqos none none\n")
                .answer("ssh -G -F /tmp/new -- 198.18.1.56", "user u\nipqos none none\n")
                .answer("ssh -G -F /tmp/new -- wsl-net-doctor-unrelated.example", "user u\n")
                .answer("ssh -G -F /tmp/new -- 198.18.255.254", "user u\n");
        SshConfigOracle oracle = new SshConfigOracle(ssh, FILE, new byte[0], "198.18.1.*", "none", List.of("198.18.1.56", "198.18.1.1"));
        assertThat(oracle.targets()).containsExactly("198.18.1.1", "198.18.1.56");
        assertThat(oracle.others()).containsExactly("wsl-net-doctor-unrelated.example", "198.18.255.254");
        assertThat(ssh.asked).hasSize(4);

        Verifier.Verdict v = oracle.verify("/tmp/new");
        assertThat(v).isEqualTo(Verifier.Verdict.passed("ssh -G confirms: ipqos none none for hosts matching 198.18.1.* (tried as"
                + " 198.18.1.1), 198.18.1.56; no change for 2"
                + " other host(s) (wsl-net-doctor-unrelated.example, 198.18.255.254)."));
    }

    /** A file that does not exist yet is compared with no file at all (ssh -F /dev/null). */
    @Test
    void aMissingFileIsComparedWithNoConfigAtAll() throws Exception {
        ScriptedLinux ssh = new ScriptedLinux("ssh").answerStartingWith("ssh -G -F /dev/null -- ", "user u\n")
                .answerStartingWith("ssh -G -F /tmp/new -- 198.18.1.1", "user u\nipqos none none\n")
                .answerStartingWith("ssh -G -F /tmp/new -- ", "user u\nport 2222\n");
        SshConfigOracle oracle = new SshConfigOracle(ssh, null, new byte[0], "198.18.1.*", "none", List.of());
        assertThat(ssh.asked).allMatch(line -> line.startsWith("ssh -G -F /dev/null -- "));

        Verifier.Verdict v = oracle.verify("/tmp/new");
        assertThat(v.ok()).isFalse();
        assertThat(v.message()).isEqualTo("the settings for wsl-net-doctor-unrelated.example would change; the settings for"
                + " 198.18.255.254 would change.");
    }

    /**
     * Where this ssh cannot read the file as it is, no change to it can be checked: said in ssh's
     * words; where it can no longer read the new one for a host, that host's settings changed.
     */
    @Test
    void aFileSshCannotReadBeforeOrAfterIsAFailure() throws Exception {
        ScriptedLinux ssh = new ScriptedLinux("ssh").fail("ssh -G -F " + FILE + " -- 198.18.1.1", 255, "bad option")
                .answerStartingWith("ssh -G -F " + FILE + " -- ", "user u\n")
                .answer("ssh -G -F /tmp/new -- 198.18.1.1", "user other\nipqos none none\n")
                .answerStartingWith("ssh -G -F /tmp/new -- ", "user u\n");
        SshConfigOracle oracle = new SshConfigOracle(ssh, FILE, new byte[0], "198.18.1.*", "none", List.of());
        Verifier.Verdict before = oracle.verify("/tmp/new");
        assertThat(before.ok()).isFalse();
        assertThat(before.message()).startsWith("this ssh cannot read " + FILE + " as it is (bad option)");

        ScriptedLinux lost = new ScriptedLinux("ssh").answerStartingWith("ssh -G -F " + FILE + " -- ", "user u\n")
                .answer("ssh -G -F /tmp/new -- 198.18.1.1", "user u\n")
                .fail("ssh -G -F /tmp/new -- 198.18.255.254", 255, "line 3: Bad configuration option")
                .answerStartingWith("ssh -G -F /tmp/new -- ", "user u\n");
        Verifier.Verdict v = new SshConfigOracle(lost, FILE, new byte[0], "198.18.1.*", "none", List.of()).verify("/tmp/new");
        assertThat(v.message()).isEqualTo("for 198.18.1.1 ssh would still use \"ipqos (not set)\"; the settings for 198.18.255.254 would change.");
    }
}
