// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import dev.netdoctor.model.ConnectAttempt;
import dev.netdoctor.model.ConnectResult;
import dev.netdoctor.model.DscpClass;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When to send marked and unmarked SYNs, how long a marked one is waited for, and what the
 * answers say: the schedule and verdict of the marked-SYN check, apart from the sockets, so the
 * same rules serve connects made by this process and the events the distro's script reports.
 *
 * <p>A round is one unmarked SYN and one SYN per marking still without an answer, sent at the
 * same moment on the same path. The first round goes out at once; the next ones only once the
 * unmarked SYN was answered (its time is this path's round trip), then at least that round trip
 * and {@link #MIN_GAP} apart, so a short burst of loss cannot take them all. A marked SYN is
 * waited for {@link #MULTIPLE} times the slowest unmarked answer, at least {@link #FLOOR} (a slow
 * Wi-Fi's jitter, a busy laptop's scheduling), at most the attempt limit. A marking counts as
 * dropped only after {@link #CONTRASTS} rounds in which the unmarked SYN was answered and its own
 * SYN was not, and none of its SYNs was answered at any time: with 5 % loss each way a healthy
 * marking loses such a round about one time in eleven, so five in a row before a single answer
 * happen about once in 160,000 markings (MarkedRoundsTest plays 20,000 such runs). A round whose unmarked SYN went unanswered proves nothing
 * and is not counted; a marking that ends the run with fewer contrasts is reported as undecided.
 * Where no unmarked SYN is answered at all, every SYN is waited for the whole limit, as before.
 */
public final class MarkedRounds {
    /** Rounds with an answered unmarked SYN and a silent marked one before a marking counts as dropped. */
    public static final int CONTRASTS = 5;
    /** At most this many rounds: enough for {@link #CONTRASTS} when some unmarked SYNs are lost too. */
    public static final int MAX_ROUNDS = CONTRASTS + 3;
    /**
     * Rounds sent, {@link #FLOOR} apart, while no unmarked SYN has been answered: a lost first
     * unmarked SYN would otherwise hold every round back until the kernel sends it again after 1 s.
     */
    public static final int ROUNDS_BEFORE_AN_ANSWER = 3;
    /** The least wait for a marked SYN, however fast the unmarked one came back. */
    public static final Duration FLOOR = Duration.ofMillis(300);
    /** A marked SYN is waited for this many times the slowest unmarked answer. */
    public static final int MULTIPLE = 4;
    /** Rounds are at least this far apart (and at least one round trip). */
    public static final Duration MIN_GAP = Duration.ofMillis(50);

    private final List<DscpClass> marked;
    private final long capNanos;
    private final List<Round> rounds = new ArrayList<>();
    private long slowestUnmarkedNanos = -1;

    private static final class Round {
        final long sentAt;
        final Map<Integer, Shot> shots = new LinkedHashMap<>();

        Round(long sentAt) {
            this.sentAt = sentAt;
        }
    }

    /** One SYN: its answer, if any, and when. */
    private static final class Shot {
        final DscpClass marking;
        ConnectResult result;
        long answeredAt;
        String error;

        Shot(DscpClass marking) {
            this.marking = marking;
        }

        boolean answered() {
            return result != null && result.answered();
        }
    }

    /**
     * @param classes the markings to compare; the unmarked one among them is the baseline
     * @param limit   the longest any SYN is waited for (the request's attempt limit)
     */
    public MarkedRounds(List<DscpClass> classes, Duration limit) {
        this.marked = classes.stream().filter(DscpClass::marked).toList();
        this.capNanos = limit.toNanos();
    }

    /** The markings to send a SYN with now, unmarked first; empty when no round is due. Marks the round as sent. */
    public List<DscpClass> roundDue(long now) {
        if (!roundIsDue(now)) {
            return List.of();
        }
        List<DscpClass> send = new ArrayList<>();
        send.add(DscpClass.UNMARKED);
        marked.stream().filter(this::open).forEach(send::add);
        roundSent(now, send);
        return send;
    }

    /** A round went out at {@code now} with these markings (as the distro's script reports its rounds). */
    public void roundSent(long now, List<DscpClass> sent) {
        Round round = new Round(now);
        sent.forEach(c -> round.shots.put(c.tos(), new Shot(c)));
        round.shots.putIfAbsent(0, new Shot(DscpClass.UNMARKED));
        rounds.add(round);
    }

    private boolean roundIsDue(long now) {
        if (rounds.isEmpty()) {
            return true;
        }
        boolean baseline = slowestUnmarkedNanos >= 0;
        if (rounds.size() >= (baseline ? MAX_ROUNDS : ROUNDS_BEFORE_AN_ANSWER)
                || marked.stream().noneMatch(c -> open(c) && inPlay(c, now) < CONTRASTS)) {
            return false;
        }
        long last = rounds.getLast().sentAt;
        // a round is worth sending only if its SYNs can still be waited for their whole wait
        return now >= last + gapNanos() && now + (baseline ? waitNanos() : FLOOR.toNanos()) <= capNanos;
    }

    /** A SYN of round {@code round} (0-based, in the order sent) with this ToS byte ended as {@code result} at {@code now}. */
    public void ended(int round, int tos, ConnectResult result, long now, String error) {
        if (round < 0 || round >= rounds.size()) {
            return;
        }
        Round r = rounds.get(round);
        Shot shot = r.shots.get(tos);
        if (shot == null || shot.result != null) {
            return;
        }
        shot.result = result;
        shot.answeredAt = now;
        shot.error = error;
        // An unmarked answer later than the wait in force came through the kernel's own resend
        // (after 1 s): it says the first SYN was lost, not that the path is slow.
        long roundTrip = now - r.sentAt;
        if (tos == 0 && result.answered() && (slowestUnmarkedNanos < 0 || roundTrip <= waitNanos())) {
            slowestUnmarkedNanos = Math.max(slowestUnmarkedNanos, roundTrip);
        }
    }

    /**
     * Nothing more to wait for: every marking has its answer, its error or its proof of a drop; or
     * no further round can be sent and every round sent was waited for; or the limit has passed.
     */
    public boolean done(long now) {
        if (now >= capNanos) {
            return true;
        }
        if (rounds.isEmpty()) {
            return false;
        }
        if (slowestUnmarkedNanos < 0) {
            // no baseline (yet): only SYNs that all failed at once end it before the limit
            return rounds.getFirst().shots.values().stream().allMatch(s -> s.result != null);
        }
        List<DscpClass> undecided = marked.stream().filter(c -> open(c) && !dropped(c, now)).toList();
        if (undecided.isEmpty()) {
            return true;
        }
        boolean moreRounds = rounds.size() < MAX_ROUNDS && rounds.getLast().sentAt + gapNanos() + waitNanos() <= capNanos;
        return !moreRounds && now >= rounds.getLast().sentAt + waitNanos();
    }

    /** When the next thing may change without an answer arriving: the next round, the next wait running out, or the limit. */
    public long nextCheck(long now) {
        long next = capNanos;
        if (!rounds.isEmpty()) {
            List<Long> times = new ArrayList<>();
            if (rounds.size() < (slowestUnmarkedNanos >= 0 ? MAX_ROUNDS : ROUNDS_BEFORE_AN_ANSWER) && marked.stream().anyMatch(this::open)) {
                times.add(rounds.getLast().sentAt + gapNanos());
            }
            if (slowestUnmarkedNanos >= 0) {
                // (also when an unmarked SYN still unanswered after its wait frees a place for another round)
                rounds.forEach(r -> times.add(r.sentAt + waitNanos()));
            }
            for (long t : times) {
                if (t > now) {
                    next = Math.min(next, t);
                }
            }
        }
        return next;
    }

    /** The wait a marked SYN gets: derived once an unmarked SYN was answered, the whole limit before. */
    public long waitNanos() {
        if (slowestUnmarkedNanos < 0) {
            return capNanos;
        }
        return Math.min(capNanos, Math.max(FLOOR.toNanos(), MULTIPLE * slowestUnmarkedNanos));
    }

    /** One round trip apart, at least {@link #MIN_GAP}; before any unmarked answer, {@link #FLOOR}. */
    private long gapNanos() {
        return slowestUnmarkedNanos < 0 ? FLOOR.toNanos() : Math.max(MIN_GAP.toNanos(), slowestUnmarkedNanos);
    }

    /** The slowest unmarked answer, in ms; -1 when none was answered. */
    public long roundTripMillis() {
        return slowestUnmarkedNanos < 0 ? -1 : slowestUnmarkedNanos / 1_000_000;
    }

    public int roundsSent() {
        return rounds.size();
    }

    /** No SYN of this marking was answered or failed yet. */
    private boolean open(DscpClass c) {
        return shots(c).stream().noneMatch(s -> s.result != null);
    }

    private List<Shot> shots(DscpClass c) {
        return rounds.stream().map(r -> r.shots.get(c.tos())).filter(s -> s != null).toList();
    }

    /** Rounds in which the unmarked SYN was answered and this marking's SYN was waited for in vain. */
    private int contrasts(DscpClass c, long now) {
        int n = 0;
        for (Round r : rounds) {
            Shot mine = r.shots.get(c.tos());
            Shot baseline = r.shots.get(0);
            if (mine != null && mine.result == null && baseline.answered() && now - r.sentAt >= waitNanos()) {
                n++;
            }
        }
        return n;
    }

    /** Rounds that are, or may still become, contrasts for this marking: no more are sent while these suffice. */
    private int inPlay(DscpClass c, long now) {
        int n = 0;
        for (Round r : rounds) {
            Shot mine = r.shots.get(c.tos());
            Shot baseline = r.shots.get(0);
            boolean baselineMayAnswer = baseline.answered() || (baseline.result == null && now - r.sentAt < waitNanos());
            if (mine != null && mine.result == null && baselineMayAnswer) {
                n++;
            }
        }
        return n;
    }

    private boolean dropped(DscpClass c, long now) {
        return open(c) && contrasts(c, now) >= CONTRASTS;
    }

    /** What the rounds found: one attempt per marking (unmarked first), how many rounds went out, the round trip and the wait. */
    public record Outcome(List<ConnectAttempt> attempts, int rounds, long roundTripMillis, long waitMillis) {
    }

    public Outcome outcome(long now) {
        return new Outcome(results(now), roundsSent(), roundTripMillis(), millis(waitNanos()));
    }

    /** Unmarked first, then each marking in the order given: one line of evidence each, as the check reports them. */
    public List<ConnectAttempt> results(long now) {
        List<ConnectAttempt> out = new ArrayList<>();
        out.add(unmarkedResult(now));
        for (DscpClass c : marked) {
            out.add(result(c, now));
        }
        return out;
    }

    private ConnectAttempt unmarkedResult(long now) {
        List<Round> answered = rounds.stream().filter(r -> r.shots.get(0).answered()).toList();
        if (!answered.isEmpty()) {
            Round first = answered.getFirst();
            Shot s = first.shots.get(0);
            return new ConnectAttempt(DscpClass.UNMARKED, s.result, millis(s.answeredAt - first.sentAt), s.error);
        }
        return failed(DscpClass.UNMARKED, now);
    }

    private ConnectAttempt result(DscpClass c, long now) {
        for (Round r : rounds) {
            Shot s = r.shots.get(c.tos());
            if (s != null && s.answered()) {
                return new ConnectAttempt(c, s.result, millis(s.answeredAt - r.sentAt), s.error);
            }
        }
        if (slowestUnmarkedNanos < 0) {
            return failed(c, now);
        }
        for (Round r : rounds) {
            Shot s = r.shots.get(c.tos());
            if (s != null && s.result != null) {
                return new ConnectAttempt(c, s.result, millis(s.answeredAt - r.sentAt), s.error);
            }
        }
        int sent = shots(c).size();
        int contrasts = contrasts(c, now);
        long wait = millis(waitNanos());
        if (contrasts >= CONTRASTS) {
            return new ConnectAttempt(c, ConnectResult.TIMED_OUT, wait, String.format(Locale.ROOT,
                    "%d SYNs, none answered within %d ms, while the unmarked SYN sent with each was answered", sent, wait));
        }
        return new ConnectAttempt(c, ConnectResult.ERROR, wait, String.format(Locale.ROOT,
                "undecided: %d SYNs unanswered within %d ms, but only %d of them went out beside an answered unmarked SYN"
                        + " (too few to tell a drop from a lossy link)", sent, wait, contrasts));
    }

    /** Where no unmarked SYN was answered: the first SYN's own end, or its silence over the whole limit. */
    private ConnectAttempt failed(DscpClass c, long now) {
        Round first = rounds.isEmpty() ? null : rounds.getFirst();
        Shot s = first == null ? null : first.shots.get(c.tos());
        if (s != null && s.result != null) {
            return new ConnectAttempt(c, s.result, millis(s.answeredAt - first.sentAt), s.error);
        }
        long waited = first == null ? 0 : Math.min(now - first.sentAt, capNanos);
        return new ConnectAttempt(c, ConnectResult.TIMED_OUT, millis(waited), "connect timed out after " + millis(waited) + " ms");
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
