# Run by WSL Net Doctor inside a WSL distro (bash -c, a constant script; inputs are arguments):
# connects to the distro's own addresses, all at the same time, and says how each ended. From
# Windows the app's own sockets are Windows', so "can this Linux reach itself" must be asked here.
#   $1  "listen": first open our own listener on 0.0.0.0 and [::] (free ports), with python3 or
#       perl, whichever the distro has; or a port number to connect to (the user's service)
#   $2  time limit per connect, in seconds (fractions allowed)
#   $3  the longer limit for a second try of a connect that got no answer: the limit counts from
#       before bash starts, and a busy computer must not look like a silent network
#   $4… the addresses
# Prints "listening PORT4 PORT6" when it opened a listener (PORT6 -1 when none), then one line per
# address: ADDRESS PORT connected|timeout|failed MILLIS [ERROR TEXT]
set -u
mode=$1; limit=$2; confirm=$3; shift 3
p4=$mode; p6=$mode
if [ "$mode" = listen ]; then
  out=$(mktemp) || exit 5
  if command -v python3 >/dev/null 2>&1; then
    python3 -c '
import socket, sys, time
a = socket.socket(socket.AF_INET); a.bind(("0.0.0.0", 0)); a.listen(64)
p6 = -1
try:
    b = socket.socket(socket.AF_INET6)
    b.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
    b.bind(("::", 0)); b.listen(64); p6 = b.getsockname()[1]
except OSError:
    pass
print(a.getsockname()[1], p6, flush=True)
time.sleep(float(sys.argv[1]))' 20 > "$out" 2>/dev/null &
  elif command -v perl >/dev/null 2>&1; then
    perl -MIO::Socket::INET -e '$| = 1; my $s = IO::Socket::INET->new(LocalAddr => "0.0.0.0", LocalPort => 0, Listen => 64, Proto => "tcp") or exit 6; print $s->sockport, " -1\n"; sleep $ARGV[0];' 20 > "$out" 2>/dev/null &
  else
    rm -f "$out"; echo "no-listener"; exit 4
  fi
  listener=$!
  trap 'kill $listener 2>/dev/null; rm -f "$out"' EXIT
  for _ in $(seq 1 50); do [ -s "$out" ] && break; sleep 0.1; done
  read -r p4 p6 < "$out" || { echo "no-listener"; exit 4; }
  echo "listening $p4 $p6"
fi
pids=""
for a in "$@"; do
  case $a in *:*) p=$p6 ;; *) p=$p4 ;; esac
  [ "$p" -gt 0 ] 2>/dev/null || continue
  (
    for try in "$limit" "$confirm"; do
      s=$(date +%s%N)
      if err=$(timeout "$try" bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$a" "$p" 2>&1); then r=connected
      elif [ $? -eq 124 ]; then r=timeout
      else r=failed; fi
      e=$(date +%s%N)
      [ "$r" = timeout ] || break
    done
    printf '%s %s %s %s %s\n' "$a" "$p" "$r" $(( (e - s) / 1000000 )) "$(printf '%s' "$err" | tr '\n' ' ')"
  ) &
  pids="$pids $!"
done
for p in $pids; do wait "$p"; done
