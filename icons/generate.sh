#!/usr/bin/env bash
# Regenerates the PNG sizes, the multi-size .ico and the .icns from wsl-net-doctor.svg.
# Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns).
set -euo pipefail
cd "$(dirname "$0")"
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" wsl-net-doctor.svg -o "wsl-net-doctor-$s.png"
done
icotool -c -o wsl-net-doctor.ico wsl-net-doctor-16.png wsl-net-doctor-24.png wsl-net-doctor-32.png \
  wsl-net-doctor-48.png wsl-net-doctor-64.png wsl-net-doctor-128.png -r wsl-net-doctor-256.png  # 256 stored as PNG
# macOS icon: 16, 32, 48, 128 as RLE images with masks, 256 and 512 as JPEG 2000 (icnsutils).
png2icns wsl-net-doctor.icns wsl-net-doctor-16.png wsl-net-doctor-32.png wsl-net-doctor-48.png \
  wsl-net-doctor-128.png wsl-net-doctor-256.png wsl-net-doctor-512.png >/dev/null
