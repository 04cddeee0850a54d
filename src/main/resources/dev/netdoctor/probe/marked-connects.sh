# Run by WSL Net Doctor inside a WSL distro (bash -c, a constant script; inputs are arguments):
# the marked-SYN check's rounds, sent from the distro itself. From Windows this cannot be asked:
# Windows sends a TCP socket's SYN unmarked whatever IP_TOS says (marking there needs a QoS
# policy), so only connects made here tell whether marked packets get through.
# The schedule is the one dev.netdoctor.probe.MarkedRounds keeps in Java (its numbers come as
# arguments): a round is one unmarked SYN and one per marking still without any answer, sent
# together; once an unmarked SYN was answered, rounds at least one round trip and MIN_GAP apart
# (before that, up to EARLY rounds FLOOR apart); a marked SYN is waited for MULTIPLE times the
# slowest unmarked answer (one later than the wait in force is the kernel's resend and does not
# count), at least FLOOR, at most LIMIT; a marking is settled by an answer or by CONTRASTS rounds
# in which only the unmarked SYN was answered. The script reports; Java gives the verdict.
#   $1 address  $2 port  $3 LIMIT s  $4 CONTRASTS  $5 MAX_ROUNDS  $6 FLOOR s  $7 MULTIPLE  $8 MIN_GAP s
#   $9 EARLY  $10… ToS bytes, decimal (0 = unmarked)
# Prints, times in microseconds since the first round:
#   round R MICROS TOS…                   a round went out
#   end R TOS connected|refused|timeout|unreachable|error MICROS [ERROR TEXT]
#   done MICROS                           nothing more to wait for
# With neither python3 nor perl prints "no-marker" and exits 4.
set -u
if command -v python3 >/dev/null 2>&1; then
  exec python3 -c '
import errno, select, socket, sys, time
addr, port, limit = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
contrasts_needed, max_rounds, floor, multiple, min_gap = int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7]), float(sys.argv[8])
early = int(sys.argv[9])
marked = [int(t) for t in sys.argv[10:] if int(t) != 0]
family = socket.AF_INET6 if ":" in addr else socket.AF_INET
start = time.monotonic()
rounds = []      # [sent_at, {tos: None | (result, at)}]
pending = {}     # socket -> (round, tos)
slowest = [-1.0]
def now(): return time.monotonic() - start
def us(t): return int(t * 1000000)
def answered(shot): return shot is not None and shot[0] in ("connected", "refused")
def wait(): return limit if slowest[0] < 0 else min(limit, max(floor, multiple * slowest[0]))
def gap(): return floor if slowest[0] < 0 else max(min_gap, slowest[0])
def is_open(tos): return all(r[1].get(tos) is None for r in rounds)
def contrasts(tos, t):
    return sum(1 for r in rounds if tos in r[1] and r[1][tos] is None and answered(r[1][0]) and t - r[0] >= wait())
def in_play(tos, t):
    return sum(1 for r in rounds if tos in r[1] and r[1][tos] is None and (answered(r[1][0]) or (r[1][0] is None and t - r[0] < wait())))
def round_due(t):
    if not rounds: return True
    base = slowest[0] >= 0
    if len(rounds) >= (max_rounds if base else early) or not any(is_open(m) and in_play(m, t) < contrasts_needed for m in marked): return False
    return t >= rounds[-1][0] + gap() and t + (wait() if base else floor) <= limit
def done(t):
    if t >= limit: return True
    if not rounds: return False
    if slowest[0] < 0: return all(v is not None for v in rounds[0][1].values())
    undecided = [m for m in marked if is_open(m) and contrasts(m, t) < contrasts_needed]
    if not undecided: return True
    more = len(rounds) < max_rounds and rounds[-1][0] + gap() + wait() <= limit
    return not more and t >= rounds[-1][0] + wait()
def next_check(t):
    times = [limit]
    if rounds:
        if len(rounds) < (max_rounds if slowest[0] >= 0 else early) and any(is_open(m) for m in marked): times.append(rounds[-1][0] + gap())
        if slowest[0] >= 0: times += [r[0] + wait() for r in rounds]
    return min([x for x in times if x > t] or [limit])
