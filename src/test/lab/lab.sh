#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
# SPDX-License-Identifier: Apache-2.0
# lab.sh - reproducible network labs (Linux network namespaces) for WSL Net Doctor tests.
#
#   lab.sh up SCENARIO NAME   SCENARIO: healthy | dscp | refused | filtered | silent | mtu | wsl-dscp
#                                       | dns-ok | dns-blocked | dns-static | dns-tunnel | dns-udp-only | dns-tcp-only
#                                       | relay-ok | relay-eth0 | relay-v6 | port-taken
#                                       | win-all | win-loopback | win-firewall | win-proxy | vpn-dns
#                                       | vpn-mtu | vpn-capture
#                                       | mirrored | mirrored-silent | loopback-ok
#   lab.sh down NAME          always exits 0, idempotent
#   lab.sh loss NAME PERCENT  random loss of PERCENT % (0-50; 0 removes it, re-running replaces it)
#                             of the packets the gateway NAME-g forwards, in each direction
#                             (NAT scenarios only; see cmd_loss below)
#   lab.sh check              exit 0 if labs can run here, else reason on stdout, exit 1
#   lab.sh user               makes sure the plain user "ndlab" exists (tests run the app as a
#                             user, since OpenSSH reads the passwd home, never $HOME); prints
#                             LAB_USER= and LAB_HOME=
#
# Topology:  NAME-c (client) --veth-- NAME-g (gateway, NAT) --veth-- NAME-t (target, sshd)
#   client  eth0 198.18.1.2/24, default via 198.18.1.1, MTU 1280 (1500 in "mtu")
#   gateway gw-c 198.18.1.1/24 (towards client), gw-t 198.19.1.1/24 (towards target)
#   target  eth0 198.19.1.2/24, default via 198.19.1.1, sshd on 198.19.1.2:22
# Scenarios (gateway nftables table "netdoctor_lab", gateway namespace only):
#   healthy   no filtering
#   dscp      forward: drop TCP SYNs (SYN without ACK) with DSCP != cs0
#   refused   no sshd: the target's kernel answers RST
#   filtered  forward: drop every TCP SYN to 198.19.1.2:22; ping works
#   silent    forward: the connection to 198.19.1.2:22 is made, but every packet from it that
#             carries data (sshd's greeting) is dropped: a port that takes connections and never
#             speaks SSH (a dead forward, a proxy that accepts by itself)
#   mtu       client MTU 1500; the gateway's routes in both directions have MTU 1000 and its
#             output chain drops ICMP frag-needed -> PMTU black hole
#
# DNS scenarios (the same topology; the gateway is WSL's NAT DNS proxy: Debian's dnsmasq on
# 198.18.1.1:53, which knows nas.lab.test = the target and says NXDOMAIN for other lab.test names;
# the client's /etc/resolv.conf and /etc/wsl.conf are /etc/netns/NAME-c/*, which ip netns exec
# binds over /etc/*; the app is told it runs in a WSL 2 distro by WSL_DISTRO_NAME, as WSL does):
#   dns-ok        WSL's generated resolv.conf naming the proxy; DNS works
#   dns-blocked   the same, but the gateway drops every packet to port 53 (a firewall on Windows)
#   dns-static    no WSL header, a fixed server 198.18.9.9 that nothing answers for, and
#                 /etc/wsl.conf [network] generateResolvConf = false (the old workaround)
#   dns-tunnel    WSL's header naming 198.18.255.254 on the client's lo, where a dnsmasq listens
#                 (DNS tunneling's listener inside Linux; dnsTunnelingIpAddress set to a lab address)
#   dns-udp-only  the proxy answers over UDP only (TCP port 53 dropped)
#   dns-tcp-only  the proxy answers over TCP only (UDP port 53 dropped)
# "Windows" scenarios (the same topology; the gateway namespace NAME-g is Windows, gw-c its WSL
# adapter holding the distro's gateway 198.18.1.1; Windows' stealth mode: nothing in NAME-g sends a
# TCP RST or an ICMP unreachable to the WSL side; WSL's localhost relay "wslrelay" runs in NAME-g;
# the relay and the programs run as the plain lab user, see up_windows below and README.md):
#   relay-ok      the distro's service listens on 0.0.0.0:3000 -> relayed to Windows 127.0.0.1:3000
#   relay-eth0    it listens on 198.18.1.2:3000 only -> nothing relayed
#   relay-v6      it listens on [::]:3000 with IPV6_V6ONLY -> relayed to Windows [::1]:3000 only
#   port-taken    a Windows program "node" holds 127.0.0.1:3000 first; the relay's bind fails silently
#   win-all       a Windows program "postgres" listens on 0.0.0.0:5432
#   win-loopback  it listens on 127.0.0.1:5432 only
#   win-firewall  it listens on 0.0.0.0:5432; Windows' firewall drops inbound TCP 5432 from gw-c
#   vpn-dns       split DNS on a VPN: Windows' resolver (NAME-g's /etc/resolv.conf, the file
#                 /etc/netns/NAME-g/resolv.conf that ip netns exec binds over it) asks "the VPN's DNS
#                 server", a dnsmasq on 198.18.200.53 (NAME-g's lo), which knows intranet.corp.example
#                 and nas.lab.test; the distro's resolver is WSL's NAT DNS proxy as in dns-ok (dnsmasq
#                 on 198.18.1.1), which knows nas.lab.test and says NXDOMAIN for corp.example. The fake
#                 PowerShell's machine file (WINDOWS_MACHINE, FAKE_PS_MACHINE) lists the NRPT rule
#                 .corp.example -> 198.18.200.53; the .wslconfig (WSLCONFIG, --wslconfig) sets
#                 dnsTunneling=false. Both dnsmasqs have no upstream: no question leaves the lab.
#   win-proxy     a proxy program "clash" listens on 127.0.0.1:7890 only, and Windows' proxy setting
#                 (the powershell.exe stand-in's machine file, printed as POWERSHELL_MACHINE) is on,
#                 127.0.0.1:7890: what WSL drops in NAT mode (issue 28)
# A distro clock that is off needs no scenario of its own: any "Windows" scenario, with the app run
# through fake-wsl.exe with FAKE_WSL_CLOCK_OFFSET=SECONDS (libfaketime in the distro's commands).
#   vpn-mtu       a VPN on Windows with a smaller MTU: gw-t is its tunnel adapter (ifalias
#                 "PANGP Virtual Ethernet Adapter", MTU 1400) and the target is reached through it;
#                 the distro's eth0 keeps MTU 1500; the ICMP "fragmentation needed" Windows sends
#                 towards the distro is dropped -> PMTU black hole (see up_vpn_mtu below)
#   vpn-capture   a VPN on "Windows" takes WSL's traffic: a tunnel adapter pangp0 (a veth into the
#                 namespace NAME-w, where nothing answers: what is routed into it vanishes) with the
#                 alias "PANGP Virtual Ethernet Adapter",
#                 198.19.200.7/32, and a route 198.18.1.0/28 through it, more specific than WSL's
#                 198.18.1.0/24 on gw-c: every answer "Windows" and its NAT have for the distro
#                 198.18.1.2 goes into the tunnel, while ARP still answers on gw-c (rp_filter off)
#                 and "Windows" itself still reaches the target 198.19.1.2:22 (no relay runs)
# WSL2 "mirrored networking" scenarios (other topology, see up_mirrored below and README.md):
#   NAME-c (client, "WSL")  eth0 198.18.2.2/24 --veth-- NAME-v (vantage) eth0 198.18.2.3/24, sshd :22
#                           loopback0 169.254.73.1/30 --veth-- NAME-w ("Windows") wsl0 169.254.73.2/30
#                           socat service on 0.0.0.0:8443
#   mirrored         policy rules send locally generated TCP for 127.0.0.1 and 198.18.2.2 out of
#                    loopback0 to "Windows", which has no listener and answers RST -> refused
#   mirrored-silent  the same, but "Windows" drops the SYNs -> connect hangs in SYN-SENT
#   loopback-ok      same topology, no redirect rules -> 127.0.0.1:8443 connects
# Only 198.18.0.0/15 addresses are used (plus 127/8 and 169.254/16 inside the lab namespaces);
# the namespaces have no link to the host's network.
# See README.md next to this file.

set -euo pipefail

readonly CLIENT_IP=198.18.1.2
readonly GW_CLIENT_IP=198.18.1.1
readonly GW_TARGET_IP=198.19.1.1
readonly TARGET_IP=198.19.1.2
readonly WSL_WINDOWS_IP=198.18.3.2       # wsl-dscp: "Windows", on its own link to the gateway
readonly WSL_GW_WINDOWS_IP=198.18.3.1
readonly TARGET_PORT=22
readonly NFT_TABLE=netdoctor_lab
readonly SSHD=/usr/sbin/sshd
readonly STATE_BASE=/tmp/netdoctor-lab-
readonly PATH_MTU=1000          # "mtu" scenario: MTU of the path through the gateway
LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly LAB_DIR                # wslrelay and tcpapp live beside this script

# "Windows" scenarios (relay-* | port-taken | win-*)
readonly W_SERVICE_PORT=3000            # the user's service in the distro
readonly W_SERVICE_PROGRAM=devserver
readonly W_TAKER_PROGRAM=node           # port-taken: the Windows program on 127.0.0.1:3000
readonly W_WINDOWS_PORT=5432            # win-*: the Windows program's port
readonly W_WINDOWS_PROGRAM=postgres
readonly W_NFT_TABLE=netdoctor_windows  # inet table in NAME-g: stealth mode and Windows' firewall
readonly W_WSL_ADAPTER_ALIAS="vEthernet (WSL (Hyper-V firewall))"
readonly W_PROXY_PORT=7890              # win-proxy: Clash's and v2ray's default, on Windows' 127.0.0.1
readonly W_PROXY_PROGRAM=clash

