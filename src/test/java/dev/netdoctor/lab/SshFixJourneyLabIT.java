// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.lab;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 1 end to end, as its user lives it: a plain user whose ssh marks af21 (OpenSSH 10's
 * default) on the DSCP network. Diagnose, apply the ssh fix with the CLI, diagnose again: the
 * real ssh, reading the user's real ~/.ssh/config, now gets through, and the run says "fixed for
 * ssh" (not the hang again); undo restores the file byte for byte and the problem is back.
 */
class SshFixJourneyLabIT {
    static Lab.PlainUser user;

    @BeforeAll
    static void labAvailable() throws Exception {
        user = Lab.PlainUser.forLabTests();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        Lab.PlainUser.cleanAfter(user);
    }

    private static List<String> ids(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.path("findings").forEach(f -> ids.add(f.path("id").asText()));
        return ids;
    }

    @Test
    void theFixWorksForSshAndTheRunAfterItSaysSoAndUndoBringsTheProblemBack() throws Exception {
        user.clean();
        user.writeSshConfig(Lab.PlainUser.OPENSSH_10_DEFAULT);
        byte[] original = Files.readAllBytes(user.sshConfig());
        try (Lab lab = Lab.up("dscp")) {
            JsonNode before = Lab.json(lab.cliAs(user, "diagnose", "--target", lab.target(), "--json", "--quiet"));
            assertThat(ids(before)).containsExactly("dscp-marked-syn-dropped");
            assertThat(before.path("_exit").asInt()).isEqualTo(1);
            JsonNode offered = before.path("findings").path(0).path("fixes").path(0);
            assertThat(offered.path("id").asText()).isEqualTo("ssh-config-ipqos-none");
            String pattern = offered.path("parameters").path("pattern").asText();
            assertThat(pattern).isEqualTo("198.19.1.*");

            Lab.Result fix = lab.cliAs(user, "fix", "ssh-ipqos", "--hosts", pattern);
            assertThat(fix.exit()).as(fix.out() + fix.err()).isZero();
            assertThat(Files.readString(user.sshConfig())).contains("Host " + pattern).contains("IPQoS none")
                    .endsWith(Lab.PlainUser.OPENSSH_10_DEFAULT);

            JsonNode after = Lab.json(lab.cliAs(user, "diagnose", "--target", lab.target(), "--json", "--quiet"));
            assertThat(after.path("environment").path("sshClient").path("interactiveQos").asText())
                    .as("ssh -G as the user, after the fix").isEqualTo("none");
            assertThat(ids(after)).contains("dscp-marked-dropped-ssh-unmarked").doesNotContain("dscp-marked-syn-dropped");
            assertThat(after.path("_exit").asInt()).as("no problem left for ssh").isZero();
            JsonNode note = after.path("findings").path(0);
            assertThat(note.path("title").asText()).isEqualTo("Fixed for ssh: it no longer marks its packets to " + lab.get("TARGET_IP"));
            assertThat(note.path("explanation").asText()).contains("your ssh now gets through");
            assertThat(note.path("fixes").findValuesAsText("id")).doesNotContain("ssh-config-ipqos-none");

            Matcher undo = Pattern.compile("To undo: wsl-net-doctor undo (\\S+)").matcher(fix.out());
            assertThat(undo.find()).as(fix.out()).isTrue();
            Lab.Result undone = lab.cliAs(user, "undo", undo.group(1).replace("'", ""));
            assertThat(undone.exit()).as(undone.out() + undone.err()).isZero();
            assertThat(Files.readAllBytes(user.sshConfig())).as("undo is byte-exact").isEqualTo(original);

            JsonNode again = Lab.json(lab.cliAs(user, "diagnose", "--target", lab.target(), "--json", "--quiet"));
            assertThat(ids(again)).containsExactly("dscp-marked-syn-dropped");
        }
    }
}