def ended(r, tos, result, t, err=""):
    shots = rounds[r][1]
    if shots.get(tos) is not None: return
    shots[tos] = (result, t)
    rtt = t - rounds[r][0]
    if tos == 0 and result in ("connected", "refused") and (slowest[0] < 0 or rtt <= wait()): slowest[0] = max(slowest[0], rtt)
    print("end", r, tos, result, us(t), err, flush=True)
def classify(e):
    if e == errno.ECONNREFUSED: return "refused"
    if e in (errno.EHOSTUNREACH, errno.ENETUNREACH): return "unreachable"
    return "error"
def send_round(t):
    r = len(rounds)
    toses = [0] + [m for m in marked if is_open(m)]
    rounds.append([t, {tos: None for tos in toses}])
    print("round", r, us(t), *toses, flush=True)
    for tos in toses:
        try:
            s = socket.socket(family, socket.SOCK_STREAM)
        except OSError as e:
            ended(r, tos, "error", now(), e.strerror or str(e)); continue
        if tos:
            if family == socket.AF_INET6: s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_TCLASS, tos)
            else: s.setsockopt(socket.IPPROTO_IP, socket.IP_TOS, tos)
        s.setblocking(False)
        rc = s.connect_ex((addr, port))
        if rc in (errno.EINPROGRESS, errno.EAGAIN):
            pending[s] = (r, tos)
        else:
            ended(r, tos, "connected" if rc == 0 else classify(rc), now(), "" if rc == 0 else (__import__("os").strerror(rc)))
            s.close()
try:
    while True:
        if round_due(now()): send_round(now())
        t = now()
        if done(t): break
        timeout = max(0.001, next_check(t) - t)
        _, ready, _ = select.select([], list(pending), [], timeout)
        for s in ready:
            r, tos = pending.pop(s)
            e = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            ended(r, tos, "connected" if e == 0 else classify(e), now(), "" if e == 0 else __import__("os").strerror(e))
            s.close()
finally:
    for s in pending: s.close()
print("done", us(now()), flush=True)
' "$@"
elif command -v perl >/dev/null 2>&1; then
  exec perl -e '