# vpn-dns: a company name only Windows' resolver knows (through the VPN's DNS server and NRPT rule)
readonly VPN_DNS_NAME=intranet.corp.example
readonly VPN_DNS_DOMAIN=corp.example
readonly VPN_DNS_SERVER=198.18.200.53      # "the VPN's DNS server", on NAME-g's lo
readonly VPN_DNS_ADDRESS=198.19.1.2        # what it answers: the target, so Windows reaches it
# vpn-mtu: the VPN's tunnel adapter on "Windows" (gw-t, the way to the target)
readonly VPN_MTU_ALIAS="PANGP Virtual Ethernet Adapter"
readonly VPN_MTU_TUNNEL_MTU=1400

# vpn-capture: the VPN's tunnel adapter on "Windows" and its route over the distro's address
readonly V_VPN_IF=pangp0
readonly V_VPN_DESCRIPTION="PANGP Virtual Ethernet Adapter"
readonly V_VPN_IP=198.19.200.7
readonly V_VPN_MTU=1400
readonly V_VPN_ROUTE=198.18.1.0/28     # holds CLIENT_IP, more specific than the client's /24

# mirrored-networking scenarios (mirrored | mirrored-silent | loopback-ok)
readonly M_CLIENT_IP=198.18.2.2         # client ("WSL") eth0; also owned by "Windows" (mirrored)
readonly M_VANTAGE_IP=198.18.2.3        # vantage namespace, sshd
readonly M_VANTAGE_PORT=22
readonly M_VANTAGE_USER=root
readonly M_SERVICE_PORT=8443            # socat service in the client, bound to 0.0.0.0
readonly M_LO0_IP=169.254.73.1          # client side of loopback0
readonly M_WIN_IP=169.254.73.2          # "Windows" side (the loopback gateway)
readonly M_LO0_PLEN=30
readonly M_WIN_IF=wsl0                  # name of the veth in the "Windows" namespace
readonly M_TABLE_LOOPBACK=127           # route for 127.0.0.1 out of loopback0
readonly M_TABLE_LOCAL=128              # route for the client's own address out of loopback0
readonly SOCAT=socat

# DNS scenarios
readonly DNSMASQ=/usr/sbin/dnsmasq
readonly DNS_NAME=nas.lab.test
readonly DNS_STATIC_SERVER=198.18.9.9      # dns-static: a server nothing answers for
readonly DNS_TUNNEL_IP=198.18.255.254      # dns-tunnel: the listener on the client's lo
readonly WSL_RESOLV_HEADER='# This file was automatically generated by WSL. To stop automatic generation of this file, add the following entry to /etc/wsl.conf:
# [network]
# generateResolvConf = false'

log() { printf 'lab.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    cat >&2 <<'EOF'
usage: lab.sh up SCENARIO NAME    (SCENARIO: healthy|dscp|refused|filtered|silent|mtu|wsl-dscp|dns-ok|dns-blocked|dns-static|
                                   dns-tunnel|dns-udp-only|dns-tcp-only|relay-ok|relay-eth0|relay-v6|port-taken|win-all|
                                   win-loopback|win-firewall|win-proxy|vpn-dns|vpn-mtu|vpn-capture|mirrored|mirrored-silent|loopback-ok;
                                   NAME: 1-8 chars [a-z0-9])
       lab.sh down NAME
       lab.sh loss NAME PERCENT   (PERCENT: 0-50 % of the gateway's forwarded packets dropped at random,
                                   each direction; 0 removes it; NAT scenarios only)
       lab.sh check
       lab.sh user
EOF
}

valid_name() { [[ "${1:-}" =~ ^[a-z0-9]{1,8}$ ]]; }

# ---------------------------------------------------------------- down

# true while process $1 exists and is not a zombie (a zombie has exited already; where PID 1
# does not reap orphans promptly, 'kill -0' would keep succeeding on it)
pid_alive() {
    local st
    st=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null) || return 1   # "pid (comm) STATE ..."
    st=${st%% *}
    [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

# Kill every process living in namespace $1 (TERM, bounded wait, then KILL). Never fails.
kill_ns_pids() {
    local ns=$1 pids i
    pids=$(ip netns pids "$ns" 2>/dev/null || true)
    [ -n "$pids" ] || return 0
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do              # at most ~2 s
        pids=$(ip netns pids "$ns" 2>/dev/null || true)
        [ -n "$pids" ] || return 0
        sleep 0.05
    done
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do              # at most ~1 s
        pids=$(ip netns pids "$ns" 2>/dev/null || true)
        [ -n "$pids" ] || return 0
        sleep 0.05
    done
    return 0
}

# TERM (then KILL after ~2 s) process $1, but only if its command line contains $2. Never fails.
kill_verified() {
    local pid=$1 needle=$2 i
    [ -n "$pid" ] && [ -n "$needle" ] || return 0
    grep -qsF -- "$needle" "/proc/$pid/cmdline" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null
    for ((i = 0; i < 40; i++)); do
        pid_alive "$pid" || return 0
        sleep 0.05
    done
    kill -KILL "$pid" 2>/dev/null
    return 0
}

# Tear the lab down. Must never fail (called from traps too).
do_down() {
    local name=$1 state=${STATE_BASE}$1 pid ns i
    set +e
    # 1. sshd by its pid file (only if the pid really is an sshd of this lab)
    if [ -f "$state/sshd.pid" ]; then
        pid=$(head -n1 "$state/sshd.pid" 2>/dev/null | tr -cd '0-9')
        if [ -n "$pid" ] && grep -qs -- "$state/sshd_config" "/proc/$pid/cmdline" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null
            for ((i = 0; i < 40; i++)); do
                pid_alive "$pid" || break
                sleep 0.05
            done
            pid_alive "$pid" && kill -KILL "$pid" 2>/dev/null
        fi
    fi
    # 1b. the service of the mirrored scenarios (socat), only if it really is this lab's socat
    if [ -f "$state/socat.pid" ]; then
        pid=$(head -n1 "$state/socat.pid" 2>/dev/null | tr -cd '0-9')
        if [ -n "$pid" ] && grep -qs -- "$state/socat.log" "/proc/$pid/cmdline" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null
            for ((i = 0; i < 40; i++)); do
                pid_alive "$pid" || break
                sleep 0.05
            done
            pid_alive "$pid" && kill -KILL "$pid" 2>/dev/null
        fi
    fi
    # 1c. dnsmasq of the DNS scenarios, only if the pid really is this lab's dnsmasq
    for pidfile in "$state"/dnsmasq-*.pid; do
        [ -f "$pidfile" ] || continue
        pid=$(head -n1 "$pidfile" 2>/dev/null | tr -cd '0-9')
        if [ -n "$pid" ] && grep -qs -- "$pidfile" "/proc/$pid/cmdline" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null
            for ((i = 0; i < 40; i++)); do
                pid_alive "$pid" || break
                sleep 0.05
            done
            pid_alive "$pid" && kill -KILL "$pid" 2>/dev/null
        fi
    done
    # 1c'. the "Windows" scenarios' relay and programs, only if the pid really is this lab's
    #      (the relay's command line carries this lab's VM id, a program's its symlink in the state folder)
    if [ -f "$state/wslrelay.pid" ] && [ -s "$state/wslrelay.vmid" ]; then
        kill_verified "$(head -n1 "$state/wslrelay.pid" 2>/dev/null | tr -cd '0-9')" "$(head -n1 "$state/wslrelay.vmid")"
    fi
    for pidfile in "$state"/app-*.pid; do
        [ -f "$pidfile" ] || continue
        kill_verified "$(head -n1 "$pidfile" 2>/dev/null | tr -cd '0-9')" "$state/bin/"
    done
    # 1d. the client's /etc/netns files, and the empty /etc/wsl.conf if this lab put it there
    if [ -f "$state/made-etc-wsl.conf" ] && [ -f /etc/wsl.conf ] && [ ! -s /etc/wsl.conf ]; then
        rm -f /etc/wsl.conf
    fi
    rm -rf -- "/etc/netns/$name-c" >/dev/null 2>&1
    rm -rf -- "/etc/netns/$name-g" >/dev/null 2>&1     # vpn-dns: Windows' resolv.conf
    rmdir /etc/netns >/dev/null 2>&1
    # 2. anything else started in the namespaces, then the namespaces themselves
    #    (c/g/t: NAT scenarios; c/w/v: mirrored scenarios)
    for ns in "$name-c" "$name-g" "$name-t" "$name-w" "$name-v"; do
        if [ -e "/run/netns/$ns" ]; then
            kill_ns_pids "$ns"
            ip netns delete "$ns" >/dev/null 2>&1
            # a stale mount point without a namespace: remove the file
            [ -e "/run/netns/$ns" ] && { umount "/run/netns/$ns" >/dev/null 2>&1; rm -f "/run/netns/$ns" >/dev/null 2>&1; }
        fi
    done
    # 3. state folder (only our own prefix)
    case "$state" in
        "$STATE_BASE"?*) rm -rf -- "$state" >/dev/null 2>&1 ;;
    esac
    set -e
    return 0
}

cmd_down() {
    if [ $# -ne 1 ] || ! valid_name "${1:-}"; then
        log "down: NAME must be 1-8 chars [a-z0-9] (nothing done)"
        exit 0
    fi
    do_down "$1"
    exit 0
}

# ---------------------------------------------------------------- check

cmd_check() {
    if [ "$(id -u)" -ne 0 ]; then echo "not root (uid $(id -u)): network namespaces need root"; exit 1; fi
    command -v ip >/dev/null 2>&1 || { echo "ip (iproute2) not found"; exit 1; }
    command -v nft >/dev/null 2>&1 || { echo "nft (nftables) not found"; exit 1; }
    [ -x "$SSHD" ] || { echo "sshd not found at $SSHD (install openssh-server)"; exit 1; }
    command -v ssh-keygen >/dev/null 2>&1 || { echo "ssh-keygen not found (install openssh-client)"; exit 1; }
    command -v ss >/dev/null 2>&1 || { echo "ss (iproute2) not found"; exit 1; }
    [ -x "$DNSMASQ" ] || { echo "dnsmasq not found at $DNSMASQ (install dnsmasq-base)"; exit 1; }
    local ns="ndchk$$" reason=""
    if ! ip netns add "$ns" >/dev/null 2>&1; then
        echo "'ip netns add' does not work here"; exit 1
    fi
    if ! ip netns exec "$ns" nft -f - >/dev/null 2>&1 <<EOF
table ip ${NFT_TABLE}_check {
    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        oifname "nonexistent0" masquerade
    }
    chain forward {
        type filter hook forward priority filter; policy accept;
        tcp flags & (syn | ack) == syn ip dscp != cs0 drop
    }
}
EOF
    then
        reason="nftables does not work inside a network namespace (nat/filter tables)"
    elif ! ip -n "$ns" link add chk0 type veth peer name chk1 >/dev/null 2>&1; then
        reason="cannot create veth interfaces inside a network namespace"
    fi
    ip netns delete "$ns" >/dev/null 2>&1 || true
    if [ -n "$reason" ]; then echo "$reason"; exit 1; fi
    exit 0
}

