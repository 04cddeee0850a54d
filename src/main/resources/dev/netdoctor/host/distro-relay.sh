# WSL Net Doctor's relay inside a WSL distro: one bash, started once through wsl.exe, runs every
# command of a run, at the same time when asked, so that wsl.exe (0.1-0.3 s a start, seconds when
# the distro must boot) is paid once and not once per command. Started as
#   bash -c SCRIPT distro-relay CAP
# Requests on stdin, one line each, all fields ASCII:
#   R ID LIMIT_MS LENGTH ARGV  ARGV base64 of the arguments, each ended by a NUL; then LENGTH raw
#                              bytes of the command's input follow the line (0: none)
#   K ID                       stop that command now
# Answers on stdout: "READY" once, then per command three lines, written under a lock so that
# answers of commands ending at the same moment never mix:
#   D ID EXIT TIMED_OUT NOT_FOUND
#   base64 of at most CAP+1 bytes of its stdout (one byte more than kept tells it was cut)
#   base64 of at most CAP+1 bytes of its stderr
# The time limit is kept here, inside the distro, from the moment the command really starts.
# End of stdin (the app ended or closed it) stops every command still running, and the relay.
set -u
export LC_ALL=C
# Marks every process of ours, whatever it execs into, so the socket table tells ours from the user's.
export WSL_NET_DOCTOR_CHECK=1
cap=${1:-262144}
for tool in base64 timeout flock mktemp head; do
  command -v "$tool" >/dev/null 2>&1 || { printf 'NORELAY no %s in the distro\n' "$tool"; exit 0; }
done
# GNU head -c reads no byte past the count, so the input of a command cannot swallow the next request.
head --version 2>/dev/null | grep -q GNU || { printf 'NORELAY head is not GNU head\n'; exit 0; }
if (( BASH_VERSINFO[0] < 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] < 4) )); then
  printf 'NORELAY bash %s is older than 4.4\n' "$BASH_VERSION"; exit 0
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/wsl-net-doctor-relay.XXXXXX") || { printf 'NORELAY no temporary folder\n'; exit 0; }
stop_all() {
  local f
  for f in "$dir"/*.pid; do
    [ -e "$f" ] && kill -TERM "$(cat "$f" 2>/dev/null)" 2>/dev/null
  done
}
trap 'stop_all; wait; rm -rf "$dir"' EXIT
: > "$dir/lock"

job() {
  local id=$1 ms=$2 in=$3 args=$4 rc timed=0 missing=0
  local -a argv=()
  mapfile -t -d '' argv < <(printf '%s' "$args" | base64 -d)
  if [ "${#argv[@]}" -eq 0 ]; then
    rc=127; missing=1; : > "$dir/$id.out"; printf 'empty command\n' > "$dir/$id.err"
  elif ! command -v -- "${argv[0]}" >/dev/null 2>&1; then
    rc=127; missing=1; : > "$dir/$id.out"; printf '%s: command not found\n' "${argv[0]}" > "$dir/$id.err"
  else
    timeout -k 1 "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))" "${argv[@]}" < "$in" > "$dir/$id.out" 2> "$dir/$id.err" &
    echo "$!" > "$dir/$id.pid"
    wait "$!"
    rc=$?
    rm -f "$dir/$id.pid"
    # timeout says 124 when the limit struck, 137 when the command then had to be killed.
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then timed=1; fi
  fi
  {
    flock 9
    printf 'D %s %s %s %s\n' "$id" "$rc" "$timed" "$missing"
    head -c "$((cap + 1))" "$dir/$id.out" | base64 -w0; printf '\n'
    head -c "$((cap + 1))" "$dir/$id.err" | base64 -w0; printf '\n'
  } 9>>"$dir/lock"
  rm -f "$dir/$id.in" "$dir/$id.out" "$dir/$id.err"
}

printf 'READY\n'
while IFS=' ' read -r kind id a b c; do
  case "$kind" in
    R) in=/dev/null
       if [ "$b" -gt 0 ] 2>/dev/null; then in="$dir/$id.in"; head -c "$b" > "$in"; fi
       job "$id" "$a" "$in" "$c" & ;;
    K) [ -e "$dir/$id.pid" ] && kill -TERM "$(cat "$dir/$id.pid" 2>/dev/null)" 2>/dev/null ;;
  esac
done
