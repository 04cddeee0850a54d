#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
# SPDX-License-Identifier: Apache-2.0
# Installs the .deb as a user would (apt resolves its dependencies), checks that the installed
# CLI and wizard start (the wizard under Xvfb, up to its first frame, with the AOT cache in use),
# then purges the package and checks that nothing of it is left. Needs root and apt; refuses to
# touch a wsl-net-doctor that was installed before.
#
#   bash packaging/linux/check-deb.sh target/dist/installers/wsl-net-doctor_*_amd64.deb
set -euo pipefail
deb=$(realpath "$1")
[ "$(id -u)" = 0 ] || { echo "check-deb: needs root" >&2; exit 2; }
if dpkg-query -W -f '${Status}' wsl-net-doctor 2>/dev/null | grep -q installed; then
  echo "check-deb: wsl-net-doctor is already installed here; not touching it" >&2
  exit 2
fi
work=$(mktemp -d)
passed=0
failed=0
check() { # check NAME COMMAND...
  if "${@:2}" >"$work/out" 2>&1; then
    passed=$((passed + 1)); echo "ok   $1"
  else
    failed=$((failed + 1)); echo "FAIL $1"; sed 's/^/     /' "$work/out" | tail -20
  fi
}
cleanup() {
  dpkg -P wsl-net-doctor >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
check "apt-get install the .deb" apt-get install -y -qq "$deb"
check "the license and the third-party notices are installed" \
  sh -c 'grep -q "Apache License" /opt/wsl-net-doctor/lib/app/LICENSE && grep -q "GPLv2+CE" /opt/wsl-net-doctor/lib/app/THIRD-PARTY-NOTICES.txt'
check "wsl-net-doctor-cli on the PATH prints its version" \
  sh -c 'wsl-net-doctor-cli --version | grep -q "WSL Net Doctor"'
check "the wizard starts under Xvfb and closes after its first frame" \
  sh -c 'JAVA_TOOL_OPTIONS="-Xlog:aot=info -Dnetdoctor.firstFrameFile=$1/frame -Dnetdoctor.stateDir=$1/state" \
    timeout 60 xvfb-run -a -s "-nolisten tcp -screen 0 1280x800x24" /opt/wsl-net-doctor/bin/wsl-net-doctor >"$1/gui.log" 2>&1' _ "$work"
check "  ... first frame time written" test -s "$work/frame"
check "  ... AOT cache opened from /opt" grep -q "Opened AOT cache /opt/wsl-net-doctor/lib/app/wsl-net-doctor.aot" "$work/gui.log"
check "dpkg --purge removes it" dpkg -P wsl-net-doctor
check "  ... no /opt/wsl-net-doctor, no /usr/bin/wsl-net-doctor-cli" \
  sh -c '! test -e /opt/wsl-net-doctor && ! test -L /usr/bin/wsl-net-doctor-cli'

# (Not the "N passed, N failed" form: CI counts tests from Maven's summary, not from this.)
if [ "$failed" = 0 ]; then
  echo "check-deb: all $passed checks of the installed package are fine"
else
  echo "check-deb: $failed of $((passed + failed)) checks of the installed package failed"
  exit 1
fi