# ---------------------------------------------------------------- up

UP_NAME=""
UP_DONE=0
on_up_exit() {
    local rc=$?
    if [ "$UP_DONE" -ne 1 ] && [ -n "$UP_NAME" ]; then
        log "up failed (exit $rc); tearing down lab '$UP_NAME'"
        if [ -n "${STATE:-}" ] && [ -f "$STATE/sshd.log" ]; then
            log "sshd.log:"; sed 's/^/  /' "$STATE/sshd.log" >&2 || true
        fi
        do_down "$UP_NAME"
        [ "$rc" -eq 0 ] && rc=1
    fi
    exit "$rc"
}

# run a step; on failure print which step failed (the ERR/EXIT trap then tears down)
step() {
    local desc=$1; shift
    local out
    if ! out=$("$@" 2>&1); then
        log "step failed: $desc"
        log "  command: $*"
        [ -n "$out" ] && printf '  %s\n' "$out" >&2
        return 1
    fi
    return 0
}

nft_gateway() {
    # $1 = scenario; loads the gateway's own table from stdin
    local scenario=$1 forward_rules="" output_rules="" input_rules=""
    case "$scenario" in
        dscp)
            forward_rules='iifname "gw-c" oifname "gw-t" tcp flags & (syn | ack) == syn ip dscp != cs0 counter drop comment "dscp: drop DSCP-marked SYNs"' ;;
        wsl-dscp)
            # Marked SYNs are dropped whichever side sends them: "Windows" gets through only
            # because, like real Windows, it never marks (its own table clears the field).
            forward_rules='oifname "gw-t" tcp flags & (syn | ack) == syn ip dscp != cs0 counter drop comment "dscp: drop DSCP-marked SYNs"' ;;
        filtered)
            forward_rules="iifname \"gw-c\" oifname \"gw-t\" ip daddr $TARGET_IP tcp dport $TARGET_PORT tcp flags & (syn | ack) == syn counter drop comment \"filtered: drop every SYN to 22\"" ;;
        silent)
            # SYN-ACK, ACKs and FIN carry no data (IP length <= 60); the greeting does.
            forward_rules="iifname \"gw-t\" oifname \"gw-c\" ip saddr $TARGET_IP tcp sport $TARGET_PORT ip length > 64 counter drop comment \"silent: the server's data never arrives\"" ;;
        mtu)
            output_rules='icmp type destination-unreachable icmp code frag-needed counter drop comment "mtu: PMTU black hole"' ;;
        vpn-mtu)
            output_rules='oifname "gw-c" icmp type destination-unreachable icmp code frag-needed counter drop comment "vpn-mtu: no frag-needed reaches WSL"' ;;
        dns-blocked)
            input_rules='th dport 53 counter drop comment "dns-blocked: the proxy gets nothing"' ;;
        dns-udp-only)
            input_rules='tcp dport 53 counter drop comment "dns-udp-only"' ;;
        dns-tcp-only)
            input_rules='udp dport 53 counter drop comment "dns-tcp-only"' ;;
    esac
    ip netns exec "$GW_NS" nft -f - <<EOF
table ip $NFT_TABLE {
    chain postrouting {
        type nat hook postrouting priority srcnat; policy accept;
        oifname "gw-t" counter masquerade comment "imitate WSL2 NAT"
    }
    chain forward {
        type filter hook forward priority filter; policy accept;
        $forward_rules
    }
    chain output {
        type filter hook output priority filter; policy accept;
        $output_rules
    }
    chain input {
        type filter hook input priority filter; policy accept;
        $input_rules
    }
}
EOF
}

# start dnsmasq in namespace $1 on address $2 (its own pid file and log in the state folder, $3 a
# tag; any further arguments are more dnsmasq options, e.g. names of its own)
start_dnsmasq() {
    local ns=$1 addr=$2 tag=$3 i
    shift 3
    timeout 10 ip netns exec "$ns" "$DNSMASQ" --conf-file=/dev/null --no-resolv --no-hosts --no-poll \
        --listen-address="$addr" --bind-interfaces --port=53 --user=root \
        --pid-file="$STATE/dnsmasq-$tag.pid" --log-facility="$STATE/dnsmasq-$tag.log" \
        --host-record="$DNS_NAME,$TARGET_IP" --local=/lab.test/ "$@" </dev/null
    for ((i = 0; i < 100; i++)); do            # at most ~5 s
        ip netns exec "$ns" ss -Hlun "sport = :53" 2>/dev/null | grep -q "$addr:53" && return 0
        sleep 0.05
    done
    return 1
}

# the client's resolv.conf and wsl.conf for DNS scenario $1
write_dns_files() {
    local scenario=$1 etc=/etc/netns/$CLI_NS
    mkdir -p -m 0755 "$etc"
    case "$scenario" in
        dns-static)
            printf '# written by hand (the old workaround)\nnameserver %s\n' "$DNS_STATIC_SERVER" >"$etc/resolv.conf"
            printf '[boot]\nsystemd=true\n\n[network]\ngenerateResolvConf = false\n' >"$etc/wsl.conf" ;;
        dns-tunnel)
            printf '%s\nnameserver %s\n' "$WSL_RESOLV_HEADER" "$DNS_TUNNEL_IP" >"$etc/resolv.conf"
            printf '[boot]\nsystemd=true\n' >"$etc/wsl.conf" ;;
        *)
            printf '%s\nnameserver %s\n' "$WSL_RESOLV_HEADER" "$GW_CLIENT_IP" >"$etc/resolv.conf"
            printf '[boot]\nsystemd=true\n' >"$etc/wsl.conf" ;;
    esac
    chmod 0644 "$etc/resolv.conf" "$etc/wsl.conf"
    # ip netns exec binds only over files that exist: a machine that is not WSL has no
    # /etc/wsl.conf, so an empty one is put there for the lab's time (and only then).
    if [ ! -e /etc/wsl.conf ]; then
        : >/etc/wsl.conf && echo "$CLI_NS" >"$STATE/made-etc-wsl.conf"
    fi
}

write_sshd_config() {
    cat >"$STATE/sshd_config" <<EOF
# sshd config of netdoctor lab '$UP_NAME' (the system's /etc/ssh is not used)
Port $TARGET_PORT
ListenAddress $TARGET_IP
AddressFamily inet
HostKey $STATE/ssh_host_ed25519_key
PidFile $STATE/sshd.pid
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication no
AuthorizedKeysFile none
PermitRootLogin no
StrictModes no
UseDNS no
X11Forwarding no
AllowTcpForwarding no
LoginGraceTime 30
LogLevel VERBOSE
EOF
}

# wait (bounded: 40 x 50 ms = 2 s) until the veths report operstate UP
wait_links_up() {
    local i
    for ((i = 0; i < 40; i++)); do
        if ip -n "$CLI_NS" -br link show dev eth0 2>/dev/null | grep -q ' UP ' &&
           ip -n "$GW_NS"  -br link show dev gw-c 2>/dev/null | grep -q ' UP ' &&
           ip -n "$GW_NS"  -br link show dev gw-t 2>/dev/null | grep -q ' UP ' &&
           ip -n "$TGT_NS" -br link show dev eth0 2>/dev/null | grep -q ' UP '; then
            return 0
        fi
        sleep 0.05
    done
    log "veth links did not come up within 2 s"
    return 1
}

wait_sshd_listening() {
    local i
    for ((i = 0; i < 100; i++)); do             # at most 100 x 50 ms = 5 s (+ command time)
        if ip netns exec "$TGT_NS" ss -Hltn "sport = :$TARGET_PORT" 2>/dev/null | grep -q "$TARGET_IP:$TARGET_PORT"; then
            return 0
        fi
        sleep 0.05
    done
    log "sshd did not listen on $TARGET_IP:$TARGET_PORT within 5 s"
    return 1
}

# Refuses to touch a lab that (partly) exists, then arms the teardown: from here on, any failure
# or interruption removes what was made. Every scenario uses the same five namespace names.
claim_lab() {
    local name=$1 ns
    for ns in "$name-c" "$name-g" "$name-t" "$name-w" "$name-v"; do
        [ ! -e "/run/netns/$ns" ] || die "namespace $ns already exists; run 'lab.sh down $name' first"
    done
    [ ! -e "$STATE" ] || die "state folder $STATE already exists; run 'lab.sh down $name' first"
    UP_NAME=$name
    trap on_up_exit EXIT
    trap 'exit 130' INT TERM HUP
}

