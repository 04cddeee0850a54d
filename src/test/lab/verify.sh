#!/usr/bin/env bash
# verify.sh - checks that every lab scenario of lab.sh behaves as documented in README.md.
# Run as root:  bash src/test/lab/verify.sh      (about 40 s; exit 0 = all checks passed)
# Uses lab names vfh, vfd, vfr, vff, vfm, vfx and removes them again.
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
    for n in vfh vfd vfr vff vfm vfx; do "$LAB" down "$n" >/dev/null 2>&1; done
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
