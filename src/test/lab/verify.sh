#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
# SPDX-License-Identifier: Apache-2.0
# verify.sh - checks that every lab scenario of lab.sh behaves as documented in README.md.
# Run as root:  bash src/test/lab/verify.sh      (about 50 s; exit 0 = all checks passed)
# Uses lab names vfh, vfd, vfr, vff, vfm, vfx, vwo, vwe, vw6, vwp, vwa, vwl, vwf, vmr, vms, vmo, vmp1,
# vmp2 and removes them again.
# The mirrored scenarios need socat.
# Only traffic inside the labs (198.18.0.0/15) is generated.

set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB="$HERE/lab.sh"
TMP=$(mktemp -d /tmp/netdoctor-verify.XXXXXX)
FAILS=0
SSHO=(-F /dev/null -o BatchMode=yes -o StrictHostKeyChecking=yes
      -o UserKnownHostsFile=/dev/null -o GlobalKnownHostsFile=/dev/null)

cleanup() {
    local n
    for n in vfh vfd vfr vff vfm vfx vwo vwe vw6 vwp vwa vwl vwf vpc vmr vms vmo vmp1 vmp2; do "$LAB" down "$n" >/dev/null 2>&1; done
    rm -rf -- "$TMP"
}
trap cleanup EXIT