cmd_up() {
    [ $# -eq 2 ] || { usage; exit 2; }
    local scenario=$1 name=$2
    case "$scenario" in
        healthy|dscp|refused|filtered|silent|mtu|wsl-dscp) ;;
        dns-ok|dns-blocked|dns-static|dns-tunnel|dns-udp-only|dns-tcp-only)
            [ -x "$DNSMASQ" ] || die "dnsmasq not found at $DNSMASQ (Debian package dnsmasq)" ;;
        relay-ok|relay-eth0|relay-v6|port-taken|win-all|win-loopback|win-firewall|win-proxy|vpn-dns)
            [ "$scenario" != vpn-dns ] || [ -x "$DNSMASQ" ] || die "dnsmasq not found at $DNSMASQ (Debian package dnsmasq)"
            command -v python3 >/dev/null 2>&1 || die "python3 not found (the relay and the programs are Python)"
            [ -x "$LAB_DIR/wslrelay" ] && [ -x "$LAB_DIR/tcpapp" ] || die "wslrelay/tcpapp not found beside lab.sh" ;;
        vpn-mtu)
            command -v python3 >/dev/null 2>&1 || die "python3 not found (the relay is Python)"
            [ -x "$LAB_DIR/wslrelay" ] || die "wslrelay not found beside lab.sh" ;;
        vpn-capture) ;;
        mirrored|mirrored-silent|loopback-ok) up_mirrored "$scenario" "$name"; return ;;
        *) usage; die "unknown scenario '$scenario'" ;;
    esac
    valid_name "$name" || die "NAME '$name' must be 1-8 chars [a-z0-9]"
    [ "$(id -u)" -eq 0 ] || die "must run as root"
    command -v nft >/dev/null 2>&1 || die "nft not found"
    [ -x "$SSHD" ] || { [ "$scenario" = refused ] || die "sshd not found at $SSHD"; }

    CLI_NS="$name-c"; GW_NS="$name-g"; TGT_NS="$name-t"
    STATE="${STATE_BASE}${name}"
    # from here on, any failure tears down what was made
    claim_lab "$name"

    # "mtu": the client keeps 1500 (so it advertises MSS 1460) and the path through the gateway
    # is limited to $PATH_MTU by route MTUs (see README.md: why not an interface MTU)
    local client_mtu=1280
    [ "$scenario" = mtu ] && client_mtu=1500
    [ "$scenario" = vpn-mtu ] && client_mtu=1500    # WSL's eth0 did not follow the VPN's MTU

    step "create state folder" mkdir -m 0700 "$STATE"
    echo "$scenario" >"$STATE/scenario"

    # namespaces
    step "create namespace $CLI_NS" ip netns add "$CLI_NS"
    step "create namespace $GW_NS"  ip netns add "$GW_NS"
    step "create namespace $TGT_NS" ip netns add "$TGT_NS"

    # veth pairs, created directly inside the namespaces (nothing appears in the host's namespace)
    step "veth client<->gateway" ip -n "$GW_NS" link add gw-c type veth peer name eth0 netns "$CLI_NS"
    step "veth gateway<->target" ip -n "$GW_NS" link add gw-t type veth peer name eth0 netns "$TGT_NS"

    # client
    step "client lo up"   ip -n "$CLI_NS" link set lo up
    step "client mtu"     ip -n "$CLI_NS" link set eth0 mtu "$client_mtu"
    step "client addr"    ip -n "$CLI_NS" addr add "$CLIENT_IP/24" dev eth0
    step "client up"      ip -n "$CLI_NS" link set eth0 up
    # gateway
    step "gateway lo up"  ip -n "$GW_NS" link set lo up
    step "gateway addr c" ip -n "$GW_NS" addr add "$GW_CLIENT_IP/24" dev gw-c
    step "gateway addr t" ip -n "$GW_NS" addr add "$GW_TARGET_IP/24" dev gw-t
    step "gateway up c"   ip -n "$GW_NS" link set gw-c up
    step "gateway up t"   ip -n "$GW_NS" link set gw-t up
    step "gateway ip_forward" ip netns exec "$GW_NS" sysctl -qw net.ipv4.ip_forward=1
    # target
    step "target lo up"   ip -n "$TGT_NS" link set lo up
    step "target addr"    ip -n "$TGT_NS" addr add "$TARGET_IP/24" dev eth0
    step "target up"      ip -n "$TGT_NS" link set eth0 up
    # routes (the routes only cover the lab's 198.18.0.0/15 addresses in practice:
    # there is nothing else reachable from these namespaces)
    step "client route"   ip -n "$CLI_NS" route add default via "$GW_CLIENT_IP" dev eth0
    step "target route"   ip -n "$TGT_NS" route add default via "$GW_TARGET_IP" dev eth0
    if [ "$scenario" = wsl-dscp ]; then
        # "Windows": its own link to the gateway, where marked SYNs are not dropped (the drop
        # rule matches only what comes from the WSL side, gw-c): works from Windows, not from WSL.
        WIN_NS="$name-w"
        step "create namespace $WIN_NS" ip netns add "$WIN_NS"
        step "veth windows<->gateway" ip -n "$GW_NS" link add gw-w type veth peer name eth0 netns "$WIN_NS"
        step "windows lo up"   ip -n "$WIN_NS" link set lo up
        step "windows addr"    ip -n "$WIN_NS" addr add "$WSL_WINDOWS_IP/24" dev eth0
        step "windows up"      ip -n "$WIN_NS" link set eth0 up
        step "gateway addr w"  ip -n "$GW_NS" addr add "$WSL_GW_WINDOWS_IP/24" dev gw-w
        step "gateway up w"    ip -n "$GW_NS" link set gw-w up
        step "windows route"   ip -n "$WIN_NS" route add default via "$WSL_GW_WINDOWS_IP" dev eth0
        # Windows sends TCP unmarked whatever IP_TOS a program sets (marking needs a QoS policy
        # there), so "Windows" clears the DSCP field of everything it sends: no test can pass on
        # marking that real Windows would never do.
        step "windows never marks" ip netns exec "$WIN_NS" nft -f - <<EOW
table ip $NFT_TABLE {
    chain postrouting {
        type filter hook postrouting priority filter; policy accept;
        ip dscp != cs0 counter ip dscp set cs0 comment "Windows does not mark TCP from IP_TOS"
    }
}
EOW
        # Windows' adapter towards the WSL VM, named as Windows names it (OSHI reads the alias);
        # a veth pair inside "Windows" stands in for it, MTU as the client's link.
        step "windows wsl adapter" ip -n "$WIN_NS" link add vwsl mtu 1280 type veth peer name vwsl-vm mtu 1280
        step "windows wsl adapter alias" ip -n "$WIN_NS" link set vwsl alias "vEthernet (WSL (Hyper-V firewall))"
        # On Windows this adapter holds the distro's gateway address, which is how the app finds it
        # (never by its name). /32: no route to the distro's link through this stand-in, which
        # leads nowhere; the gateway itself stays in NAME-g.
        step "windows wsl adapter address" ip -n "$WIN_NS" addr add "$GW_CLIENT_IP/32" dev vwsl
        step "windows wsl adapter up" ip -n "$WIN_NS" link set vwsl up
        step "windows wsl adapter peer up" ip -n "$WIN_NS" link set vwsl-vm up
    fi
    wait_links_up

    if [ "$scenario" = mtu ]; then
        # Path-MTU black hole inside the gateway: packets forwarded in either direction larger
        # than PATH_MTU with DF set trigger ICMP frag-needed, which the output chain drops.
        step "gateway path mtu towards client" ip -n "$GW_NS" route replace 198.18.1.0/24 dev gw-c \
            proto kernel scope link src "$GW_CLIENT_IP" mtu "$PATH_MTU"
        step "gateway path mtu towards target" ip -n "$GW_NS" route replace 198.19.1.0/24 dev gw-t \
            proto kernel scope link src "$GW_TARGET_IP" mtu "$PATH_MTU"
    fi

    # the target must do classic PMTU discovery and must not know the path MTU in advance
    step "target pmtu disc"   ip netns exec "$TGT_NS" sysctl -qw net.ipv4.ip_no_pmtu_disc=0
    step "target no mtu probing" ip netns exec "$TGT_NS" sysctl -qw net.ipv4.tcp_mtu_probing=0
    step "target no cached mtu"  ip netns exec "$TGT_NS" sysctl -qw net.ipv4.tcp_no_metrics_save=1
    step "client no mtu probing" ip netns exec "$CLI_NS" sysctl -qw net.ipv4.tcp_mtu_probing=0
    ip -n "$TGT_NS" route flush cache >/dev/null 2>&1 || true

    # gateway firewall (own table, gateway namespace only)
    step "gateway nftables ($scenario)" nft_gateway "$scenario"

    # sshd in the target namespace
    if [ "$scenario" != refused ]; then
        step "ssh-keygen host key" ssh-keygen -q -t ed25519 -N '' -C "netdoctor-lab-$name" -f "$STATE/ssh_host_ed25519_key"
        write_sshd_config
        if [ ! -d /run/sshd ]; then
            step "create /run/sshd" mkdir -p -m 0755 /run/sshd
        fi
        step "sshd config test" ip netns exec "$TGT_NS" "$SSHD" -t -f "$STATE/sshd_config"
        # sshd daemonises; its parent returns at once. Bounded just in case.
        step "start sshd" timeout 10 ip netns exec "$TGT_NS" "$SSHD" -f "$STATE/sshd_config" -E "$STATE/sshd.log" </dev/null
        wait_sshd_listening
    fi

    case "$scenario" in
        dns-*)
            step "dns files ($scenario)" write_dns_files "$scenario"
            if [ "$scenario" = dns-tunnel ]; then
                step "tunneling address on lo" ip -n "$CLI_NS" addr add "$DNS_TUNNEL_IP/32" dev lo
                step "dnsmasq on the client's lo" start_dnsmasq "$CLI_NS" "$DNS_TUNNEL_IP" tunnel
            elif [ "$scenario" != dns-static ]; then
                step "dnsmasq in the gateway" start_dnsmasq "$GW_NS" "$GW_CLIENT_IP" proxy
            fi ;;
    esac

    case "$scenario" in
        vpn-dns) up_vpn_dns ;;
    esac
    case "$scenario" in
        relay-*|port-taken|win-*|vpn-dns) up_windows "$scenario" ;;
        vpn-mtu) up_windows "$scenario" && up_vpn_mtu ;;
        vpn-capture) up_vpn_capture ;;
    esac

    UP_DONE=1
    trap - EXIT INT TERM HUP
    case "$scenario" in
        dns-*) printf 'DNS_NAME=%s\nETC_DIR=%s\n' "$DNS_NAME" "/etc/netns/$CLI_NS" ;;
    esac
    printf 'CLIENT_NS=%s\n' "$CLI_NS"
    printf 'GATEWAY_NS=%s\n' "$GW_NS"
    printf 'TARGET_NS=%s\n' "$TGT_NS"
    printf 'TARGET_IP=%s\n' "$TARGET_IP"
    printf 'TARGET_PORT=%s\n' "$TARGET_PORT"
    printf 'CLIENT_IP=%s\n' "$CLIENT_IP"
    if [ "$scenario" = wsl-dscp ]; then
        printf 'WINDOWS_NS=%s\n' "$WIN_NS"
        printf 'WINDOWS_IP=%s\n' "$WSL_WINDOWS_IP"
    fi
    case "$scenario" in
        relay-*|port-taken|win-*|vpn-dns) print_windows_keys "$scenario" ;;
        vpn-mtu) print_vpn_mtu_keys ;;
        vpn-capture) print_vpn_capture_keys ;;
    esac
    if [ "$scenario" = vpn-dns ]; then
        printf 'DNS_NAME=%s\nVPN_DNS_NAME=%s\nVPN_DNS_SERVER=%s\n' "$DNS_NAME" "$VPN_DNS_NAME" "$VPN_DNS_SERVER"
        printf 'WINDOWS_MACHINE=%s\nWSLCONFIG=%s\n' "$STATE/windows-machine.json" "$STATE/wslconfig"
    fi
    printf 'STATE_DIR=%s\n' "$STATE"
}

