#!/usr/bin/env bash
# lab.sh - reproducible network labs (Linux network namespaces) for WSL Net Doctor tests.
#
#   lab.sh up SCENARIO NAME   SCENARIO: healthy | dscp | refused | filtered | mtu
#   lab.sh down NAME          always exits 0, idempotent
#   lab.sh check              exit 0 if labs can run here, else reason on stdout, exit 1
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
#   mtu       client MTU 1500; the gateway's routes in both directions have MTU 1000 and its
#             output chain drops ICMP frag-needed -> PMTU black hole
# Only 198.18.0.0/15 addresses are used; the namespaces have no link to the host's network.
# See README.md next to this file.

set -euo pipefail

readonly CLIENT_IP=198.18.1.2
readonly GW_CLIENT_IP=198.18.1.1
readonly GW_TARGET_IP=198.19.1.1
readonly TARGET_IP=198.19.1.2
readonly TARGET_PORT=22
readonly NFT_TABLE=netdoctor_lab
readonly SSHD=/usr/sbin/sshd
readonly STATE_BASE=/tmp/netdoctor-lab-
readonly PATH_MTU=1000          # "mtu" scenario: MTU of the path through the gateway

log() { printf 'lab.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    cat >&2 <<'EOF'
usage: lab.sh up SCENARIO NAME    (SCENARIO: healthy|dscp|refused|filtered|mtu; NAME: 1-8 chars [a-z0-9])
       lab.sh down NAME
       lab.sh check
EOF
}

valid_name() { [[ "${1:-}" =~ ^[a-z0-9]{1,8}$ ]]; }

# ---------------------------------------------------------------- down

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
                kill -0 "$pid" 2>/dev/null || break
                sleep 0.05
            done
            kill -KILL "$pid" 2>/dev/null
        fi
    fi
    # 2. anything else started in the namespaces, then the namespaces themselves
    for ns in "$name-c" "$name-g" "$name-t"; do
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
    local scenario=$1 forward_rules="" output_rules=""
    case "$scenario" in
        dscp)
            forward_rules='iifname "gw-c" oifname "gw-t" tcp flags & (syn | ack) == syn ip dscp != cs0 counter drop comment "dscp: drop DSCP-marked SYNs"' ;;
        filtered)
            forward_rules="iifname \"gw-c\" oifname \"gw-t\" ip daddr $TARGET_IP tcp dport $TARGET_PORT tcp flags & (syn | ack) == syn counter drop comment \"filtered: drop every SYN to 22\"" ;;
        mtu)
            output_rules='icmp type destination-unreachable icmp code frag-needed counter drop comment "mtu: PMTU black hole"' ;;
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
}
EOF
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

cmd_up() {
    [ $# -eq 2 ] || { usage; exit 2; }
    local scenario=$1 name=$2
    case "$scenario" in
        healthy|dscp|refused|filtered|mtu) ;;
        *) usage; die "unknown scenario '$scenario'" ;;
    esac
    valid_name "$name" || die "NAME '$name' must be 1-8 chars [a-z0-9]"
    [ "$(id -u)" -eq 0 ] || die "must run as root"
    command -v nft >/dev/null 2>&1 || die "nft not found"
    [ -x "$SSHD" ] || { [ "$scenario" = refused ] || die "sshd not found at $SSHD"; }

    CLI_NS="$name-c"; GW_NS="$name-g"; TGT_NS="$name-t"
    STATE="${STATE_BASE}${name}"
    local ns
    for ns in "$CLI_NS" "$GW_NS" "$TGT_NS"; do
        [ ! -e "/run/netns/$ns" ] || die "namespace $ns already exists; run 'lab.sh down $name' first"
    done
    [ ! -e "$STATE" ] || die "state folder $STATE already exists; run 'lab.sh down $name' first"

    # from here on, any failure tears down what was made
    UP_NAME=$name
    trap on_up_exit EXIT
    trap 'exit 130' INT TERM HUP

    # "mtu": the client keeps 1500 (so it advertises MSS 1460) and the path through the gateway
    # is limited to $PATH_MTU by route MTUs (see README.md: why not an interface MTU)
    local client_mtu=1280
    [ "$scenario" = mtu ] && client_mtu=1500

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

    UP_DONE=1
    trap - EXIT INT TERM HUP
    printf 'CLIENT_NS=%s\n' "$CLI_NS"
    printf 'GATEWAY_NS=%s\n' "$GW_NS"
    printf 'TARGET_NS=%s\n' "$TGT_NS"
    printf 'TARGET_IP=%s\n' "$TARGET_IP"
    printf 'TARGET_PORT=%s\n' "$TARGET_PORT"
    printf 'CLIENT_IP=%s\n' "$CLIENT_IP"
    printf 'STATE_DIR=%s\n' "$STATE"
}

# ---------------------------------------------------------------- main

main() {
    local cmd=${1:-}
    [ $# -gt 0 ] && shift
    case "$cmd" in
        up)    cmd_up "$@" ;;
        down)  cmd_down "$@" ;;
        check) cmd_check ;;
        *)     usage; exit 2 ;;
    esac
}

main "$@"
