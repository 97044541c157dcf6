#!/usr/bin/env bash
# Regenerates every icon size from icons/account-linker.svg (run after editing the SVG; commit the results).
#   icons/png/account-linker-<N>.png   N = 16 24 32 48 64 128 256 512   (Linux: jpackage --icon uses the 512)
#   icons/account-linker.ico           16..256 in one file              (Windows .msi and .exe)
#   icons/account-linker.icns          16..512                          (macOS .dmg)
#   src/main/resources/dev/accountlinker/icons/app-<N>.png               (stage icons at run time: 16 32 48 64 128 256)
# Needs: rsvg-convert (librsvg2-bin), ImageMagick's convert (imagemagick), png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
svg=account-linker.svg
for tool in rsvg-convert png2icns; do
  command -v "$tool" >/dev/null || { echo "generate.sh: $tool is missing (apt-get install librsvg2-bin icnsutils imagemagick)" >&2; exit 1; }
done
# /usr/bin/convert first: some machines put a stand-in named convert earlier on the PATH.
convert=$( [ -x /usr/bin/convert ] && echo /usr/bin/convert || command -v convert )

mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --format png "$svg" > "png/account-linker-$size.png"
done
"$convert" png/account-linker-{16,24,32,48,64,128,256}.png account-linker.ico
png2icns account-linker.icns png/account-linker-{16,32,48,128,256,512}.png >/dev/null

runtime=../src/main/resources/dev/accountlinker/icons
mkdir -p "$runtime"
for size in 16 32 48 64 128 256; do
  cp "png/account-linker-$size.png" "$runtime/app-$size.png"
done
echo "icons regenerated from $svg"