# ---------------------------------------------------------------- up: "Windows" (relay-* | port-taken | win-*)

# Windows' stealth mode (on by default with the firewall; KB2586744, microsoft/WSL#5791): no TCP RST
# and no ICMP unreachable for ports nobody listens on, so a WSL connect to such a port times out.
# Only what this host itself sends out of its WSL adapter is dropped, and only the RSTs the kernel
# sends where no socket exists: the answer to a SYN (RST+ACK with sequence 0) and to a segment with
# ACK (a bare RST); a RST that ends a real connection (RST+ACK with its own sequence) passes.
# Frag-needed passes too (path-MTU discovery is not an unreachable port). win-firewall adds Windows'
# firewall: inbound TCP 5432 from the WSL side is dropped (no answer at all); traffic of the host to
# its own address arrives on lo and never meets the rule, as host-local traffic skips the firewall.
nft_windows() {
    local scenario=$1 input_rules=""
    if [ "$scenario" = win-firewall ]; then
        input_rules="iifname \"gw-c\" tcp dport $W_WINDOWS_PORT counter drop comment \"Windows Firewall: inbound $W_WINDOWS_PORT from WSL blocked\""
    fi
    ip netns exec "$GW_NS" nft -f - <<EOF
table inet $W_NFT_TABLE {
    chain output {
        type filter hook output priority filter; policy accept;
        oifname "gw-c" tcp flags & (rst | ack) == rst counter drop comment "stealth: no RST for a segment to a closed port"
        oifname "gw-c" tcp flags & (rst | ack) == rst | ack tcp sequence 0 counter drop comment "stealth: no RST for a SYN to a closed port"
        oifname "gw-c" icmp type destination-unreachable icmp code != frag-needed counter drop comment "stealth: no ICMP unreachable"
        oifname "gw-c" icmpv6 type destination-unreachable counter drop comment "stealth: no ICMPv6 unreachable"
    }
    chain input {
        type filter hook input priority filter; policy accept;
        $input_rules
    }
}
EOF
}

# start_app NS PROGRAM ARGS...: tcpapp under the name PROGRAM in namespace NS (pid in
# STATE/app-PROGRAM.pid, log STATE/app-PROGRAM.log). Started through a symlink called PROGRAM, so
# the kernel names the process PROGRAM; it becomes the lab user itself before opening a socket.
start_app() {
    local ns=$1 prog=$2; shift 2
    mkdir -p -m 0755 "$STATE/bin" || return 1
    ln -sfn "$LAB_DIR/tcpapp" "$STATE/bin/$prog" || return 1
    ip netns exec "$ns" "$STATE/bin/$prog" --name "$prog" --user "$LAB_USER" "$@" \
        </dev/null >/dev/null 2>>"$STATE/app-$prog.log" &
    echo $! >"$STATE/app-$prog.pid"
}
app_pid() { head -n1 "$STATE/app-$1.pid"; }

# the relay: runs in "Windows" ($GW_NS) with its handle (an open descriptor of the distro's network
# namespace) on fd 3; it joins the distro in one thread, then drops to the lab user. Its stderr is
# its log. Waits (bounded, 5 s) for "ready".
start_relay() {
    local guid i
    guid="{$(tr 'a-f' 'A-F' </proc/sys/kernel/random/uuid)}"
    echo "$guid" >"$STATE/wslrelay.vmid"
    : >"$STATE/wslrelay.log"
    ( exec 3<"/run/netns/$CLI_NS"
      exec env FAKE_WSLRELAY_USER="$LAB_USER" ip netns exec "$GW_NS" "$LAB_DIR/wslrelay" \
          --mode 1 --vm-id "$guid" --handle 3 </dev/null >/dev/null 2>>"$STATE/wslrelay.log" ) &
    echo $! >"$STATE/wslrelay.pid"
    for ((i = 0; i < 100; i++)); do
        grep -q ' ready ' "$STATE/wslrelay.log" && return 0
        pid_alive "$(cat "$STATE/wslrelay.pid")" || { log "wslrelay exited: $(cat "$STATE/wslrelay.log")"; return 1; }
        sleep 0.05
    done
    log "wslrelay not ready within 5 s: $(cat "$STATE/wslrelay.log")"
    return 1
}

# wait (bounded: 5 s; the relay polls every second) until the relay has logged what it did with
# the distro's listener on port $1
wait_relay_saw() {
    local port=$1 i
    for ((i = 0; i < 100; i++)); do
        grep -Eq "(listening on|ignored|bind) .*:$port\b" "$STATE/wslrelay.log" && return 0
        sleep 0.05
    done
    log "the relay did not see the listener on port $port within 5 s: $(cat "$STATE/wslrelay.log")"
    return 1
}

# "Windows" is the gateway namespace: gw-c is its WSL adapter (198.18.1.1, the distro's gateway),
# named as Windows names it (OSHI reads the alias; the app must find it by its address, not its name)
up_windows() {
    local scenario=$1 addr
    step "lab user $LAB_USER" ensure_lab_user
    step "windows wsl adapter alias" ip -n "$GW_NS" link set gw-c alias "$W_WSL_ADAPTER_ALIAS"
    step "windows lan adapter alias" ip -n "$GW_NS" link set gw-t alias "Ethernet"
    step "windows nftables ($scenario: stealth mode)" nft_windows "$scenario"

    if [ "$scenario" = port-taken ]; then
        # a Windows program already holds 127.0.0.1:3000 (plain bind, no options) before the relay
        step "windows program $W_TAKER_PROGRAM" start_app "$GW_NS" "$W_TAKER_PROGRAM" --listen "127.0.0.1:$W_SERVICE_PORT"
        wait_listening_in "$GW_NS" 127.0.0.1 "$W_SERVICE_PORT" "$(app_pid "$W_TAKER_PROGRAM")"
    fi
    case "$scenario" in
        win-all|win-firewall) addr=0.0.0.0 ;;
        win-loopback)         addr=127.0.0.1 ;;
        *) addr="" ;;
    esac
    if [ -n "$addr" ]; then
        step "windows program $W_WINDOWS_PROGRAM" start_app "$GW_NS" "$W_WINDOWS_PROGRAM" --listen "$addr:$W_WINDOWS_PORT"
        wait_listening_in "$GW_NS" "$addr" "$W_WINDOWS_PORT" "$(app_pid "$W_WINDOWS_PROGRAM")"
    fi
    if [ "$scenario" = win-proxy ]; then
        up_windows_proxy
    fi

    step "wslrelay" start_relay

    case "$scenario" in
        relay-ok|port-taken) addr=0.0.0.0 ;;
        relay-eth0)          addr=$CLIENT_IP ;;
        relay-v6)            addr="[::]" ;;
        *) return 0 ;;
    esac
    if [ "$scenario" = relay-v6 ]; then
        step "distro service $W_SERVICE_PROGRAM" start_app "$CLI_NS" "$W_SERVICE_PROGRAM" --listen "$addr:$W_SERVICE_PORT" --v6only
    else
        step "distro service $W_SERVICE_PROGRAM" start_app "$CLI_NS" "$W_SERVICE_PROGRAM" --listen "$addr:$W_SERVICE_PORT"
    fi
    wait_listening_in "$CLI_NS" "$addr" "$W_SERVICE_PORT" "$(app_pid "$W_SERVICE_PROGRAM")"
    wait_relay_saw "$W_SERVICE_PORT"
}

# win-proxy: the proxy program on Windows' 127.0.0.1 only (as Clash and v2ray start), and Windows'
# proxy setting pointing at it, in a machine file for fake-powershell.exe (its "proxy" key: the
# HKCU Internet Settings values). The plain user running the stand-in must read that file, so the
# state folder lets others through (0711: no listing) and the file's folder is readable.
up_windows_proxy() {
    step "windows proxy $W_PROXY_PROGRAM" start_app "$GW_NS" "$W_PROXY_PROGRAM" --listen "127.0.0.1:$W_PROXY_PORT"
    wait_listening_in "$GW_NS" 127.0.0.1 "$W_PROXY_PORT" "$(app_pid "$W_PROXY_PROGRAM")"
    step "state folder passable" chmod 0711 "$STATE"
    step "powershell machine folder" install -d -m 0755 "$STATE/windows"
    printf '{"proxy": {"ProxyEnable": 1, "ProxyServer": "127.0.0.1:%s", "ProxyOverride": "<local>"}}\n' "$W_PROXY_PORT" \
        >"$STATE/windows/powershell-machine.json" || return 1
    chmod 0644 "$STATE/windows/powershell-machine.json"
}

