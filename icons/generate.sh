#!/usr/bin/env bash
# Regenerates the PNG sizes and the multi-size .ico from wsl-net-doctor.svg.
# Needs Debian's librsvg2-bin (rsvg-convert) and icoutils (icotool).
set -euo pipefail
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" wsl-net-doctor.svg -o "wsl-net-doctor-$s.png"
done
icotool -c -o wsl-net-doctor.ico wsl-net-doctor-16.png wsl-net-doctor-24.png wsl-net-doctor-32.png \
  wsl-net-doctor-48.png wsl-net-doctor-64.png wsl-net-doctor-128.png -r wsl-net-doctor-256.png  # 256 stored as PNG
