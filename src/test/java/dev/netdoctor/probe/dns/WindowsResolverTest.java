// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.dns;

import dev.netdoctor.model.WindowsNameLookup;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Windows' own resolver, asked from the app's process: bounded in time whatever the resolver does. */
class WindowsResolverTest {

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aResolverThatHangsIsLeftBehindAtTheLimitAndSaidToGiveNoAnswer() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        long start = System.nanoTime();
        WindowsNameLookup w = WindowsResolver.start("intranet.corp.example", name -> {
            try {
                never.await(); // GetAddrInfoW cannot be interrupted: the lookup ignores it too
            } catch (InterruptedException ignored) {
                // keep hanging as the system resolver would
            }
            return new InetAddress[0];
        }).await(Duration.ofMillis(300));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(w.timedOut()).isTrue();
        assertThat(w.resolved()).isFalse();
        assertThat(w.error()).contains("did not answer within");
        assertThat(millis).isBetween(250L, 2000L);
        never.countDown();
    }

    @Test
    void theLookupRunsBesideTheCallerAndItsLimitCountsFromItsStart() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        WindowsResolver.Pending pending = WindowsResolver.start("intranet.corp.example", name -> {
            asked.countDown();
            Thread.sleep(200);
            return new InetAddress[] {address("198.18.7.7")};
        });
        // start() returned before the answer: the caller's own lookup runs meanwhile
        assertThat(asked.await(2, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(400);
        long start = System.nanoTime();
        WindowsNameLookup w = pending.await(Duration.ofMillis(500));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(200);
        assertThat(w.addresses()).containsExactly("198.18.7.7");
        assertThat(w.timedOut()).isFalse();
        assertThat(w.error()).isNull();
    }

    @Test
    void aNameWindowsDoesNotKnowSaysSoAndAddressesComeIPv4First() throws Exception {
        WindowsNameLookup none = WindowsResolver.start("nowhere.corp.example", name -> {
            throw new UnknownHostException(name);
        }).await(Duration.ofSeconds(2));
        assertThat(none.resolved()).isFalse();
        assertThat(none.timedOut()).isFalse();
        assertThat(none.error()).isEqualTo("Windows found no address for nowhere.corp.example");

        WindowsNameLookup both = WindowsResolver.start("intranet.corp.example", name -> new InetAddress[] {
                address("2001:db8::7"), address("198.18.7.7"), address("198.18.7.7"), address("198.18.7.8")}).await(Duration.ofSeconds(2));
        assertThat(both.addresses()).containsExactly("198.18.7.7", "198.18.7.8", "2001:db8:0:0:0:0:0:7");
    }
}