print_windows_keys() {
    local scenario=$1
    printf 'WINDOWS_NS=%s\n' "$GW_NS"
    printf 'DISTRO_IP=%s\n' "$CLIENT_IP"
    printf 'WSL_GATEWAY=%s\n' "$GW_CLIENT_IP"
    printf 'LAB_USER=%s\n' "$LAB_USER"
    case "$scenario" in
        win-proxy)
            printf 'PROXY_PORT=%s\n' "$W_PROXY_PORT"
            printf 'PROXY_PROGRAM=%s\n' "$W_PROXY_PROGRAM"
            printf 'PROXY_PID_FILE=%s\n' "$STATE/app-$W_PROXY_PROGRAM.pid"
            printf 'POWERSHELL_MACHINE=%s\n' "$STATE/windows/powershell-machine.json" ;;
        win-*)
            printf 'WINDOWS_PORT=%s\n' "$W_WINDOWS_PORT"
            printf 'WINDOWS_PROGRAM=%s\n' "$W_WINDOWS_PROGRAM"
            printf 'WINDOWS_PROGRAM_PID_FILE=%s\n' "$STATE/app-$W_WINDOWS_PROGRAM.pid" ;;
        vpn-dns) ;;     # no program on either side: its keys follow in cmd_up
        *)
            printf 'SERVICE_PORT=%s\n' "$W_SERVICE_PORT"
            printf 'SERVICE_PROGRAM=%s\n' "$W_SERVICE_PROGRAM"
            printf 'SERVICE_PID_FILE=%s\n' "$STATE/app-$W_SERVICE_PROGRAM.pid"
            if [ "$scenario" = port-taken ]; then
                printf 'WINDOWS_PROGRAM=%s\n' "$W_TAKER_PROGRAM"
                printf 'WINDOWS_PROGRAM_PID_FILE=%s\n' "$STATE/app-$W_TAKER_PROGRAM.pid"
            fi ;;
    esac
    printf 'RELAY_PID_FILE=%s\n' "$STATE/wslrelay.pid"
    printf 'RELAY_LOG=%s\n' "$STATE/wslrelay.log"
}

# ---------------------------------------------------------------- up: "Windows" on a VPN (vpn-dns)

# Split DNS: Windows' resolver asks the VPN's DNS server, WSL's NAT DNS proxy does not know the
# company's names. Windows' resolver is NAME-g's /etc/resolv.conf: ip netns exec (and fake-wsl.exe
# for a plain user) binds /etc/netns/NAME-g/resolv.conf over it, so the app "on Windows" resolves
# through the VPN's server. The distro's own /etc/netns/NAME-c/resolv.conf is bound over that again
# when fake-wsl.exe enters the distro, so the distro keeps WSL's proxy. The machine file and the
# .wslconfig are read by the plain user: the state folder is opened for traversal (not listing).
up_vpn_dns() {
    step "dns files (the distro: WSL's NAT DNS proxy)" write_dns_files dns-ok
    step "dnsmasq in the gateway (WSL's proxy: no $VPN_DNS_DOMAIN)" start_dnsmasq "$GW_NS" "$GW_CLIENT_IP" proxy \
        --local="/$VPN_DNS_DOMAIN/"
    step "the VPN's DNS server address on Windows' lo" ip -n "$GW_NS" addr add "$VPN_DNS_SERVER/32" dev lo
    step "dnsmasq: the VPN's DNS server" start_dnsmasq "$GW_NS" "$VPN_DNS_SERVER" vpn \
        --host-record="$VPN_DNS_NAME,$VPN_DNS_ADDRESS" --local="/$VPN_DNS_DOMAIN/"
    step "Windows' resolver asks the VPN's server" write_vpn_dns_windows_files
}

write_vpn_dns_windows_files() {
    local etc=/etc/netns/$GW_NS
    mkdir -p -m 0755 "$etc" || return 1
    printf '# Windows resolver in the lab (vpn-dns): the VPN'"'"'s DNS server\nnameserver %s\n' "$VPN_DNS_SERVER" >"$etc/resolv.conf"
    printf '{"nrpt": [{"Namespace": ".%s", "NameServers": ["%s"]}]}\n' "$VPN_DNS_DOMAIN" "$VPN_DNS_SERVER" \
        >"$STATE/windows-machine.json"
    printf '[wsl2]\ndnsTunneling=false\n' >"$STATE/wslconfig"
    chmod 0644 "$etc/resolv.conf" "$STATE/windows-machine.json" "$STATE/wslconfig"
    chmod 0711 "$STATE"
}

# ---------------------------------------------------------------- up: "Windows" with a VPN (vpn-mtu)

# The VPN's tunnel adapter is gw-t, the way to the target: named as a GlobalProtect adapter, with
# the tunnel's MTU. The target's eth0 keeps 1500 (the far side of a tunnel does not know its MTU),
# so what it sends above 1400 bytes is dropped where it enters the tunnel (a veth drops frames
# larger than the receiving side's MTU), and what the distro sends above 1400 bytes with DF set
# makes "Windows" answer "fragmentation needed", which nft_gateway drops on its way to the distro.
# The distro's /etc/wsl.conf (/etc/netns/NAME-c/wsl.conf) is there to be fixed ([boot] command).
up_vpn_mtu() {
    local etc=/etc/netns/$CLI_NS
    step "vpn tunnel adapter alias" ip -n "$GW_NS" link set gw-t alias "$VPN_MTU_ALIAS"
    step "vpn tunnel adapter mtu" ip -n "$GW_NS" link set gw-t mtu "$VPN_MTU_TUNNEL_MTU"
    ip -n "$CLI_NS" route flush cache >/dev/null 2>&1 || true
    mkdir -p -m 0755 "$etc" || return 1
    printf '[boot]\nsystemd=true\n' >"$etc/wsl.conf" || return 1
    chmod 0644 "$etc/wsl.conf"
    # as write_dns_files: ip netns exec binds only over files that exist
    if [ ! -e /etc/wsl.conf ]; then
        : >/etc/wsl.conf && echo "$CLI_NS" >"$STATE/made-etc-wsl.conf"
    fi
}

print_vpn_mtu_keys() {
    printf 'WINDOWS_NS=%s\n' "$GW_NS"
    printf 'DISTRO_IP=%s\n' "$CLIENT_IP"
    printf 'WSL_GATEWAY=%s\n' "$GW_CLIENT_IP"
    printf 'LAB_USER=%s\n' "$LAB_USER"
    printf 'VPN_ADAPTER_ALIAS=%s\n' "$VPN_MTU_ALIAS"
    printf 'VPN_ADAPTER_MTU=%s\n' "$VPN_MTU_TUNNEL_MTU"
    printf 'ETC_DIR=%s\n' "/etc/netns/$CLI_NS"
    printf 'RELAY_PID_FILE=%s\n' "$STATE/wslrelay.pid"
}

# ---------------------------------------------------------------- up: "Windows" with a VPN (vpn-capture)

# A VPN that routes part of WSL's subnet into its tunnel (microsoft/WSL#4246: a longer prefix than
# WSL's own route). "Windows" is NAME-g as in the other Windows scenarios (same aliases, stealth
# mode), plus the VPN's adapter: a veth whose other end lies in NAME-w, a namespace with no address
# and no forwarding, so whatever is routed into the tunnel is dropped, as by a tunnel whose far end
# has no route back (a dummy device would do, but containers often lack its module). Its /28 holds
# the distro's address and wins over gw-c's /24 (longest prefix), so "Windows" sends every answer
# for the distro into the tunnel: its pings, and its NAT's answers from the target. ARP is not routed: the reply leaves by gw-c, where
# the request came in, so the distro still resolves its gateway; only the reverse-path filter would
# check the distro's address against the routes and drop the request, hence rp_filter 0 (a new
# namespace's default, set here so a changed default cannot turn this into another scenario).
up_vpn_capture() {
    step "windows wsl adapter alias" ip -n "$GW_NS" link set gw-c alias "$W_WSL_ADAPTER_ALIAS"
    step "windows lan adapter alias" ip -n "$GW_NS" link set gw-t alias "Ethernet"
    step "windows nftables (vpn-capture: stealth mode)" nft_windows vpn-capture
    VPN_NS="${GW_NS%-g}-w"
    step "create namespace $VPN_NS (the tunnel's far end)" ip netns add "$VPN_NS"
    step "vpn adapter" ip -n "$GW_NS" link add "$V_VPN_IF" mtu "$V_VPN_MTU" type veth peer name tunnel mtu "$V_VPN_MTU" netns "$VPN_NS"
    step "tunnel's far end up" ip -n "$VPN_NS" link set tunnel up
    step "vpn adapter alias" ip -n "$GW_NS" link set "$V_VPN_IF" alias "$V_VPN_DESCRIPTION"
    step "vpn adapter address" ip -n "$GW_NS" addr add "$V_VPN_IP/32" dev "$V_VPN_IF"
    step "vpn adapter up" ip -n "$GW_NS" link set "$V_VPN_IF" up
    step "windows: no reverse-path filter" ip netns exec "$GW_NS" sysctl -qw net.ipv4.conf.all.rp_filter=0 \
        net.ipv4.conf.default.rp_filter=0 net.ipv4.conf.gw-c.rp_filter=0
    step "vpn route over the distro's address" ip -n "$GW_NS" route add "$V_VPN_ROUTE" dev "$V_VPN_IF" metric 1
    wait_devs_up "$GW_NS:$V_VPN_IF"
}

print_vpn_capture_keys() {
    printf 'WINDOWS_NS=%s\n' "$GW_NS"
    printf 'DISTRO_IP=%s\n' "$CLIENT_IP"
    printf 'WSL_GATEWAY=%s\n' "$GW_CLIENT_IP"
    printf 'LAB_USER=%s\n' "$LAB_USER"
    printf 'VPN_ADAPTER=%s\n' "$V_VPN_DESCRIPTION"
    printf 'VPN_ROUTE=%s\n' "$V_VPN_ROUTE"
}

