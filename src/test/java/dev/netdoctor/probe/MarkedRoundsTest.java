// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DscpClass;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marked-SYN check's schedule and verdict on simulated paths: the simulation plays the
 * network (a round trip, per-packet loss each way, the kernel's SYN retransmissions after 1 s and
 * 3 s, a filter that drops marked packets) against the same {@link MarkedRounds} the probe uses,
 * in simulated time, so thousands of runs take milliseconds and no verdict depends on this
 * machine's speed.
 */
class MarkedRoundsTest {
    /** Unmarked and the five usual markings, as a user without an ssh marking of their own gets. */
    private static final List<DscpClass> CLASSES = Markings.toCompare(null);
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private static final long MS = 1_000_000;

    /** A path: its round trip, the chance each packet is lost each way, and which markings it drops. */
    record Path(long rttMillis, double lossEachWay, IntPredicate dropsTos) {
    }

    record Run(MarkedRounds.Outcome outcome, long endedAtMillis) {
        ConnectAttempt of(DscpClass c) {
            return outcome.attempts().stream().filter(a -> a.marking().tos() == c.tos()).findFirst().orElseThrow();
        }

        List<ConnectAttempt> marked() {
            return outcome.attempts().stream().filter(a -> a.marking().marked()).toList();
        }
    }

    /** Plays one check over the path; the probe's own loop, with the network's answers as timed events. */
    static Run simulate(Path path, Random random) {
        MarkedRounds rounds = new MarkedRounds(CLASSES, LIMIT);
        record Answer(long at, int round, int tos) {
        }
        PriorityQueue<Answer> answers = new PriorityQueue<>((a, b) -> Long.compare(a.at, b.at));
        long now = 0;
        for (int step = 0; step < 10_000; step++) {
            List<DscpClass> due = rounds.roundDue(now);
            int round = rounds.roundsSent() - 1;
            for (DscpClass c : due) {
                if (path.dropsTos().test(c.tos())) {
                    continue;
                }
                // the SYN and its retransmissions at 1 s and 3 s; the first that gets through both ways is answered
                for (long resend : new long[]{0, 1000, 3000}) {
                    if (random.nextDouble() >= path.lossEachWay() && random.nextDouble() >= path.lossEachWay()) {
                        answers.add(new Answer(now + (resend + path.rttMillis()) * MS, round, c.tos()));
                        break;
                    }
                }
            }
            if (rounds.done(now)) {
                return new Run(rounds.outcome(now), now / MS);
            }
            long next = rounds.nextCheck(now);
            if (!answers.isEmpty() && answers.peek().at() <= next) {
                Answer a = answers.poll();
                now = Math.max(now, a.at());
                rounds.ended(a.round(), a.tos(), ConnectResult.CONNECTED, now, null);
            } else {
                now = next;
            }
        }
        throw new AssertionError("the check did not end");
    }

    private static final IntPredicate NOTHING_DROPPED = tos -> false;
    private static final IntPredicate MARKED_DROPPED = tos -> tos != 0;

    @Test
    void aHealthyPathIsDecidedInOneRoundAtTheSpeedOfItsAnswers() {
        Run run = simulate(new Path(3, 0, NOTHING_DROPPED), new Random(1));
        assertThat(run.outcome().rounds()).isEqualTo(1);
        assertThat(run.endedAtMillis()).isEqualTo(3);
        assertThat(run.outcome().attempts()).allSatisfy(a -> assertThat(a.result()).isEqualTo(ConnectResult.CONNECTED));
        assertThat(run.outcome().roundTripMillis()).isEqualTo(3);
    }

