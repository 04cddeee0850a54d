#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
# SPDX-License-Identifier: Apache-2.0
# Benchmark, not a test: peak memory (RSS) of the packaged wizard during a full diagnosis of the
# DSCP lab. Needs root (the lab), Xvfb, and `mvn -Pdist verify` (or `-Pdist package` plus
# test-compile) done first.
#
# What runs: the app-image's own runtime, JVM options and AOT cache, with its class path and the
# test classes appended (AppCDS/AOT caches accept appended entries), running WizardLabDriver in
# the lab's client namespace on a real GTK window under Xvfb: it picks "SSH hangs", enters the
# lab's target, waits for the system scan, runs all checks and opens the diagnosis. Peak RSS is
# GNU time's "Maximum resident set size" of that JVM.
#
#   bash packaging/linux/bench-rss.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
image=$(realpath "${NETDOCTOR_APP_IMAGE:-target/dist/app-image/wsl-net-doctor}")
app=$image/lib/app
[ -x "$image/bin/wsl-net-doctor" ] || { echo "no app-image: mvn -B -Pdist verify first" >&2; exit 2; }
[ -d target/test-classes ] || { echo "no test classes: mvn -B test-compile first" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "needs root (network lab)" >&2; exit 2; }

# The launcher's class path, in its order, from its .cfg; then the test code and TestFX.
cp=$(sed -n 's/^app.classpath=\$APPDIR/'"${app//\//\\/}"'/p' "$app/wsl-net-doctor.cfg" | paste -sd:)
testcp=$(mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout | tr ':' '\n' \
  | grep -E '/(testfx|hamcrest|junit|opentest4j|apiguardian|assertj)' | paste -sd:)
cp="$cp:$(pwd)/target/test-classes:$testcp"
# The launcher's JVM options, from its .cfg (AOT cache, heap, native access).
mapfile -t opts < <(sed -n 's/^java-options=//p' "$app/wsl-net-doctor.cfg" | sed "s|\$APPDIR|$app|g")

work=$(mktemp -d)
xvfb_pid=
lab=
cleanup() {
  [ -n "$lab" ] && bash src/test/lab/lab.sh down "$lab" >/dev/null 2>&1 || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x800x24 3>"$work/display" 2>/dev/null &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
display=:$(tr -d '\n' <"$work/display")

lab=rss$$
bash src/test/lab/lab.sh up dscp "$lab" >"$work/lab.env"
ns=$(sed -n 's/^CLIENT_NS=//p' "$work/lab.env")
target=$(sed -n 's/^TARGET_IP=//p' "$work/lab.env")

for i in $(seq "$runs"); do
  (cd "$work" && timeout 120 /usr/bin/time -v -o "$work/time.txt" ip netns exec "$ns" env DISPLAY="$display" \
    "$image/lib/runtime/bin/java" "${opts[@]}" -Xlog:aot=info -Dnetdoctor.stateDir="$work/state" \
    -cp "$cp" dev.netdoctor.ui.WizardLabDriver "$target" >"$work/run.log" 2>&1) || { cat "$work/run.log"; exit 1; }
  grep -q '^FINDING dscp-marked-syn-dropped' "$work/run.log" || { echo "run $i: no DSCP finding"; cat "$work/run.log"; exit 1; }
  grep -q 'Opened AOT cache' "$work/run.log" || echo "run $i: the AOT cache was NOT used (see -Xlog:aot)"
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
  echo "run $i: peak RSS $((kb / 1024)) MiB, whole run $wall, finding dscp-marked-syn-dropped"
done