# ---------------------------------------------------------------- up: WSL2 mirrored networking

# wait (bounded: 100 x 50 ms = 5 s + command time) until namespace $1 has a TCP listener on $2:$3;
# gives up early if the optional process $4 (the listener) has died
wait_listening_in() {
    local ns=$1 addr=$2 port=$3 pid=${4:-} i
    for ((i = 0; i < 100; i++)); do
        if ip netns exec "$ns" ss -Hltn "sport = :$port" 2>/dev/null | grep -qF "$addr:$port"; then
            return 0
        fi
        if [ -n "$pid" ] && ! pid_alive "$pid"; then
            log "the listener for $addr:$port in $ns (pid $pid) exited"
            return 1
        fi
        sleep 0.05
    done
    log "nothing listened on $addr:$port in $ns within 5 s"
    return 1
}

# wait (bounded: 40 x 50 ms = 2 s) until every "NS:DEV" given reports operstate UP
wait_devs_up() {
    local i nd ok
    for ((i = 0; i < 40; i++)); do
        ok=1
        for nd in "$@"; do
            ip -n "${nd%%:*}" -br link show dev "${nd#*:}" 2>/dev/null | grep -q ' UP ' || { ok=0; break; }
        done
        [ "$ok" -eq 1 ] && return 0
        sleep 0.05
    done
    log "links did not come up within 2 s: $*"
    return 1
}

# MAC address of device $2 in namespace $1
mac_of() { ip -n "$1" -br link show dev "$2" | awk '{print $3}'; }

# UsePAM yes: with PAM off, sshd refuses even key logins to an account whose password is
# locked ("!" in /etc/shadow, as root is on many images); with PAM on it leaves that to PAM,
# which lets a key in. Verified here by locking root for a moment: "Permission denied" with
# UsePAM no, a working login with UsePAM yes.
write_vantage_sshd_config() {
    cat >"$STATE/sshd_config" <<EOC
# sshd config of netdoctor lab '$UP_NAME', vantage namespace (the system's /etc/ssh is not used)
Port $M_VANTAGE_PORT
ListenAddress $M_VANTAGE_IP
AddressFamily inet
HostKey $STATE/ssh_host_ed25519_key
PidFile $STATE/sshd.pid
UsePAM yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
AuthorizedKeysFile $STATE/authorized_keys
AuthorizedPrincipalsFile none
PermitRootLogin prohibit-password
AllowUsers $M_VANTAGE_USER
StrictModes no
UseDNS no
PrintMotd no
PrintLastLog no
X11Forwarding no
AllowTcpForwarding no
AllowAgentForwarding no
PermitTunnel no
LoginGraceTime 30
LogLevel VERBOSE
EOC
}

# Topology (all three scenarios):
#   NAME-c ("WSL", client)                               NAME-v (vantage: another machine on the LAN)
#     eth0      198.18.2.2/24     <------ veth ------>     eth0 198.18.2.3/24, sshd 198.18.2.3:22
#     loopback0 169.254.73.1/30   <------ veth ------>   NAME-w ("Windows")
#     socat on 0.0.0.0:8443                                wsl0 169.254.73.2/30, lo also holds 198.18.2.2/32
# mirrored / mirrored-silent add the WSL policy rules in NAME-c (locally generated TCP to 127.0.0.1
# and to 198.18.2.2 leaves through loopback0); "Windows" answers with RST (mirrored) or drops the
# SYNs (mirrored-silent). loopback-ok keeps the normal rules.
up_mirrored() {
    local scenario=$1 name=$2
    valid_name "$name" || die "NAME '$name' must be 1-8 chars [a-z0-9]"
    [ "$(id -u)" -eq 0 ] || die "must run as root"
    [ -x "$SSHD" ] || die "sshd not found at $SSHD"
    command -v ssh-keygen >/dev/null 2>&1 || die "ssh-keygen not found"
    command -v "$SOCAT" >/dev/null 2>&1 || die "$SOCAT not found (apt-get install socat)"
    [ "$scenario" = mirrored-silent ] && { command -v nft >/dev/null 2>&1 || die "nft not found"; }

    CLI_NS="$name-c"; local WIN_NS="$name-w" VAN_NS="$name-v"
    STATE="${STATE_BASE}${name}"
    claim_lab "$name"

    step "create state folder" mkdir -m 0700 "$STATE"
    echo "$scenario" >"$STATE/scenario"

    step "create namespace $CLI_NS" ip netns add "$CLI_NS"
    step "create namespace $WIN_NS" ip netns add "$WIN_NS"
    step "create namespace $VAN_NS" ip netns add "$VAN_NS"

    step "veth loopback0<->$M_WIN_IF" ip -n "$CLI_NS" link add loopback0 type veth peer name "$M_WIN_IF" netns "$WIN_NS"
    step "veth client<->vantage"      ip -n "$CLI_NS" link add eth0 type veth peer name eth0 netns "$VAN_NS"

    # no IPv6 on the lab links (only the addresses below exist there); ::1 on lo stays.
    # Best effort: the sysctl is missing when the kernel runs without IPv6.
    ip netns exec "$CLI_NS" sysctl -qw net.ipv6.conf.loopback0.disable_ipv6=1 net.ipv6.conf.eth0.disable_ipv6=1 >/dev/null 2>&1 || true
    ip netns exec "$WIN_NS" sysctl -qw "net.ipv6.conf.$M_WIN_IF.disable_ipv6=1" >/dev/null 2>&1 || true
    ip netns exec "$VAN_NS" sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1 >/dev/null 2>&1 || true

    # sysctls. Packets with 127.0.0.1 as source or destination may leave/enter only through
    # interfaces with route_localnet=1; "Windows" and WSL see their own addresses as source
    # (accept_local=1); no reverse-path filtering on the loopback path.
    local kv
    for kv in all.rp_filter=0 default.rp_filter=0 loopback0.rp_filter=0 loopback0.route_localnet=1 \
              loopback0.accept_local=1 loopback0.arp_announce=2 eth0.rp_filter=0; do
        step "client sysctl $kv" ip netns exec "$CLI_NS" sysctl -qw "net.ipv4.conf.$kv"
    done
    for kv in all.rp_filter=0 default.rp_filter=0 "$M_WIN_IF.rp_filter=0" "$M_WIN_IF.route_localnet=1" \
              "$M_WIN_IF.accept_local=1" "$M_WIN_IF.arp_announce=2"; do
        step "windows sysctl $kv" ip netns exec "$WIN_NS" sysctl -qw "net.ipv4.conf.$kv"
    done

    # client ("WSL")
    step "client lo up"        ip -n "$CLI_NS" link set lo up
    step "client eth0 addr"    ip -n "$CLI_NS" addr add "$M_CLIENT_IP/24" dev eth0
    step "client eth0 up"      ip -n "$CLI_NS" link set eth0 up
    step "client loopback0 addr" ip -n "$CLI_NS" addr add "$M_LO0_IP/$M_LO0_PLEN" dev loopback0
    step "client loopback0 up" ip -n "$CLI_NS" link set loopback0 up
    # "Windows"
    step "windows lo up"       ip -n "$WIN_NS" link set lo up
    step "windows mirrored addr" ip -n "$WIN_NS" addr add "$M_CLIENT_IP/32" dev lo
    step "windows $M_WIN_IF addr" ip -n "$WIN_NS" addr add "$M_WIN_IP/$M_LO0_PLEN" dev "$M_WIN_IF"
    step "windows $M_WIN_IF up" ip -n "$WIN_NS" link set "$M_WIN_IF" up
    # vantage
    step "vantage lo up"       ip -n "$VAN_NS" link set lo up
    step "vantage addr"        ip -n "$VAN_NS" addr add "$M_VANTAGE_IP/24" dev eth0
    step "vantage up"          ip -n "$VAN_NS" link set eth0 up
    wait_devs_up "$CLI_NS:eth0" "$CLI_NS:loopback0" "$WIN_NS:$M_WIN_IF" "$VAN_NS:eth0"

    # static neighbours on the loopback link (real WSL adds a static ARP entry for its loopback
    # gateway too), so no ARP request ever carries 127.0.0.1 as its sender address
    step "client static neighbour" ip -n "$CLI_NS" neigh replace "$M_WIN_IP" \
        lladdr "$(mac_of "$WIN_NS" "$M_WIN_IF")" dev loopback0 nud permanent
    step "windows static neighbour" ip -n "$WIN_NS" neigh replace "$M_LO0_IP" \
        lladdr "$(mac_of "$CLI_NS" loopback0)" dev "$M_WIN_IF" nud permanent

    # "Windows": its answers to 127.0.0.1 and to the mirrored address go back to WSL through the
    # veth (a reply from Windows' loopback relay), never to its own lo
    step "windows table $M_TABLE_LOOPBACK" ip -n "$WIN_NS" route add 127.0.0.1/32 via "$M_LO0_IP" dev "$M_WIN_IF" table "$M_TABLE_LOOPBACK"
    step "windows table $M_TABLE_LOCAL"    ip -n "$WIN_NS" route add "$M_CLIENT_IP/32" via "$M_LO0_IP" dev "$M_WIN_IF" table "$M_TABLE_LOCAL"
    step "windows rule 127"  ip -n "$WIN_NS" rule add pref 1 to 127.0.0.1/32 iif lo ipproto tcp lookup "$M_TABLE_LOOPBACK"
    step "windows rule 128"  ip -n "$WIN_NS" rule add pref 1 to "$M_CLIENT_IP/32" iif lo ipproto tcp lookup "$M_TABLE_LOCAL"
    step "windows local rule to pref 2" ip -n "$WIN_NS" rule add pref 2 lookup local
    step "windows drop local rule pref 0" ip -n "$WIN_NS" rule del pref 0 lookup local

    if [ "$scenario" != loopback-ok ]; then
        # the WSL mirrored-mode loopback rules (priorities as in real WSL: 0 inbound from Windows,
        # 1 Linux->Windows, 2 everything else local), restricted to locally generated TCP
        step "client table $M_TABLE_LOOPBACK" ip -n "$CLI_NS" route add 127.0.0.1/32 via "$M_WIN_IP" dev loopback0 \
            src 127.0.0.1 table "$M_TABLE_LOOPBACK"
        step "client table $M_TABLE_LOCAL" ip -n "$CLI_NS" route add "$M_CLIENT_IP/32" via "$M_WIN_IP" dev loopback0 \
            src "$M_CLIENT_IP" table "$M_TABLE_LOCAL"
        # move "0: from all lookup local" to pref 2 (add the new one first, then delete the old
        # one before any other pref-0 rule exists, so the delete cannot hit the wrong rule)
        step "client local rule to pref 2" ip -n "$CLI_NS" rule add pref 2 lookup local
        step "client drop local rule pref 0" ip -n "$CLI_NS" rule del pref 0 lookup local
        step "client rule iif loopback0" ip -n "$CLI_NS" rule add pref 0 iif loopback0 lookup local
        # Only packets whose source is not chosen yet (0.0.0.0: connect()'s first route lookup,
        # 'ip route get' without 'from') or equals the destination are redirected. Real WSL has no
        # 'from' here because Windows sends back what is not its own; this "Windows" does not, and
        # without the restriction the SYN-ACK of a listener on 127.0.0.2 (to 127.0.0.1) would leave
        # through loopback0 too and 127.0.0.2:8443 could not connect.
        local dst table
        for dst in 127.0.0.1 "$M_CLIENT_IP"; do
            table=$M_TABLE_LOOPBACK; [ "$dst" = 127.0.0.1 ] || table=$M_TABLE_LOCAL
            step "client rule $dst (source unset)" ip -n "$CLI_NS" rule add pref 1 from 0.0.0.0/32 to "$dst/32" \
                iif lo ipproto tcp lookup "$table"
            step "client rule $dst (source $dst)" ip -n "$CLI_NS" rule add pref 1 from "$dst/32" to "$dst/32" \
                iif lo ipproto tcp lookup "$table"
        done
        ip -n "$CLI_NS" route flush cache >/dev/null 2>&1 || true
    fi

    if [ "$scenario" = mirrored-silent ]; then
        step "windows nftables (drop SYNs)" ip netns exec "$WIN_NS" nft -f - <<EON
table ip $NFT_TABLE {
    chain input {
        type filter hook input priority filter; policy accept;
        iifname "$M_WIN_IF" tcp flags & (syn | ack) == syn counter drop comment "mirrored-silent: Windows drops the SYNs"
    }
}
EON
    fi

    # the service in WSL: socat on 0.0.0.0:8443, echoing. Not a child of anything that reads our
    # stdout; the state folder's socat.log in its argv lets 'down' recognise it.
    : >"$STATE/socat.log"
    ip netns exec "$CLI_NS" "$SOCAT" -lf "$STATE/socat.log" \
        "TCP-LISTEN:$M_SERVICE_PORT,bind=0.0.0.0,fork,reuseaddr" EXEC:/bin/cat </dev/null >/dev/null 2>&1 &
    echo $! >"$STATE/socat.pid"
    wait_listening_in "$CLI_NS" 0.0.0.0 "$M_SERVICE_PORT" "$(cat "$STATE/socat.pid")"

    # the vantage's sshd (own host key, own config, per-run user key for root)
    step "ssh-keygen host key" ssh-keygen -q -t ed25519 -N '' -C "netdoctor-lab-$name-vantage-host" -f "$STATE/ssh_host_ed25519_key"
    step "ssh-keygen user key" ssh-keygen -q -t ed25519 -N '' -C "netdoctor-lab-$name-user" -f "$STATE/id_ed25519"
    step "authorized_keys" cp "$STATE/id_ed25519.pub" "$STATE/authorized_keys"
    chmod 0600 "$STATE/authorized_keys"
    write_vantage_sshd_config
    if [ ! -d /run/sshd ]; then
        step "create /run/sshd" mkdir -p -m 0755 /run/sshd
    fi
    step "sshd config test" ip netns exec "$VAN_NS" "$SSHD" -t -f "$STATE/sshd_config"
    step "start sshd" timeout 10 ip netns exec "$VAN_NS" "$SSHD" -f "$STATE/sshd_config" -E "$STATE/sshd.log" </dev/null
    wait_listening_in "$VAN_NS" "$M_VANTAGE_IP" "$M_VANTAGE_PORT"
    local fp
    fp=$(ssh-keygen -lf "$STATE/ssh_host_ed25519_key.pub" | awk '{print $2}')
    [[ "$fp" == SHA256:* ]] || die "could not read the host key fingerprint"

    UP_DONE=1
    trap - EXIT INT TERM HUP
    printf 'CLIENT_NS=%s\n' "$CLI_NS"
    printf 'WINDOWS_NS=%s\n' "$WIN_NS"
    printf 'VANTAGE_NS=%s\n' "$VAN_NS"
    printf 'CLIENT_IP=%s\n' "$M_CLIENT_IP"
    printf 'SERVICE_PORT=%s\n' "$M_SERVICE_PORT"
    printf 'VANTAGE_IP=%s\n' "$M_VANTAGE_IP"
    printf 'VANTAGE_PORT=%s\n' "$M_VANTAGE_PORT"
    printf 'VANTAGE_USER=%s\n' "$M_VANTAGE_USER"
    printf 'VANTAGE_KEY=%s\n' "$STATE/id_ed25519"
    printf 'VANTAGE_HOST_KEY_PUB=%s\n' "$STATE/ssh_host_ed25519_key.pub"
    printf 'VANTAGE_HOST_KEY_FP=%s\n' "$fp"
    printf 'STATE_DIR=%s\n' "$STATE"
}

