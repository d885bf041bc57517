#!/usr/bin/env bash
# Makes the installer icons from the app icon PNGs (assets/icons/icon-<size>.png, themselves made from
# assets/icon.svg) and commits nothing: run it after the icon changes, then commit its output.
#
#   assets/icons/icon.ico           Windows (16, 24, 32, 48, 64, 128, 256), ImageMagick
#   assets/icons/icon.iconset/      macOS iconset, the names `iconutil` expects (16 to 512@2x = 1024)
#   assets/icons/icon.icns          macOS, from the iconset: `iconutil` on a Mac, else assembled here
#                                   (an .icns is a list of PNGs with 8-byte headers; ImageMagick 6
#                                   cannot write the format)
#
# Needs ImageMagick 6 (Debian: imagemagick). /usr/bin/convert is called by its full path on Linux,
# because another `convert` may stand first on PATH; set CONVERT to override.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CONVERT:-}" ]; then
  if [ -x /usr/bin/convert ]; then CONVERT=/usr/bin/convert; else CONVERT=convert; fi
fi
icons=assets/icons

# Windows: one .ico with every size up to 256 (the largest an .ico holds).
"$CONVERT" "$icons"/icon-{16,24,32,48,64,128,256}.png -depth 8 "$icons/icon.ico"

# macOS: the iconset (name = size in points, @2x = twice the pixels), as 8-bit RGBA PNGs like
# iconutil writes (the source PNGs are 16-bit).
set_dir="$icons/icon.iconset"
rm -rf "$set_dir"
mkdir -p "$set_dir"
png8() { "$CONVERT" "$icons/icon-$1.png" -depth 8 "PNG32:$set_dir/$2"; }
png8 16 icon_16x16.png
png8 32 icon_16x16@2x.png
png8 32 icon_32x32.png
png8 64 icon_32x32@2x.png
png8 128 icon_128x128.png
png8 256 icon_128x128@2x.png
png8 256 icon_256x256.png
png8 512 icon_256x256@2x.png
png8 512 icon_512x512.png
# 1024 px exists only as a vector: render it from the SVG.
"$CONVERT" -background none -density 288 assets/icon.svg -resize 1024x1024 -depth 8 \
  "PNG32:$set_dir/icon_512x512@2x.png"

if command -v iconutil >/dev/null 2>&1; then
  iconutil --convert icns --output "$icons/icon.icns" "$set_dir"
else
  # "icns", total length, then per image: OSType, length (header included), PNG bytes; big-endian.
  be32() { printf "\\$(printf '%03o' $(($1 >> 24 & 255)))\\$(printf '%03o' $(($1 >> 16 & 255)))\\$(printf '%03o' $(($1 >> 8 & 255)))\\$(printf '%03o' $(($1 & 255)))"; }
  entries=(
    "icp4 icon_16x16.png" "ic11 icon_16x16@2x.png" "icp5 icon_32x32.png" "ic12 icon_32x32@2x.png"
    "ic07 icon_128x128.png" "ic13 icon_128x128@2x.png" "ic08 icon_256x256.png"
    "ic14 icon_256x256@2x.png" "ic09 icon_512x512.png" "ic10 icon_512x512@2x.png"
  )
  total=8
  for e in "${entries[@]}"; do
    total=$((total + 8 + $(wc -c <"$set_dir/${e#* }")))
  done
  {
    printf 'icns'; be32 "$total"
    for e in "${entries[@]}"; do
      file="$set_dir/${e#* }"
      printf '%s' "${e%% *}"; be32 $((8 + $(wc -c <"$file")))
      cat "$file"
    done
  } >"$icons/icon.icns"
fi

ls -l "$icons/icon.ico" "$icons/icon.icns" "$set_dir"