    @Test
    void aDropOfMarkedSynsIsCalledAfterFiveContrastsAndTheFloorNotTheLimit() {
        Run run = simulate(new Path(7, 0, MARKED_DROPPED), new Random(1));
        assertThat(run.outcome().rounds()).isEqualTo(MarkedRounds.CONTRASTS);
        assertThat(run.outcome().waitMillis()).isEqualTo(MarkedRounds.FLOOR.toMillis());
        // rounds at 0, 50, 100, 150 and 200 ms, the last one waited 300 ms
        assertThat(run.endedAtMillis()).isEqualTo(500);
        assertThat(run.of(DscpClass.UNMARKED).result()).isEqualTo(ConnectResult.CONNECTED);
        assertThat(run.marked()).allSatisfy(a -> {
            assertThat(a.result()).isEqualTo(ConnectResult.TIMED_OUT);
            assertThat(a.millis()).isEqualTo(300);
            assertThat(a.error()).startsWith("5 SYNs, none answered within 300 ms");
        });
    }

    @Test
    void aSlowPathGetsALongerWaitAndRoundsOneRoundTripApart() {
        Run run = simulate(new Path(200, 0, MARKED_DROPPED), new Random(1));
        assertThat(run.outcome().waitMillis()).isEqualTo(800);
        assertThat(run.outcome().rounds()).isEqualTo(MarkedRounds.CONTRASTS);
        // rounds at 0, 200, 400, 600, 800 ms: the last one ends 800 ms later
        assertThat(run.endedAtMillis()).isEqualTo(1600);
        assertThat(run.marked()).allSatisfy(a -> assertThat(a.result()).isEqualTo(ConnectResult.TIMED_OUT));
    }

    @Test
    void withNoUnmarkedAnswerEverySynIsWaitedForTheWholeLimitAsBefore() {
        Run run = simulate(new Path(5, 0, tos -> true), new Random(1));
        assertThat(run.outcome().rounds()).as("three rounds 300 ms apart, in case the first unmarked SYN was lost")
                .isEqualTo(MarkedRounds.ROUNDS_BEFORE_AN_ANSWER);
        assertThat(run.endedAtMillis()).isEqualTo(LIMIT.toMillis());
        assertThat(run.outcome().roundTripMillis()).isEqualTo(-1);
        assertThat(run.outcome().attempts()).allSatisfy(a -> {
            assertThat(a.result()).isEqualTo(ConnectResult.TIMED_OUT);
            assertThat(a.millis()).isEqualTo(LIMIT.toMillis());
        });
    }

    @Test
    void aMarkedSynAnsweredLateIsAnAnswerNotADrop() {
        // marked SYNs queued behind others on the way: answered at 250 ms while unmarked ones take 5 ms
        MarkedRounds rounds = new MarkedRounds(List.of(DscpClass.UNMARKED, af21()), LIMIT);
        assertThat(rounds.roundDue(0)).hasSize(2);
        rounds.ended(0, 0, ConnectResult.CONNECTED, 5 * MS, null);
        assertThat(rounds.done(5 * MS)).isFalse();
        assertThat(rounds.roundDue(50 * MS)).extracting(DscpClass::tos).containsExactly(0, af21().tos());
        rounds.ended(1, 0, ConnectResult.CONNECTED, 55 * MS, null);
        rounds.ended(0, af21().tos(), ConnectResult.CONNECTED, 250 * MS, null);
        assertThat(rounds.done(250 * MS)).isTrue();
        assertThat(rounds.outcome(250 * MS).attempts().get(1)).satisfies(a -> {
            assertThat(a.result()).isEqualTo(ConnectResult.CONNECTED);
            assertThat(a.millis()).isEqualTo(250);
        });
    }

    @Test
    void roundsWhoseUnmarkedSynWasLostDoNotCountAndAShortRunIsUndecided() {
        MarkedRounds rounds = new MarkedRounds(List.of(DscpClass.UNMARKED, af21()), Duration.ofMillis(700));
        rounds.roundDue(0);
        rounds.ended(0, 0, ConnectResult.CONNECTED, 10 * MS, null);
        // later unmarked SYNs are lost: the rounds prove nothing, and the limit leaves no room for more
        long now = 0;
        while (!rounds.done(now)) {
            rounds.roundDue(now);
            now = rounds.nextCheck(now);
        }
        MarkedRounds.Outcome o = rounds.outcome(now);
        assertThat(o.attempts().get(1).result()).isEqualTo(ConnectResult.ERROR);
        assertThat(o.attempts().get(1).error()).startsWith("undecided:").contains("only 1 of them");
        assertThat(now).isLessThanOrEqualTo(700 * MS);
    }

