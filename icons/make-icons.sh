#!/usr/bin/env bash
# Makes every icon size desktops need from the vector source, dialdesk.svg:
# PNG 16–1024 (the window, the Linux bundle and its desktop entry), dialdesk.ico (Windows) and
# dialdesk.icns (macOS). Needs rsvg-convert (librsvg2-bin), ImageMagick and png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" dialdesk.svg -o "dialdesk-$size.png"
done
convert dialdesk-16.png dialdesk-24.png dialdesk-32.png dialdesk-48.png dialdesk-64.png dialdesk-128.png \
  dialdesk-256.png dialdesk.ico
png2icns dialdesk.icns dialdesk-16.png dialdesk-32.png dialdesk-48.png dialdesk-128.png dialdesk-256.png \
  dialdesk-512.png dialdesk-1024.png >/dev/null