use strict; use warnings; use Socket qw(:all); use IO::Select; use Time::HiRes qw(time); use POSIX qw(:errno_h);
my ($addr, $port, $limit, $contrasts_needed, $max_rounds, $floor, $multiple, $min_gap, $early, @tos) = @ARGV;
$| = 1;
my @marked = grep { $_ != 0 } @tos;
my $v6 = index($addr, ":") >= 0;
my $start = time;
my @rounds;      # [sent_at, {tos => undef | [result, at]}]
my %pending;     # fileno => [socket, round, tos]
my $slowest = -1;
sub now { return time - $start; }
sub us { return int($_[0] * 1000000); }
sub answered { my $s = shift; return defined $s && ($s->[0] eq "connected" || $s->[0] eq "refused"); }
sub wait_for { return $limit if $slowest < 0; my $w = $multiple * $slowest; $w = $floor if $w < $floor; return $w > $limit ? $limit : $w; }
sub gap { return $floor if $slowest < 0; return $min_gap > $slowest ? $min_gap : $slowest; }
sub is_open { my $t = shift; for my $r (@rounds) { return 0 if defined $r->[1]{$t}; } return 1; }
sub contrasts {
  my ($t, $now) = @_; my $n = 0;
  for my $r (@rounds) { $n++ if exists $r->[1]{$t} && !defined $r->[1]{$t} && answered($r->[1]{0}) && $now - $r->[0] >= wait_for(); }
  return $n;
}
sub any_open { for my $m (@marked) { return 1 if is_open($m); } return 0; }
sub in_play {
  my ($t, $now) = @_; my $n = 0;
  for my $r (@rounds) {
    my $b = $r->[1]{0};
    $n++ if exists $r->[1]{$t} && !defined $r->[1]{$t} && (answered($b) || (!defined $b && $now - $r->[0] < wait_for()));
  }
  return $n;
}
sub round_due {
  my $t = shift;
  return 1 unless @rounds;
  my $base = $slowest >= 0;
  return 0 if @rounds >= ($base ? $max_rounds : $early);
  my $wanted = 0;
  for my $m (@marked) { $wanted = 1 if is_open($m) && in_play($m, $t) < $contrasts_needed; }
  return 0 unless $wanted;
  return $t >= $rounds[-1][0] + gap() && $t + ($base ? wait_for() : $floor) <= $limit;
}
sub done {
  my $t = shift;
  return 1 if $t >= $limit;
  return 0 unless @rounds;
  if ($slowest < 0) { for my $v (values %{$rounds[0][1]}) { return 0 unless defined $v; } return 1; }
  my $undecided = 0;
  for my $m (@marked) { $undecided++ if is_open($m) && contrasts($m, $t) < $contrasts_needed; }
  return 1 unless $undecided;
  my $more = @rounds < $max_rounds && $rounds[-1][0] + gap() + wait_for() <= $limit;
  return !$more && $t >= $rounds[-1][0] + wait_for();
}
sub next_check {
  my $t = shift; my @times = ($limit);
  if (@rounds) {
    push @times, $rounds[-1][0] + gap() if @rounds < ($slowest >= 0 ? $max_rounds : $early) && any_open();
    if ($slowest >= 0) { push @times, $_->[0] + wait_for() for @rounds; }
  }
  my $next = $limit;
  for my $x (@times) { $next = $x if $x > $t && $x < $next; }
  return $next;
}
sub ended {
  my ($r, $t, $result, $at, $err) = @_;
  my $shots = $rounds[$r][1];
  return if defined $shots->{$t};
  $shots->{$t} = [$result, $at];
  my $rtt = $at - $rounds[$r][0];
  if ($t == 0 && ($result eq "connected" || $result eq "refused") && ($slowest < 0 || $rtt <= wait_for())) { $slowest = $rtt if $rtt > $slowest; }
  printf "end %d %d %s %d %s\n", $r, $t, $result, us($at), defined $err ? $err : "";
}
sub classify { my $e = shift; return "refused" if $e == ECONNREFUSED; return "unreachable" if $e == EHOSTUNREACH || $e == ENETUNREACH; return "error"; }
sub send_round {
  my $t = shift; my $r = scalar @rounds;
  my @send = (0, grep { is_open($_) } @marked);
  push @rounds, [$t, { map { $_ => undef } @send }];
  print "round $r ", us($t), " @send\n";
  for my $tos (@send) {
    my $s;
    unless (socket($s, $v6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0)) { ended($r, $tos, "error", now(), "$!"); next; }
    # Linux numbers: IPV6_TCLASS 67, IP_TOS 1 (older Socket modules do not export IPV6_TCLASS).
    if ($tos) { $v6 ? setsockopt($s, IPPROTO_IPV6, 67, $tos) : setsockopt($s, IPPROTO_IP, 1, $tos); }
    my $flags = fcntl($s, 3, 0); fcntl($s, 4, $flags | 2048);   # F_GETFL, F_SETFL, O_NONBLOCK
    my $packed = $v6 ? pack_sockaddr_in6($port, inet_pton(AF_INET6, $addr)) : pack_sockaddr_in($port, inet_aton($addr));
    if (connect($s, $packed)) { ended($r, $tos, "connected", now(), ""); close $s; }
    elsif ($! == EINPROGRESS) { $pending{fileno($s)} = [$s, $r, $tos]; }
    else { my $e = $! + 0; ended($r, $tos, classify($e), now(), "$!"); close $s; }
  }
}
while (1) {
  send_round(now()) if round_due(now());
  my $t = now();
  last if done($t);
  my $timeout = next_check($t) - $t; $timeout = 0.001 if $timeout < 0.001;
  my $sel = IO::Select->new(map { $_->[0] } values %pending);
  my @ready = $sel->count ? $sel->can_write($timeout) : do { select(undef, undef, undef, $timeout); () };
  for my $s (@ready) {
    my $p = delete $pending{fileno($s)};
    my $e = unpack("i", getsockopt($s, SOL_SOCKET, SO_ERROR));
    if ($e == 0) { ended($p->[1], $p->[2], "connected", now(), ""); }
    else { $! = $e; ended($p->[1], $p->[2], classify($e), now(), "$!"); }
    close $s;
  }
}
close $_->[0] for values %pending;
print "done ", us(now()), "\n";
' "$@"
else
  echo "no-marker"; exit 4
fi