    @Test
    void aFailedSocketSettlesItsMarkingWithTheError() {
        MarkedRounds rounds = new MarkedRounds(List.of(DscpClass.UNMARKED, af21()), LIMIT);
        rounds.roundDue(0);
        rounds.ended(0, 0, ConnectResult.UNREACHABLE, MS, "No route to host");
        rounds.ended(0, af21().tos(), ConnectResult.UNREACHABLE, MS, "No route to host");
        assertThat(rounds.done(MS)).isTrue();
        assertThat(rounds.outcome(MS).attempts()).allSatisfy(a -> {
            assertThat(a.result()).isEqualTo(ConnectResult.UNREACHABLE);
            assertThat(a.error()).isEqualTo("No route to host");
        });
    }

    @Test
    void noBusyWaiting() {
        // after the last round nothing is due but the waits: every check is later than the one before
        MarkedRounds rounds = new MarkedRounds(CLASSES, LIMIT);
        rounds.roundDue(0);
        rounds.ended(0, 0, ConnectResult.CONNECTED, MS, null);
        long now = MS;
        int wakeups = 0;
        while (!rounds.done(now) && wakeups < 1000) {
            rounds.roundDue(now);
            long next = rounds.nextCheck(now);
            assertThat(next).isGreaterThan(now);
            now = next;
            wakeups++;
        }
        assertThat(wakeups).isLessThan(20);
    }

    /** 5 % loss each way: a healthy path is never called a drop, a dropping one always is. */
    @Test
    void fivePercentLossEachWayNeitherInventsNorHidesADrop() {
        Random random = new Random(30);
        int runs = 20_000;
        int falseDrops = 0;
        int falseDropRuns = 0;
        int undecided = 0;
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run run = simulate(new Path(1 + random.nextInt(80), 0.05, NOTHING_DROPPED), random);
            // a drop as the rule sees one: the unmarked SYN answered, a marked one timed out
            boolean baseline = run.of(DscpClass.UNMARKED).result().answered();
            int dropped = baseline ? (int) run.marked().stream().filter(a -> a.result() == ConnectResult.TIMED_OUT).count() : 0;
            falseDrops += dropped;
            falseDropRuns += dropped > 0 ? 1 : 0;

            undecided += (int) run.marked().stream().filter(a -> a.result() == ConnectResult.ERROR).count();
            times.add(run.endedAtMillis());
        }
        int missed = 0;
        for (int i = 0; i < runs; i++) {
            Run run = simulate(new Path(1 + random.nextInt(80), 0.05, MARKED_DROPPED), random);
            boolean miss = !run.marked().stream().allMatch(a -> a.result() == ConnectResult.TIMED_OUT);
            missed += miss ? 1 : 0;
        }
        System.out.printf("healthy with 5%% loss each way, %d runs of %d markings: %d false drops, %d undecided; dropping: %d runs not called%n",
                runs, CLASSES.size() - 1, falseDrops, undecided, missed);
        // five contrasts in a row by chance: about once in 160,000 markings, so at most one such run here
        assertThat(falseDropRuns).isLessThanOrEqualTo(1);
        assertThat(missed).as("a dropping path left undecided because too many unmarked SYNs were lost too")
                .isLessThanOrEqualTo(runs / 100);
        assertThat(undecided).isLessThanOrEqualTo(runs * (CLASSES.size() - 1) / 1000);
    }

    private static DscpClass af21() {
        return DscpClass.parse("af21").orElseThrow();
    }
}
