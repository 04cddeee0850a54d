// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.dns;

import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.DnsReply.Outcome;
import dev.netdoctor.model.DnsReply.Transport;
import dev.netdoctor.testing.ScriptedLinux;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The question carried from inside a distro, against what the relay inside prints: the argv the
 * distro gets, each way the relay can end, and answers over TCP that did not fully arrive. (The
 * real relay, bash and a DNS server are in {@link DnsQueryInsideDistroTest}.)
 */
class DnsQueryRelayTest {
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final List<String> RELAY = List.of("timeout", "2", "bash", "-c", DnsQuery.RELAY_SCRIPT);

    private static ScriptedLinux relayPrints(int exitCode, String stdout, String stderr) {
        return new ScriptedLinux("bash").asDistro().answerArgvStartingWith(RELAY,
                new CommandRun(RELAY, exitCode, stdout, stderr, 40, false, false, false));
    }

    private static String framed(byte[] message, int announced) {
        byte[] out = new byte[message.length + 2];
        out[0] = (byte) (announced >> 8);
        out[1] = (byte) announced;
        System.arraycopy(message, 0, out, 2, message.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /** An answer with {@code count} addresses to a question whose id is not ours (ours is random). */
    private static byte[] answerToAnotherQuestion(int count) throws Exception {
        Message m = Message.newQuery(org.xbill.DNS.Record.newRecord(Name.fromString("nas.example.test."), Type.A, DClass.IN));
        m.getHeader().setID(0);
        for (int i = 0; i < count; i++) {
            m.addRecord(new ARecord(Name.fromString("nas.example.test."), DClass.IN, 60, InetAddress.ofLiteral("198.18.5." + i)),
                    Section.ANSWER);
        }
        return m.toWire();
    }

    @Test
    void theDistroGetsTheServerPortLimitAndQuestionAsArguments() throws Exception {
        ScriptedLinux distro = relayPrints(124, "", "");
        DnsReply standard = DnsQuery.askInside(distro, "10.0.0.53", 53, "nas.example.test", Transport.UDP, LIMIT);
        DnsReply other = DnsQuery.askInside(distro, "10.0.0.53", 5353, "nas.example.test", Transport.TCP, LIMIT);

        assertThat(standard.server()).isEqualTo("10.0.0.53");
        assertThat(other.server()).isEqualTo("10.0.0.53:5353");
        List<String> udp = distro.askedArgv.get(0);
        assertThat(udp.subList(5, 9)).containsExactly("dns", "10.0.0.53", "53", "2");
        assertThat(udp.get(10)).isEqualTo("udp");
        Message question = new Message(Base64.getDecoder().decode(udp.get(9)));
        assertThat(question.getQuestion().getName()).hasToString("nas.example.test.");
        assertThat(distro.askedArgv.get(1).subList(7, 9)).containsExactly("5353", "2");
        assertThat(distro.askedArgv.get(1).get(10)).isEqualTo("tcp");
    }

    @Test
    void overTcpALongNamesQuestionIsFramedWithItsWholeLength() throws Exception {
        // 249 characters: the question is longer than 255 bytes, so both length bytes count
        String name = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57);
        ScriptedLinux distro = relayPrints(124, "", "");
        DnsQuery.askInside(distro, "10.0.0.53", 53, name, Transport.TCP, LIMIT);

        byte[] sent = Base64.getDecoder().decode(distro.askedArgv.getFirst().get(9));
        int announced = (sent[0] & 0xff) << 8 | (sent[1] & 0xff);
        assertThat(announced).isGreaterThan(255).isEqualTo(sent.length - 2);
        assertThat(new Message(Arrays.copyOfRange(sent, 2, sent.length)).getQuestion().getName()).hasToString(name + ".");
    }

    @Test
    void aNameThatIsNoDnsNameIsNeverCarried() throws Exception {
        ScriptedLinux distro = relayPrints(0, "", "");
        DnsReply r = DnsQuery.askInside(distro, "10.0.0.53", 53, "a..b", Transport.UDP, LIMIT);
        assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(r.detail()).startsWith("not a DNS name");
        assertThat(distro.asked).isEmpty();
    }

    @Test
    void eachWayTheRelayEndsWithoutAnAnswer() throws Exception {
        DnsReply silent = DnsQuery.askInside(relayPrints(124, "", ""), "10.0.0.53", 53, "nas.example.test", Transport.UDP, LIMIT);
        assertThat(silent.outcome()).isEqualTo(Outcome.NO_ANSWER);
        assertThat(silent.detail()).isEqualTo("no answer within 2000 ms");

        DnsReply refused = DnsQuery.askInside(relayPrints(3, "", "dns: connect: Connection refused\ndns: line 1: /dev/tcp/10.0.0.53/53:"
                + " Connection refused"), "10.0.0.53", 53, "nas.example.test", Transport.TCP, LIMIT);
        assertThat(refused.outcome()).isEqualTo(Outcome.UNREACHABLE);

        DnsReply quiet = DnsQuery.askInside(relayPrints(5, "", ""), "10.0.0.53", 53, "nas.example.test", Transport.TCP, LIMIT);
        assertThat(quiet.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(quiet.detail()).isEqualTo("no reply (exit 5)");

        DnsReply broken = DnsQuery.askInside(relayPrints(4, "", "base64: invalid input"), "10.0.0.53", 53, "nas.example.test",
                Transport.UDP, LIMIT);
        assertThat(broken.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(broken.detail()).isEqualTo("base64: invalid input");
        assertThat(broken.millis()).as("the relay's own time").isEqualTo(40);
    }

    @Test
    void aTcpAnswerIsReadWhenItArrivedWholeAndSaidToComeInPartsWhenNot() throws Exception {
        byte[] large = answerToAnotherQuestion(20);
        assertThat(large.length).isGreaterThan(255);

        DnsReply whole = DnsQuery.askInside(relayPrints(0, framed(large, large.length), ""), "10.0.0.53", 53, "nas.example.test",
                Transport.TCP, LIMIT);
        assertThat(whole.detail()).isEqualTo("the server answered another question");

        byte[] partial = Arrays.copyOf(large, large.length - 1);
        DnsReply parts = DnsQuery.askInside(relayPrints(0, framed(partial, large.length), ""), "10.0.0.53", 53, "nas.example.test",
                Transport.TCP, LIMIT);
        assertThat(parts.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(parts.detail()).isEqualTo("the answer came in parts (" + (partial.length + 2) + " bytes)");

        DnsReply oneByte = DnsQuery.askInside(relayPrints(0, Base64.getEncoder().encodeToString(new byte[] {1}), ""), "10.0.0.53", 53,
                "nas.example.test", Transport.TCP, LIMIT);
        assertThat(oneByte.detail()).isEqualTo("the answer came in parts (1 bytes)");
    }
}
