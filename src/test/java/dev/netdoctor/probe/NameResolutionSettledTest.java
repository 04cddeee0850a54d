// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.host.LinuxSide;
import dev.netdoctor.model.CommandRun;
import dev.netdoctor.model.DnsPath;
import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.ProbeData;
import dev.netdoctor.model.ProbeId;
import dev.netdoctor.testing.Environments;
import dev.netdoctor.testing.TestContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system resolver is not waited for once the DNS servers check beside it found every server
 * silent: it asks the same servers, so its answer is settled. Only where nsswitch asks nothing
 * else, and never when a server answered anything.
 */
class NameResolutionSettledTest {
    /** A distro whose getent answers after {@code answerAfter} (null: only when stopped), and says whether it was stopped. */
    private static final class Resolver implements LinuxSide {
        final String nsswitch;
        final Duration answerAfter;
        final CountDownLatch stopped = new CountDownLatch(1);

        Resolver(String nsswitch, Duration answerAfter) {
            this.nsswitch = nsswitch;
            this.answerAfter = answerAfter;
        }

        @Override
        public CommandRun run(List<String> argv, byte[] stdin, Duration timeout) throws InterruptedException {
            try {
                Thread.sleep(answerAfter == null ? timeout.toMillis() : answerAfter.toMillis());
            } catch (InterruptedException e) {
                stopped.countDown();
                throw e;
            }
            return new CommandRun(argv, 0, "198.19.1.2      STREAM nas.lab.test\n", "", answerAfter == null ? timeout.toMillis() : answerAfter.toMillis(),
                    false, false, false);
        }

        @Override public Optional<String> readFile(String path, int maxBytes) {
            return path.equals("/etc/nsswitch.conf") ? Optional.ofNullable(nsswitch) : Optional.empty();
        }
        @Override public boolean hasCommand(String name) { return name.equals("getent"); }
        @Override public Optional<String> env(String name) { return Optional.empty(); }
        @Override public String describe() { return "the distro"; }
    }

    private static ProbeReport servers(DnsReply.Outcome udp, DnsReply.Outcome tcp) {
        return ProbeReport.completed("", Map.of(), new ProbeData.DnsServers("nas.lab.test", List.of("198.18.1.1"), DnsPath.NAT_DNS_PROXY, true,
                List.of(new DnsReply("198.18.1.1", DnsReply.Transport.UDP, udp, List.of(), 2000, null),
                        new DnsReply("198.18.1.1", DnsReply.Transport.TCP, tcp, List.of(), 2000, null)), null, null, null), List.of());
    }

    private static TestContext context(Resolver resolver, ProbeReport dnsServers) {
        TestContext ctx = new TestContext("nas.lab.test:22", List.of(), null, resolver, Environments.linux().build());
        if (dnsServers != null) {
            ctx.siblings.put(ProbeId.DNS_SERVERS, dnsServers);
        }
        return ctx;
    }

    @Test
    void everyServerSilentSettlesTheResolverWhichIsStopped() throws Exception {
        Resolver resolver = new Resolver("hosts: files dns\n", null);
        ProbeReport r = new NameResolutionProbe().run(context(resolver, servers(DnsReply.Outcome.NO_ANSWER, DnsReply.Outcome.NO_ANSWER)));
        ProbeData.Resolution res = (ProbeData.Resolution) r.data();
        assertThat(res.resolved()).isFalse();
        assertThat(res.error()).startsWith("none of the DNS servers answered the DNS servers check (UDP or TCP)");
        assertThat(r.summary()).contains("not waited for beyond");
        assertThat(resolver.stopped.await(10, TimeUnit.SECONDS)).as("the lookup no longer waited for was stopped").isTrue();
    }

    @Test
    void aServerThatAnsweredAnythingOrAnotherSourceMeansWaitingForTheResolver() throws Exception {
        for (TestContext ctx : List.of(
                context(new Resolver("hosts: files dns\n", Duration.ofMillis(300)), servers(DnsReply.Outcome.NO_ANSWER, DnsReply.Outcome.NXDOMAIN)),
                context(new Resolver("hosts:          files resolve [!UNAVAIL=return] dns\n", Duration.ofMillis(300)),
                        servers(DnsReply.Outcome.NO_ANSWER, DnsReply.Outcome.NO_ANSWER)),
                context(new Resolver("hosts: files dns\n", Duration.ofMillis(300)), null))) {
            ProbeData.Resolution res = (ProbeData.Resolution) new NameResolutionProbe().run(ctx).data();
            assertThat(res.addresses()).containsExactly("198.19.1.2");
        }
    }

    @Test
    void whichNsswitchSourcesOnlyAskTheSameServers() {
        assertThat(NameResolutionProbe.onlyFilesAndDns(null, "nas.lab.test")).as("no file: glibc's dns, files").isTrue();
        assertThat(NameResolutionProbe.onlyFilesAndDns("# c\nhosts: files dns\n", "nas")).isTrue();
        assertThat(NameResolutionProbe.onlyFilesAndDns("hosts: files mdns4_minimal [NOTFOUND=return] dns myhostname\n", "nas.lab.test")).isTrue();
        assertThat(NameResolutionProbe.onlyFilesAndDns("hosts: files mdns4_minimal [NOTFOUND=return] dns\n", "printer.local")).isFalse();
        assertThat(NameResolutionProbe.onlyFilesAndDns("hosts: files resolve [!UNAVAIL=return] dns\n", "nas")).isFalse();
        assertThat(NameResolutionProbe.onlyFilesAndDns("hosts: files wins dns\n", "nas")).isFalse();
        assertThat(NameResolutionProbe.onlyFilesAndDns("passwd: files\n", "nas")).as("no hosts line: the default").isTrue();
    }
}
