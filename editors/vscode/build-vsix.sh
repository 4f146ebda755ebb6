#!/usr/bin/env bash
# Builds the factline VS Code extension (.vsix) with the release server binary inside.
#
#   editors/vscode/build-vsix.sh [OUT.vsix]
#
# The binary: $FACTLINE_BIN, else ${CARGO_TARGET_DIR:-<repo>/target}/release/factline
# (build it first: `cargo build --release`). Output: OUT.vsix (relative to the current
# folder), else editors/vscode/factline-<version>-<target>.vsix. Needs Node 20+ and npm.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# OUT.vsix is relative to where the script was called from (so that
# `editors/vscode/build-vsix.sh factline.vsix && code --install-extension factline.vsix` works).
caller="$PWD"
cd "$here"

target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac
bin="${FACTLINE_BIN:-$target_dir/release/factline}"
if [[ ! -x "$bin" ]]; then
  echo "build-vsix: no server binary at $bin" >&2
  echo "build-vsix: run 'cargo build --release' at $root (or set FACTLINE_BIN / CARGO_TARGET_DIR)" >&2
  exit 1
fi

# The platform the binary runs on, in vsce's words (the .vsix is platform-specific because of it).
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) vsce_target=linux-x64 ;;
  Linux-aarch64) vsce_target=linux-arm64 ;;
  Darwin-x86_64) vsce_target=darwin-x64 ;;
  Darwin-arm64) vsce_target=darwin-arm64 ;;
  *) echo "build-vsix: unsupported platform $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

# npm ci only when package-lock.json changed since the last install (keeps a second run fast).
stamp=node_modules/.factline-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi

rm -rf out server
npx --no-install tsc -p .
mkdir -p server
cp "$bin" server/factline
chmod 755 server/factline

version="$(node -p 'require("./package.json").version')"
out="${1:-$here/factline-$version-$vsce_target.vsix}"
case "$out" in /*) ;; *) out="$caller/$out" ;; esac
mkdir -p "$(dirname "$out")"
npx --no-install vsce package --target "$vsce_target" --skip-license --allow-missing-repository \
  --out "$out"
echo "build-vsix: wrote $out (server from $bin)"
