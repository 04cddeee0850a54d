# Run by WSL Net Doctor inside a WSL distro (bash -c, a constant script; inputs are arguments):
# the same TCP connect to the target, once unmarked and once per ToS byte, all at the same time,
# from the distro itself. From Windows this cannot be asked: Windows sends a TCP socket's SYN
# unmarked whatever IP_TOS says (marking there needs a QoS policy), so only connects made here
# tell whether marked packets get through.
#   $1 address   $2 port   $3 time limit per connect, in seconds (fractions allowed)
#   $4… ToS bytes, decimal (0 = unmarked)
# Prints one line per ToS byte: TOS connected|refused|timeout|unreachable|error MILLIS [ERROR TEXT]
# With neither python3 nor perl prints "no-marker" and exits 4.
set -u
if command -v python3 >/dev/null 2>&1; then
  exec python3 -c '
import errno, socket, sys, threading, time
addr, port, limit = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
family = socket.AF_INET6 if ":" in addr else socket.AF_INET
lock = threading.Lock()
def attempt(tos):
    s = socket.socket(family, socket.SOCK_STREAM)
    if tos:
        if family == socket.AF_INET6:
            s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_TCLASS, tos)
        else:
            s.setsockopt(socket.IPPROTO_IP, socket.IP_TOS, tos)
    s.settimeout(limit)
    start = time.monotonic()
    err = ""
    try:
        s.connect((addr, port))
        result = "connected"
    except socket.timeout:
        result = "timeout"
    except ConnectionRefusedError:
        result = "refused"
    except OSError as e:
        result = "unreachable" if e.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH) else "error"
        err = e.strerror or str(e)
    finally:
        s.close()
    millis = int((time.monotonic() - start) * 1000)
    with lock:
        print(tos, result, millis, err, flush=True)
threads = [threading.Thread(target=attempt, args=(int(t),)) for t in sys.argv[4:]]
for t in threads: t.start()
for t in threads: t.join()
' "$@"
elif command -v perl >/dev/null 2>&1; then
  exec perl -e '
use strict; use Socket qw(:all); use IO::Select; use Time::HiRes qw(time); use POSIX qw(:errno_h);
my ($addr, $port, $limit, @tos) = @ARGV;
$| = 1;
my $v6 = index($addr, ":") >= 0;
my @kids;
for my $tos (@tos) {
  my $pid = fork();
  if (!defined $pid) { print "$tos error 0 fork failed\n"; next; }
  if ($pid) { push @kids, $pid; next; }
  my $start = time;
  my ($result, $err) = ("error", "");
  my $family = $v6 ? AF_INET6 : AF_INET;
  socket(my $s, $family, SOCK_STREAM, 0) or do { print "$tos error 0 $!\n"; exit 0; };
  # Linux numbers: IPV6_TCLASS 67, IP_TOS 1 (older Socket modules do not export IPV6_TCLASS).
  if ($tos) { $v6 ? setsockopt($s, IPPROTO_IPV6, 67, $tos) : setsockopt($s, IPPROTO_IP, 1, $tos); }
  my $packed = $v6 ? pack_sockaddr_in6($port, inet_pton(AF_INET6, $addr)) : pack_sockaddr_in($port, inet_aton($addr));
  my $flags = fcntl($s, 3, 0); fcntl($s, 4, $flags | 2048);   # F_GETFL, F_SETFL, O_NONBLOCK
  if (connect($s, $packed)) { $result = "connected"; }
  elsif ($! == EINPROGRESS) {
    my $sel = IO::Select->new($s);
    if ($sel->can_write($limit)) {
      my $e = unpack("i", getsockopt($s, SOL_SOCKET, SO_ERROR));
      if ($e == 0) { $result = "connected"; }
      elsif ($e == ECONNREFUSED) { $result = "refused"; }
      elsif ($e == EHOSTUNREACH || $e == ENETUNREACH) { $result = "unreachable"; $! = $e; $err = "$!"; }
      else { $! = $e; $err = "$!"; }
    } else { $result = "timeout"; }
  }
  elsif ($! == ECONNREFUSED) { $result = "refused"; }
  elsif ($! == EHOSTUNREACH || $! == ENETUNREACH) { $result = "unreachable"; $err = "$!"; }
  else { $err = "$!"; }
  printf "%s %s %d %s\n", $tos, $result, (time - $start) * 1000, $err;
  exit 0;
}
waitpid($_, 0) for @kids;
' "$@"
else
  echo "no-marker"; exit 4
fi