ok()   { printf 'PASS  %s\n' "$*"; }
bad()  { printf 'FAIL  %s\n' "$*"; FAILS=$((FAILS + 1)); }
info() { printf 'INFO  %s\n' "$*"; }
now()  { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# run_ssh NS QOS CONNECT_TIMEOUT OUTER_TIMEOUT [extra ssh args] -> sets OUT, RC, T
run_ssh() {
    local ns=$1 qos=$2 ct=$3 outer=$4; shift 4
    local s; s=$(now)
    OUT=$(timeout "$outer" ip netns exec "$ns" ssh "${SSHO[@]}" -o ConnectTimeout="$ct" -o IPQoS="$qos" "$@" \
          nobody@198.19.1.2 true 2>&1 </dev/null)
    RC=$?
    T=$(secs "$s" "$(now)")
}

# start_capture NS IF FILTER FILE ; waits (bounded, 3 s) until tcpdump listens
start_capture() {
    local ns=$1 ifc=$2 filter=$3 file=$4 i
    timeout 20 ip netns exec "$ns" tcpdump -l -n -v -i "$ifc" "$filter" >"$file" 2>"$file.err" &
    CAP_PID=$!
    for ((i = 0; i < 60; i++)); do
        grep -q 'listening on' "$file.err" 2>/dev/null && return 0
        sleep 0.05
    done
    return 0
}
stop_capture() { sleep 0.3; kill "$CAP_PID" 2>/dev/null; wait "$CAP_PID" 2>/dev/null; }

# first SYN's TOS in a tcpdump -v file
syn_tos() { grep -B1 'Flags \[S\]' "$1" | grep -o 'tos 0x[0-9a-f]*' | head -n1 | cut -d' ' -f2; }

up() { # up SCENARIO NAME
    if ! "$LAB" up "$1" "$2" >"$TMP/$2.env" 2>"$TMP/$2.err"; then
        bad "lab.sh up $1 $2: $(cat "$TMP/$2.err")"; return 1
    fi
    local keys; keys=$(cut -d= -f1 "$TMP/$2.env" | tr '\n' ' ')
    if [ "$keys" = "CLIENT_NS GATEWAY_NS TARGET_NS TARGET_IP TARGET_PORT CLIENT_IP STATE_DIR " ]; then
        ok "up $1 $2 printed the expected keys"
    else
        bad "up $1 $2 printed: $keys"
    fi
}

[ "$(id -u)" -eq 0 ] || { echo "verify.sh must run as root"; exit 2; }
info "$(ssh -V 2>&1)"
if out=$("$LAB" check); then ok "check"; else bad "check: $out"; exit 1; fi

# ------------------------------------------------------------ healthy (+ TOS per IPQoS class)
if up healthy vfh; then
    for q in af21 none; do
        run_ssh vfh-c "$q" 3 10
        if [[ "$OUT" == *"Host key verification failed"* ]]; then ok "healthy IPQoS=$q: Host key verification failed (${T}s)"
        else bad "healthy IPQoS=$q: rc=$RC ${T}s: $OUT"; fi
    done
    for q in af21 cs1 ef lowdelay throughput none; do
        start_capture vfh-g gw-c 'tcp dst port 22 and tcp[tcpflags] & tcp-syn != 0' "$TMP/tos.$q"
        run_ssh vfh-c "$q" 3 10
        stop_capture
        info "SYN with IPQoS=$q: tos $(syn_tos "$TMP/tos.$q")"
    done
    start_capture vfh-g gw-c 'tcp dst port 22 and tcp[tcpflags] & tcp-syn != 0' "$TMP/tos.default"
    OUT=$(timeout 10 ip netns exec vfh-c ssh "${SSHO[@]}" -o ConnectTimeout=3 nobody@198.19.1.2 true 2>&1 </dev/null)
    stop_capture
    info "SYN with IPQoS unset (-F /dev/null, default '$(ssh -G -F /dev/null x 2>/dev/null | awk '$1=="ipqos"{print $2" "$3}')'): tos $(syn_tos "$TMP/tos.default")"
fi
"$LAB" down vfh

# ------------------------------------------------------------ dscp
if up dscp vfd; then
    start_capture vfd-g gw-c 'tcp port 22' "$TMP/dscp.gw"
    run_ssh vfd-c af21 3 10
    stop_capture
    if [[ "$OUT" == *"Connection timed out"* ]]; then ok "dscp IPQoS=af21: Connection timed out (${T}s)"
    else bad "dscp IPQoS=af21: rc=$RC ${T}s: $OUT"; fi
    tos=$(syn_tos "$TMP/dscp.gw")
    if [ "$tos" = 0x48 ]; then ok "dscp: af21 SYN seen on the gateway's client side with tos 0x48"
    else bad "dscp: af21 SYN on gateway had tos '$tos' (expected 0x48)"; fi
    start_capture vfd-t eth0 'tcp port 22' "$TMP/dscp.tgt"
    run_ssh vfd-c none 3 10
    stop_capture
    if [[ "$OUT" == *"Host key verification failed"* ]]; then ok "dscp IPQoS=none: Host key verification failed (${T}s)"
    else bad "dscp IPQoS=none: rc=$RC ${T}s: $OUT"; fi
    if grep -q 'Flags \[S\]' "$TMP/dscp.tgt"; then ok "dscp: unmarked SYN arrived in the target namespace"
    else bad "dscp: no SYN seen in the target namespace"; fi
fi
"$LAB" down vfd

# ------------------------------------------------------------ refused
if up refused vfr; then
    for q in af21 none; do
        run_ssh vfr-c "$q" 3 10
        if [[ "$OUT" == *"Connection refused"* ]]; then ok "refused IPQoS=$q: Connection refused (${T}s)"
        else bad "refused IPQoS=$q: rc=$RC ${T}s: $OUT"; fi
    done
fi
"$LAB" down vfr

# ------------------------------------------------------------ filtered
if up filtered vff; then
    for q in af21 none; do
        run_ssh vff-c "$q" 3 10
        if [[ "$OUT" == *"Connection timed out"* ]]; then ok "filtered IPQoS=$q: Connection timed out (${T}s)"
        else bad "filtered IPQoS=$q: rc=$RC ${T}s: $OUT"; fi
    done
    if timeout 5 ip netns exec vff-c ping -c1 -W2 198.19.1.2 >/dev/null 2>&1; then ok "filtered: ping works"
    else bad "filtered: ping failed"; fi
fi
"$LAB" down vff

# ------------------------------------------------------------ mtu
if up mtu vfm; then
    run_ssh vfm-c none 5 8 -v
    if [ "$RC" -eq 124 ] && [[ "$OUT" == *"Remote protocol version"* ]] && [[ "$OUT" == *"SSH2_MSG_KEXINIT sent"* ]] &&
       [[ "$OUT" != *"SSH2_MSG_KEXINIT received"* ]] && [[ "$OUT" != *"Host key verification failed"* ]]; then
        ok "mtu: banner received, stalled after 'SSH2_MSG_KEXINIT sent' (killed by timeout 8 after ${T}s)"
    else
        bad "mtu: rc=$RC ${T}s: $(printf '%s\n' "$OUT" | tail -n 3)"
    fi
    if timeout 5 ip netns exec vfm-c ping -M do -s 1400 -c2 -i0.3 -W1 198.19.1.2 >/dev/null 2>&1; then bad "mtu: DF ping 1400 got a reply"
    else ok "mtu: DF ping -s 1400 gets no reply"; fi
    if timeout 5 ip netns exec vfm-c ping -M do -s 900 -c1 -W2 198.19.1.2 >/dev/null 2>&1; then ok "mtu: DF ping -s 900 works"
    else bad "mtu: DF ping -s 900 failed"; fi
fi
"$LAB" down vfm

# ------------------------------------------------------------ "Windows" scenarios (relay, programs, stealth)
# Everything is probed as the plain lab user, from the side a user would try it from: "Windows"
# (NAME-g) for the relay, the distro (NAME-c) for the Windows programs.
WBASE="CLIENT_NS GATEWAY_NS TARGET_NS TARGET_IP TARGET_PORT CLIENT_IP WINDOWS_NS DISTRO_IP WSL_GATEWAY LAB_USER"
WKEYS_RELAY="$WBASE SERVICE_PORT SERVICE_PROGRAM SERVICE_PID_FILE RELAY_PID_FILE RELAY_LOG STATE_DIR "
WKEYS_TAKEN="$WBASE SERVICE_PORT SERVICE_PROGRAM SERVICE_PID_FILE WINDOWS_PROGRAM WINDOWS_PROGRAM_PID_FILE RELAY_PID_FILE RELAY_LOG STATE_DIR "
WKEYS_WIN="$WBASE WINDOWS_PORT WINDOWS_PROGRAM WINDOWS_PROGRAM_PID_FILE RELAY_PID_FILE RELAY_LOG STATE_DIR "
WKEYS_PROXY="$WBASE PROXY_PORT PROXY_PROGRAM PROXY_PID_FILE POWERSHELL_MACHINE RELAY_PID_FILE RELAY_LOG STATE_DIR "
# a TCP connect (bounded by LIMIT s) and a read of up to 2 s; prints "SECONDS RESULT [what the server said]",
# RESULT: connected | connected-eof (accepted, then closed with no data) | connected-idle | refused | timeout | error
PROBE='
import socket, sys, time
host, port, limit = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
s.settimeout(limit)
t = time.monotonic()
def say(what):
    print("%.2f %s" % (time.monotonic() - t, what))
    sys.exit(0)
try:
    s.connect((host, port))
except socket.timeout:
    say("timeout")
except ConnectionRefusedError:
    say("refused")
except OSError as e:
    say("error " + str(e.strerror))
s.settimeout(2)
data, eof = b"", False
try:
    while len(data) < 4096:
        chunk = s.recv(4096)
        if not chunk:
            eof = True
            break
        data += chunk
except OSError:
    pass
if data:
    say("connected " + data.split(b"\r\n\r\n", 1)[-1].decode(errors="replace").strip())
say("connected-eof" if eof else "connected-idle")
'
# a UDP datagram to a closed port: "refused" if an ICMP port unreachable came back, else "timeout"
UDPPROBE='
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect((sys.argv[1], int(sys.argv[2])))
s.settimeout(1.5)
s.send(b"x")
try:
    s.recv(100)
    print("answer")
except ConnectionRefusedError:
    print("refused")
except socket.timeout:
    print("timeout")
'
as_lab_user() { local ns=$1; shift; ip netns exec "$ns" setpriv --reuid ndlab --regid ndlab --init-groups --reset-env "$@"; }
# probe NS HOST PORT [LIMIT] -> sets P (the probe's line)
probe() { P=$(timeout 10 ip netns exec "$1" setpriv --reuid ndlab --regid ndlab --init-groups --reset-env \
              python3 -c "$PROBE" "$2" "$3" "${4:-3}" 2>&1 </dev/null); }
# expect NS HOST PORT PATTERN LABEL: the probe's result (without the seconds) must match PATTERN
expect() {
    probe "$1" "$2" "$3"
    local result=${P#* }
    # shellcheck disable=SC2053
    if [[ "$result" == $4 ]]; then ok "$5: $2:$3 from $1 -> $result (${P%% *}s)"
    else bad "$5: $2:$3 from $1 -> '$P' (expected $4)"; fi
}
expect_timeout() { # NS HOST PORT LABEL: a connect that gets no answer at all (3 s limit)
    probe "$1" "$2" "$3"
    if [ "${P#* }" = timeout ] && awk -v t="${P%% *}" 'BEGIN { exit !(t >= 2.9) }'; then
        ok "$4: $2:$3 from $1 times out, never refused (${P%% *}s)"
    else bad "$4: $2:$3 from $1 -> '$P' (expected a timeout after 3 s)"; fi
}
nft_count() { # NS TABLE-FAMILY TABLE COMMENT-WORDS -> packets counted by the rule whose comment contains them
    ip netns exec "$1" nft list table "$2" "$3" 2>/dev/null | grep -F "$4" | grep -o 'packets [0-9]*' | head -n1 | cut -d' ' -f2
}
upw() { # upw SCENARIO NAME EXPECTED_KEYS ; loads STATE_DIR into W_STATE
    if ! "$LAB" up "$1" "$2" >"$TMP/$2.env" 2>"$TMP/$2.err"; then
        bad "lab.sh up $1 $2: $(cat "$TMP/$2.err")"; return 1
    fi
    local keys; keys=$(cut -d= -f1 "$TMP/$2.env" | tr '\n' ' ')
    if [ "$keys" = "$3" ]; then ok "up $1 $2 printed the expected keys"; else bad "up $1 $2 printed: $keys"; fi
    W_STATE=$(sed -n 's/^STATE_DIR=//p' "$TMP/$2.env")
}
# what every "Windows" scenario shares: the relay's identity, owners visible to the plain user,
# the WSL adapter's name, and stealth mode (a closed port times out, UDP gets no ICMP)
common_windows_checks() { # NAME LABEL
    local n=$1 label=$2 pid uids out
    pid=$(cat "$W_STATE/wslrelay.pid")
    out=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)
    if [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = wslrelay ] &&
       [[ "$out" =~ wslrelay\ --mode\ 1\ --vm-id\ \{[0-9A-F-]{36}\}\ --handle\ [0-9]+\ $ ]]; then
        ok "$label: the relay runs as 'wslrelay' with '${out#*wslrelay }'"
    else bad "$label: relay pid $pid: comm '$(cat "/proc/$pid/comm" 2>/dev/null)', command line '$out'"; fi
    uids=$(cat /proc/"$pid"/task/*/status 2>/dev/null | awk '/^Uid:/ { print $2 $3 $4 $5 }' | sort -u)
    if [ "$uids" = "$(id -u ndlab)$(id -u ndlab)$(id -u ndlab)$(id -u ndlab)" ]; then ok "$label: every relay thread runs as ndlab"
    else bad "$label: relay thread uids: $uids"; fi
    if [ "$(readlink "/proc/$pid/ns/net")" = "$(ip netns exec "$n-g" readlink /proc/self/ns/net)" ]; then
        ok "$label: the relay lives in \"Windows\" ($n-g)"
    else bad "$label: the relay is not in $n-g"; fi
    if ip -n "$n-g" link show gw-c | grep -qF 'alias vEthernet (WSL (Hyper-V firewall))'; then
        ok "$label: Windows' WSL adapter gw-c has the alias 'vEthernet (WSL (Hyper-V firewall))'"
    else bad "$label: gw-c alias: $(ip -n "$n-g" link show gw-c | grep alias)"; fi
    expect_timeout "$n-c" 198.18.1.1 9 "$label stealth"
    out=$(timeout 5 ip netns exec "$n-c" python3 -c "$UDPPROBE" 198.18.1.1 9 2>&1)
    if [ "$out" = timeout ] && [ "$(nft_count "$n-g" inet netdoctor_windows 'no ICMP unreachable')" -gt 0 ]; then
        ok "$label stealth: UDP to 198.18.1.1:9 gets no ICMP port unreachable (Windows' unreachable was dropped)"
    else bad "$label stealth: UDP to 198.18.1.1:9 -> '$out', ICMP drop counter $(nft_count "$n-g" inet netdoctor_windows 'no ICMP unreachable')"; fi
    if [ "$(nft_count "$n-g" inet netdoctor_windows 'RST for a SYN')" -gt 0 ]; then
        ok "$label stealth: the RST to the distro's SYN was dropped in \"Windows\"' output"
    else bad "$label stealth: no RST was dropped"; fi
}
# restart_service NAME: the distro's service goes away (the relay sees it gone) and comes back
restart_service() {
    local n=$1 pid i
    pid=$(cat "$W_STATE/app-devserver.pid")
    kill "$pid" 2>/dev/null
    for ((i = 0; i < 60; i++)); do                        # the relay polls every second: at most 3 s
        grep -q 'linux listener gone: 0.0.0.0:3000' "$W_STATE/wslrelay.log" && break
        sleep 0.05
    done
    ip netns exec "$n-c" "$W_STATE/bin/devserver" --name devserver --user ndlab --listen 0.0.0.0:3000 \
        </dev/null >/dev/null 2>&1 &
    echo $! >"$W_STATE/app-devserver.pid"
}
wait_relay_log() { # PATTERN ; bounded 4 s
    local i
    for ((i = 0; i < 80; i++)); do grep -q "$1" "$W_STATE/wslrelay.log" && return 0; sleep 0.05; done
    return 1
}

if upw relay-ok vwo "$WKEYS_RELAY"; then
    out=$(as_lab_user vwo-g ss -Hltnp)
    if [[ "$out" == *'127.0.0.1:3000'*'users:(("wslrelay",pid='* ]] && [[ "$out" != *'[::1]:3000'* ]]; then
        ok "relay-ok: \"Windows\" has 127.0.0.1:3000 owned by wslrelay (seen by the plain user), no [::1]:3000"
    else bad "relay-ok: ss -ltnp in vwo-g as ndlab: $out"; fi
    expect vwo-g 127.0.0.1 3000 'connected devserver on 127.0.0.1:3000' relay-ok
    expect vwo-g ::1 3000 refused relay-ok
    expect vwo-g 198.18.1.2 3000 'connected devserver on 198.18.1.2:3000' "relay-ok (direct)"
    common_windows_checks vwo relay-ok
    # the app's way into the distro when it runs on "Windows" as the plain user: fake-wsl.exe joins
    # the namespace itself with an ambient CAP_SYS_ADMIN, which the distro's command no longer has
    out=$(timeout 20 ip netns exec vwo-g setpriv --reuid ndlab --regid ndlab --init-groups --inh-caps +sys_admin \
          --ambient-caps +sys_admin --reset-env env FAKE_WSL_NETNS=vwo-c FAKE_WSL_DELAY_MS=0 FAKE_WSL_FIRST_DELAY_MS=0 \
          python3 "$HERE/fake-wsl.exe" -d Lab --exec sh -c 'id -un; grep CapEff /proc/self/status; ss -Hltnp' 2>&1 </dev/null)
    if [[ "$out" == ndlab*'CapEff:'*'0000000000000000'*'0.0.0.0:3000'*'"devserver"'* ]]; then
        ok "relay-ok: fake-wsl.exe run by the plain user on \"Windows\" reaches the distro (as ndlab, no capabilities left) and sees devserver"
    else bad "relay-ok: fake-wsl.exe as ndlab from vwo-g: $out"; fi
    out=$(timeout 20 ip netns exec vwo-g setpriv --reuid ndlab --regid ndlab --init-groups --reset-env \
          env FAKE_WSL_NETNS=vwo-c FAKE_WSL_DELAY_MS=0 FAKE_WSL_FIRST_DELAY_MS=0 python3 "$HERE/fake-wsl.exe" -d Lab --exec true 2>&1 </dev/null)
    rc=$?
    if [ "$rc" -eq 2 ] && [[ "$out" == *'needs CAP_SYS_ADMIN'* ]]; then ok "relay-ok: without the capability fake-wsl.exe says what it needs (exit 2)"
    else bad "relay-ok: fake-wsl.exe as ndlab without CAP_SYS_ADMIN: rc=$rc $out"; fi
    # accept-then-close: the relay's connect inside the distro fails (a reject on the distro's lo)
    ip netns exec vwo-c nft -f - <<'EON'
table inet netdoctor_verify {
    chain output { type filter hook output priority filter; policy accept; oifname "lo" tcp dport 3000 reject with tcp reset; }
}
EON
    expect vwo-g 127.0.0.1 3000 connected-eof "relay-ok (distro connect fails)"
    if grep -q 'Failed to connect to port: 3000' "$W_STATE/wslrelay.log"; then ok "relay-ok: the relay logged 'Failed to connect to port: 3000'"
    else bad "relay-ok: no 'Failed to connect' in the relay log"; fi
    ip netns exec vwo-c nft delete table inet netdoctor_verify
    # the service stops: within the poll the relay stops listening
    kill "$(cat "$W_STATE/app-devserver.pid")"
    if wait_relay_log 'stopped listening on port 3000'; then
        expect vwo-g 127.0.0.1 3000 refused "relay-ok (service stopped)"
    else bad "relay-ok: the relay did not stop listening after the service ended: $(cat "$W_STATE/wslrelay.log")"; fi
fi
"$LAB" down vwo

if upw relay-eth0 vwe "$WKEYS_RELAY"; then
    expect vwe-g 127.0.0.1 3000 refused relay-eth0
    expect vwe-g ::1 3000 refused relay-eth0
    expect vwe-g 198.18.1.2 3000 'connected devserver on 198.18.1.2:3000' "relay-eth0 (direct)"
    if grep -q 'ignored 198.18.1.2:3000' "$W_STATE/wslrelay.log" && ! as_lab_user vwe-g ss -Hltn | grep -q ':3000'; then
        ok "relay-eth0: the relay ignored 198.18.1.2:3000 and \"Windows\" has no listener on 3000"
    else bad "relay-eth0: relay log: $(cat "$W_STATE/wslrelay.log")"; fi
    common_windows_checks vwe relay-eth0
fi
"$LAB" down vwe

if upw relay-v6 vw6 "$WKEYS_RELAY"; then
    out=$(as_lab_user vw6-c ss -Hltnp)
    if [[ "$out" == *'[::]:3000'*'"devserver"'* ]]; then ok "relay-v6: the distro's devserver listens on [::]:3000"
    else bad "relay-v6: ss in vw6-c: $out"; fi
    expect vw6-g ::1 3000 'connected devserver on \[::1\]:3000' relay-v6
    expect vw6-g 127.0.0.1 3000 refused relay-v6
    common_windows_checks vw6 relay-v6
fi
"$LAB" down vw6

if upw port-taken vwp "$WKEYS_TAKEN"; then
    out=$(as_lab_user vwp-g ss -Hltnp)
    if [[ "$out" == *'127.0.0.1:3000'*'users:(("node",pid='* ]] && [[ "$out" != *wslrelay* ]]; then
        ok "port-taken: 127.0.0.1:3000 in \"Windows\" belongs to node (seen by the plain user), the relay has no listener"
    else bad "port-taken: ss -ltnp in vwp-g as ndlab: $out"; fi
    expect vwp-g 127.0.0.1 3000 'connected node on 127.0.0.1:3000' port-taken
    if grep -q 'bind 127.0.0.1:3000 failed' "$W_STATE/wslrelay.log"; then ok "port-taken: the relay's bind failed (logged only)"
    else bad "port-taken: relay log: $(cat "$W_STATE/wslrelay.log")"; fi
    common_windows_checks vwp port-taken
    # freeing the port does not heal the relay (no retry) ...
    kill "$(cat "$W_STATE/app-node.pid")"
    sleep 2.5
    expect vwp-g 127.0.0.1 3000 refused "port-taken (node gone, 2.5 s later: not retried)"
    # ... until the Linux listener goes away and comes back
    restart_service vwp
    if wait_relay_log 'listening on 127.0.0.1:3000'; then
        expect vwp-g 127.0.0.1 3000 'connected devserver on 127.0.0.1:3000' "port-taken (service restarted)"
    else bad "port-taken: the relay did not bind after the service restarted: $(cat "$W_STATE/wslrelay.log")"; fi
fi
"$LAB" down vwp

if upw win-all vwa "$WKEYS_WIN"; then
    out=$(as_lab_user vwa-g ss -Hltnp)
    if [[ "$out" == *'0.0.0.0:5432'*'users:(("postgres",pid='* ]]; then ok "win-all: postgres holds 0.0.0.0:5432 (seen by the plain user)"
    else bad "win-all: ss -ltnp in vwa-g as ndlab: $out"; fi
    expect vwa-c 198.18.1.1 5432 'connected postgres on 198.18.1.1:5432' win-all
    common_windows_checks vwa win-all
fi
"$LAB" down vwa

if upw win-loopback vwl "$WKEYS_WIN"; then
    expect_timeout vwl-c 198.18.1.1 5432 win-loopback
    expect vwl-g 127.0.0.1 5432 'connected postgres on 127.0.0.1:5432' "win-loopback (on Windows)"
    expect vwl-g 198.18.1.1 5432 refused "win-loopback (on Windows)"
    common_windows_checks vwl win-loopback
fi
"$LAB" down vwl

if upw win-firewall vwf "$WKEYS_WIN"; then
    expect_timeout vwf-c 198.18.1.1 5432 win-firewall
    if [ "$(nft_count vwf-g inet netdoctor_windows 'Windows Firewall')" -gt 0 ]; then ok "win-firewall: the firewall rule dropped the distro's SYNs"
    else bad "win-firewall: the firewall rule counted nothing"; fi
    expect vwf-g 198.18.1.1 5432 'connected postgres on 198.18.1.1:5432' "win-firewall (on Windows)"
    common_windows_checks vwf win-firewall
fi
"$LAB" down vwf

if upw win-proxy vwx "$WKEYS_PROXY"; then
    out=$(as_lab_user vwx-g ss -Hltnp)
    if [[ "$out" == *'127.0.0.1:7890'*'users:(("clash",pid='* ]]; then ok "win-proxy: clash holds 127.0.0.1:7890 (seen by the plain user)"
    else bad "win-proxy: ss -ltnp in vwx-g as ndlab: $out"; fi
    expect_timeout vwx-c 198.18.1.1 7890 win-proxy
    expect vwx-g 127.0.0.1 7890 'connected clash on 127.0.0.1:7890' "win-proxy (on Windows)"
    machine=$(sed -n 's/^POWERSHELL_MACHINE=//p' "$TMP/vwx.env")
    if setpriv --reuid ndlab --regid ndlab --init-groups grep -q '"ProxyServer": "127.0.0.1:7890"' "$machine"; then
        ok "win-proxy: the plain user reads Windows' proxy setting 127.0.0.1:7890 in the stand-in's machine file"
    else bad "win-proxy: $machine not readable by ndlab, or without the proxy"; fi
    common_windows_checks vwx win-proxy
fi
"$LAB" down vwx

# vpn-capture: the distro resolves its gateway on the link and gets no answer from anything,
# while "Windows" itself reaches the target
if upw vpn-capture vpc "$WBASE VPN_ADAPTER VPN_ROUTE STATE_DIR "; then
    expect_timeout vpc-c 198.19.1.2 22 vpn-capture
    expect vpc-g 198.19.1.2 22 'connected SSH-*' "vpn-capture (on Windows)"
    if ip netns exec vpc-c ping -n -c 2 -W 1 198.18.1.1 >/dev/null 2>&1; then bad "vpn-capture: the gateway answered ping"
    else ok "vpn-capture: the gateway answers no ping"; fi
    neigh=$(ip -n vpc-c neigh show to 198.18.1.1)
    if [[ "$neigh" =~ lladdr\ [0-9a-f:]+\ (REACHABLE|STALE|DELAY) ]]; then ok "vpn-capture: the gateway's link address resolves ($neigh)"
    else bad "vpn-capture: the gateway's link address does not resolve: '$neigh'"; fi
    if ip -n vpc-g -d link show pangp0 | grep -qF 'alias PANGP Virtual Ethernet Adapter'; then ok "vpn-capture: the VPN's adapter carries its alias"
    else bad "vpn-capture: pangp0 has no alias"; fi
fi
"$LAB" down vpc
left=$(ip netns list | grep -E '^vpc-[cgtw]( |$)' || true)
if [ -z "$left" ]; then ok "vpn-capture: no lab namespaces left"; else bad "vpn-capture: namespaces left: $left"; fi

left=$(ip netns list | grep -E '^vw[oe6palfx]-[cgt]( |$)' || true)
if [ -z "$left" ]; then ok "windows scenarios: no lab namespaces left"; else bad "windows scenarios: namespaces left: $left"; fi
left=$(for p in $(pgrep -f 'netdoctor-lab-vw|wslrelay --mode 1' || true); do pid_state=$(awk '{print $3}' "/proc/$p/stat" 2>/dev/null); [ "$pid_state" = Z ] || echo "$p"; done)
if [ -z "$left" ]; then ok "windows scenarios: no relay or program left"; else bad "windows scenarios: processes left: $left"; fi

# ------------------------------------------------------------ WSL2 mirrored networking
MKEYS="CLIENT_NS WINDOWS_NS VANTAGE_NS CLIENT_IP SERVICE_PORT VANTAGE_IP VANTAGE_PORT VANTAGE_USER VANTAGE_KEY VANTAGE_HOST_KEY_PUB VANTAGE_HOST_KEY_FP STATE_DIR "
upm() { # upm SCENARIO NAME ; loads the printed keys into M_*
    if ! "$LAB" up "$1" "$2" >"$TMP/$2.env" 2>"$TMP/$2.err"; then
        bad "lab.sh up $1 $2: $(cat "$TMP/$2.err")"; return 1
    fi
    local keys; keys=$(cut -d= -f1 "$TMP/$2.env" | tr '\n' ' ')
    if [ "$keys" = "$MKEYS" ]; then ok "up $1 $2 printed the expected keys"; else bad "up $1 $2 printed: $keys"; fi
    M_KEY=$(sed -n 's/^VANTAGE_KEY=//p' "$TMP/$2.env")
    M_HOSTPUB=$(sed -n 's/^VANTAGE_HOST_KEY_PUB=//p' "$TMP/$2.env")
    M_FP=$(sed -n 's/^VANTAGE_HOST_KEY_FP=//p' "$TMP/$2.env")
}
# tcp_connect NS ADDR [USER] -> sets OUT, RC, T (connect bounded by timeout 3)
tcp_connect() {
    local ns=$1 addr=$2 user=${3:-} s; s=$(now)
    if [ -n "$user" ]; then
        OUT=$(timeout 3 ip netns exec "$ns" setpriv --reuid="$user" --regid=nogroup --clear-groups \
              bash -c "exec 3<>/dev/tcp/$addr/8443" 2>&1 </dev/null)
    else
        OUT=$(timeout 3 ip netns exec "$ns" bash -c "exec 3<>/dev/tcp/$addr/8443" 2>&1 </dev/null)
    fi
    RC=$?
    T=$(secs "$s" "$(now)")
}
route_dev() { ip netns exec "$1" ip -j route get "${@:2}" 2>/dev/null | grep -o '"dev":"[^"]*"' | cut -d'"' -f4; }
expect_refused() { # NS ADDR LABEL [USER]
    tcp_connect "$1" "$2" "${4:-}"
    if [ "$RC" -ne 0 ] && [[ "$OUT" == *"Connection refused"* ]] && awk -v t="$T" 'BEGIN { exit !(t < 1) }'; then
        ok "$3: connect to $2:8443 refused (${T}s)"
    else bad "$3: connect to $2:8443: rc=$RC ${T}s: $OUT"; fi
}
expect_connects() { # NS ADDR LABEL [USER]
    tcp_connect "$1" "$2" "${4:-}"
    if [ "$RC" -eq 0 ]; then ok "$3: connect to $2:8443 works (${T}s)"; else bad "$3: connect to $2:8443: rc=$RC ${T}s: $OUT"; fi
}
common_mirrored_checks() { # NAME LABEL
    local n=$1 label=$2 out
    if timeout 5 ip netns exec "$n-c" ping -c1 -W1 127.0.0.1 >/dev/null 2>&1; then ok "$label: ping 127.0.0.1 works"
    else bad "$label: ping 127.0.0.1 failed"; fi
    expect_connects "$n-c" 127.0.0.2 "$label"
    out=$(ip netns exec "$n-c" ss -Hltnp "sport = :8443")
    if [[ "$out" == *"0.0.0.0:8443"* ]] && [[ "$out" == *'"socat"'* ]]; then ok "$label: socat listens on 0.0.0.0:8443"
    else bad "$label: ss -ltnp: $out"; fi
    local s; s=$(now)
    if timeout 3 ip netns exec "$n-v" bash -c 'exec 3<>/dev/tcp/198.18.2.2/8443; echo hello >&3; read -r -t 2 l <&3; [ "$l" = hello ]' 2>/dev/null
    then ok "$label: the vantage reaches 198.18.2.2:8443 and gets the echo ($(secs "$s" "$(now)")s)"
    else bad "$label: the vantage cannot reach 198.18.2.2:8443"; fi
    printf '198.18.2.3 %s\n' "$(cut -d' ' -f1,2 "$M_HOSTPUB")" >"$TMP/$n.known_hosts"
    s=$(now)
    out=$(timeout 15 ip netns exec "$n-c" ssh -F /dev/null -i "$M_KEY" -o BatchMode=yes -o StrictHostKeyChecking=yes \
          -o UserKnownHostsFile="$TMP/$n.known_hosts" -o GlobalKnownHostsFile=/dev/null -o ConnectTimeout=5 \
          root@198.18.2.3 'echo hi' 2>&1 </dev/null)
    if [ "$out" = hi ]; then ok "$label: ssh -i VANTAGE_KEY root@198.18.2.3 'echo hi' prints hi, host key checked strictly ($(secs "$s" "$(now)")s)"
    else bad "$label: ssh to the vantage: $out"; fi
    if [ "$(ssh-keygen -lf "$M_HOSTPUB" | awk '{print $2}')" = "$M_FP" ] && [[ "$M_FP" == SHA256:* ]]; then
        ok "$label: VANTAGE_HOST_KEY_FP matches VANTAGE_HOST_KEY_PUB"
    else bad "$label: VANTAGE_HOST_KEY_FP '$M_FP' does not match"; fi
}

if ! command -v socat >/dev/null 2>&1; then
    bad "socat is not installed: mirrored scenarios not checked"
else
    if upm mirrored vmr; then
        d=$(route_dev vmr-c 127.0.0.1 ipproto tcp dport 8443)
        if [ "$d" = loopback0 ]; then ok "mirrored: route get 127.0.0.1 ipproto tcp dport 8443 -> dev loopback0"
        else bad "mirrored: route get 127.0.0.1 ipproto tcp -> dev '$d'"; fi
        d=$(route_dev vmr-c 127.0.0.1)
        if [ "$d" = lo ]; then ok "mirrored: route get 127.0.0.1 (no protocol) -> dev lo"
        else bad "mirrored: route get 127.0.0.1 -> dev '$d'"; fi
        d=$(route_dev vmr-c 198.18.2.2 ipproto tcp dport 8443)
        if [ "$d" = loopback0 ]; then ok "mirrored: route get 198.18.2.2 ipproto tcp dport 8443 -> dev loopback0"
        else bad "mirrored: route get 198.18.2.2 ipproto tcp -> dev '$d'"; fi
        expect_refused vmr-c 127.0.0.1 mirrored
        expect_refused vmr-c 198.18.2.2 mirrored
        expect_refused vmr-c 127.0.0.1 "mirrored (user nobody)" nobody
        common_mirrored_checks vmr mirrored
    fi
    "$LAB" down vmr

    if upm mirrored-silent vms; then
        s=$(now)
        timeout 3 ip netns exec vms-c bash -c 'exec 3<>/dev/tcp/127.0.0.1/8443' >/dev/null 2>&1 </dev/null &
        cpid=$!
        syn=""
        for ((i = 0; i < 30; i++)); do
            syn=$(ip netns exec vms-c ss -Htn state syn-sent "dport = :8443")
            [ -n "$syn" ] && break
            sleep 0.05
        done
        wait "$cpid"; RC=$?; T=$(secs "$s" "$(now)")
        if [[ "$syn" == *"127.0.0.1:8443"* ]]; then ok "mirrored-silent: ss shows the connect in SYN-SENT: $(echo $syn)"
        else bad "mirrored-silent: no SYN-SENT socket seen"; fi
        if [ "$RC" -eq 124 ]; then ok "mirrored-silent: connect to 127.0.0.1:8443 hangs (killed by timeout 3 after ${T}s)"
        else bad "mirrored-silent: connect to 127.0.0.1:8443 ended with rc=$RC after ${T}s"; fi
        d=$(route_dev vms-c 127.0.0.1 ipproto tcp dport 8443)
        if [ "$d" = loopback0 ]; then ok "mirrored-silent: route get 127.0.0.1 ipproto tcp -> dev loopback0"
        else bad "mirrored-silent: route get 127.0.0.1 ipproto tcp -> dev '$d'"; fi
        common_mirrored_checks vms mirrored-silent
    fi
    "$LAB" down vms

    if upm loopback-ok vmo; then
        d=$(route_dev vmo-c 127.0.0.1 ipproto tcp dport 8443)
        if [ "$d" = lo ]; then ok "loopback-ok: route get 127.0.0.1 ipproto tcp -> dev lo"
        else bad "loopback-ok: route get 127.0.0.1 ipproto tcp -> dev '$d'"; fi
        expect_connects vmo-c 127.0.0.1 loopback-ok
        expect_connects vmo-c 198.18.2.2 loopback-ok
        common_mirrored_checks vmo loopback-ok
    fi
    "$LAB" down vmo

    # two labs in parallel, then down leaves nothing
    "$LAB" up mirrored vmp1 >"$TMP/vmp1.env" 2>&1 & p1=$!
    "$LAB" up loopback-ok vmp2 >"$TMP/vmp2.env" 2>&1 & p2=$!
    wait "$p1"; r1=$?; wait "$p2"; r2=$?
    if [ "$r1$r2" = 00 ]; then
        tcp_connect vmp1-c 127.0.0.1; a=$RC; tcp_connect vmp2-c 127.0.0.1; b=$RC
        if [ "$a" -ne 0 ] && [ "$b" -eq 0 ]; then ok "two labs up in parallel (mirrored + loopback-ok) behave independently"
        else bad "parallel labs: mirrored rc=$a loopback-ok rc=$b"; fi
    else bad "parallel up: rc $r1 $r2: $(cat "$TMP/vmp1.env" "$TMP/vmp2.env")"; fi
    "$LAB" down vmp1; "$LAB" down vmp2
    left=$(ip netns list | grep -E '^vm(r|s|o|p1|p2)-[cwv]( |$)' || true)
    if [ -z "$left" ]; then ok "mirrored: no lab namespaces left"; else bad "mirrored: namespaces left: $left"; fi
    if pgrep -f 'netdoctor-lab-vm' >/dev/null; then bad "mirrored: lab processes left: $(pgrep -af 'netdoctor-lab-vm')"
    else ok "mirrored: no lab sshd/socat left"; fi
fi

# ------------------------------------------------------------ down / failed up
"$LAB" down vfm; rc1=$?; "$LAB" down vfm; rc2=$?
if [ "$rc1$rc2" = 00 ]; then ok "down twice exits 0"; else bad "down twice: $rc1 $rc2"; fi
left=$(ip netns list | grep -E '^vf[hdrfmx]-[cgt]( |$)' || true)
if [ -z "$left" ]; then ok "no lab namespaces left"; else bad "namespaces left: $left"; fi
if pgrep -f 'netdoctor-lab-vf' >/dev/null; then bad "lab processes left: $(pgrep -af 'netdoctor-lab-vf')"; else ok "no lab sshd left"; fi
# a failed up (sshd replaced by /bin/false) must clean up, and a later up must work
sed 's#^readonly SSHD=/usr/sbin/sshd#readonly SSHD=/bin/false#' "$LAB" >"$TMP/labfail.sh"
if bash "$TMP/labfail.sh" up healthy vfx >/dev/null 2>&1; then bad "injected failure: up succeeded?"
elif ip netns list | grep -q '^vfx-' || [ -e /tmp/netdoctor-lab-vfx ]; then bad "failed up left namespaces/state"
else ok "failed up cleaned up after itself"; fi
if "$LAB" up healthy vfx >/dev/null 2>&1; then ok "up after a failed up works"; else bad "up after a failed up failed"; fi
"$LAB" down vfx

echo
if [ "$FAILS" -eq 0 ]; then echo "ALL CHECKS PASSED"; exit 0; fi
echo "$FAILS CHECK(S) FAILED"; exit 1