# ---------------------------------------------------------------- loss

readonly LOSS_NFT_TABLE=netdoctor_loss  # its own table: the scenario's rules stay untouched
readonly LOSS_MAX_PERCENT=50

# A lossy link (a busy Wi-Fi, a congested uplink) must never look like a network that drops marked
# packets. sch_netem is not in every kernel the lab runs on, so the loss is nftables' random number
# in the gateway's forward hook: every forwarded packet, either direction, is dropped with
# probability PERCENT/100 (a round trip through the gateway loses about twice that). The chain is
# not called "fwd", which is an nft keyword (the "fwd to" statement) and does not parse as a name.
cmd_loss() {
    if [ $# -ne 2 ]; then usage; exit 2; fi
    local name=$1 percent=$2 gw
    valid_name "$name" || die "loss: NAME '$name' must be 1-8 chars [a-z0-9] (nothing changed)"
    [[ "$percent" =~ ^[0-9]{1,3}$ ]] && [ "$((10#$percent))" -le "$LOSS_MAX_PERCENT" ] \
        || die "loss: PERCENT '$percent' must be an integer from 0 to $LOSS_MAX_PERCENT (nothing changed)"
    percent=$((10#$percent))
    [ "$(id -u)" -eq 0 ] || die "must run as root"
    command -v nft >/dev/null 2>&1 || die "nft not found"
    gw="$name-g"
    [ -d "${STATE_BASE}${name}" ] || die "loss: no lab '$name' is up (run 'lab.sh up SCENARIO $name' first; nothing changed)"
    [ -e "/run/netns/$gw" ] \
        || die "loss: lab '$name' has no gateway namespace $gw (a mirrored scenario?); nothing changed"
    # One transaction: create the table if missing, delete it, then (for PERCENT > 0) make it anew,
    # so re-running replaces the rule and 0 removes it whether or not it was there.
    local rules="table inet $LOSS_NFT_TABLE
delete table inet $LOSS_NFT_TABLE"
    if [ "$percent" -gt 0 ]; then
        rules+="
table inet $LOSS_NFT_TABLE {
    chain lossy {
        type filter hook forward priority filter - 10; policy accept;
        numgen random mod 100 < $percent counter drop comment \"loss: $percent % of forwarded packets\"
    }
}"
    fi
    step "gateway loss $percent %" ip netns exec "$gw" nft -f - <<<"$rules" || die "loss: nft refused the rule (nothing changed)"
    if [ "$percent" -gt 0 ]; then
        log "lab '$name': $percent % of the packets $gw forwards are dropped at random, in each direction"
    else
        log "lab '$name': no added loss"
    fi
}

# ---------------------------------------------------------------- the plain user

readonly LAB_USER=ndlab

# Tests run the app and ssh as a plain user where the user's own settings matter: OpenSSH reads
# the passwd entry's home, not $HOME, so a root test with HOME=/tmp/x would test root's config.
ensure_lab_user() {
    if ! id -u "$LAB_USER" >/dev/null 2>&1; then
        useradd --create-home --shell /bin/bash --comment "WSL Net Doctor lab user" "$LAB_USER" \
            || { log "useradd $LAB_USER failed"; return 1; }
    fi
    local home
    home=$(getent passwd "$LAB_USER" | cut -d: -f6)
    [ -d "$home" ] || { mkdir -p "$home" && chown "$LAB_USER:" "$home" && chmod 0755 "$home"; }
}

cmd_user() {
    [ "$(id -u)" = 0 ] || die "must run as root"
    ensure_lab_user || die "useradd $LAB_USER failed"
    printf 'LAB_USER=%s\n' "$LAB_USER"
    printf 'LAB_HOME=%s\n' "$(getent passwd "$LAB_USER" | cut -d: -f6)"
}

# ---------------------------------------------------------------- main

main() {
    local cmd=${1:-}
    [ $# -gt 0 ] && shift
    case "$cmd" in
        up)    cmd_up "$@" ;;
        down)  cmd_down "$@" ;;
        loss)  cmd_loss "$@" ;;
        check) cmd_check ;;
        user)  cmd_user ;;
        *)     usage; exit 2 ;;
    esac
}

main "$@"
