#!/usr/bin/env bash
# Real-editor test: VS Code 1.100 (npm code-server 4.100.3) with the factline .vsix installed,
# driven by playwright-core on Debian's chromium.
#
#   editors/test/vscode/run.sh          FACTLINE_BIN=/path/to/factline editors/test/vscode/run.sh
#
# Installs what it needs when missing (apt packages, code-server under target/editor-tests/,
# the extension's npm packages under editors/vscode/node_modules), builds the .vsix around
# FACTLINE_BIN, starts code-server on 127.0.0.1 with fresh user and extension folders,
# and runs test.js. Screenshots go to target/editor-tests/vscode/*.png.
# Exits non-zero on any failure; the last line is "vscode: N passed, N failed".
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin="${FACTLINE_BIN:-$root/target/release/factline}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
out="$root/target/editor-tests/vscode"
code_server_version=4.100.3
cs_dir="$root/target/editor-tests/code-server-$code_server_version"
code_server="$cs_dir/node_modules/.bin/code-server"
started=$SECONDS

fail_setup() {
  echo "vscode: setup failed: $*" >&2
  echo "vscode: 0 passed, 1 failed"
  exit 1
}
step() { echo "vscode: [$((SECONDS - started)) s] $*"; }

[[ -x "$bin" ]] || fail_setup "no factline binary at $bin (build it: cargo build --release, or set FACTLINE_BIN)"

# Debian packages: code-server's native modules build against these; ripgrep seeds
# @vscode/ripgrep (which would download rg); chromium is the browser playwright drives.
packages=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium build-essential python3 curl)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  step "apt-get install ${missing[*]}"
  # Only these and what they depend on, without the packages they merely recommend.
  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"; } \
    || fail_setup "cannot install ${missing[*]} with apt-get"
fi
[[ -x /usr/bin/chromium ]] || fail_setup "/usr/bin/chromium missing after installing the chromium package"

node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" \
  || fail_setup "node is not installed (code-server $code_server_version needs Node 20)"
[[ "$node_major" == 20 ]] || fail_setup "code-server $code_server_version needs Node 20, this is Node $node_major"

# code-server keeps its config and data under target/, never in the user's home: on a machine
# where it never ran, its first start writes a default config file and says so on stdout, ahead
# of the version line, so the version is read from the line that starts with a version number.
export XDG_CONFIG_HOME="$root/target/editor-tests/xdg-config"
export XDG_DATA_HOME="$root/target/editor-tests/xdg-data"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
cs_version() { "$code_server" --version 2>/dev/null | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+ '; }

# code-server, once per machine (cached under target/).
if [[ "$(cs_version)" != "$code_server_version "* ]]; then
  step "installing code-server $code_server_version into $cs_dir"
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rg_cache"
  tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg \
    || fail_setup "cannot seed the ripgrep cache from /usr/bin/rg"
  echo '{"name":"factline-editor-tests-code-server","private":true}' > "$cs_dir/package.json"
  # Native modules (argon2) build against the installed Node's headers, not ones fetched
  # from nodejs.org: a fresh HOME has no npmrc that says where they are.
  [[ -f /usr/include/node/node.h ]] && export npm_config_nodedir=/usr
  (cd "$cs_dir" && npm_config_yes=true npm_config_unsafe_perm=true \
    npm install --no-audit --no-fund --foreground-scripts "code-server@$code_server_version") \
    > "$cs_dir.install.log" 2>&1 \
    || { tail -n 30 "$cs_dir.install.log" >&2; fail_setup "npm install code-server@$code_server_version failed (log: $cs_dir.install.log)"; }
  [[ "$(cs_version)" == "$code_server_version "* ]] \
    || fail_setup "code-server installed but does not run: $("$code_server" --version 2>&1 | tail -3)"
fi
step "$(cs_version)"

# The .vsix, with this factline binary inside (npm ci happens there when needed).
rm -rf "$out"
mkdir -p "$out"
vsix="$out/factline.vsix"
step "building the .vsix"
FACTLINE_BIN="$bin" "$root/editors/vscode/build-vsix.sh" "$vsix" > "$out/build-vsix.log" 2>&1 \
  || { tail -n 30 "$out/build-vsix.log" >&2; fail_setup "build-vsix.sh failed (log: $out/build-vsix.log)"; }

# Fresh user data, extensions and workspace.
user_data="$out/user-data"
extensions="$out/extensions"
ws="$out/workspace"
mkdir -p "$user_data/User" "$extensions" "$ws"
cp -R "$root/editors/test/fixtures/." "$ws/"
cat > "$user_data/User/settings.json" <<'EOF'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.commandCenter.enabled": false,
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
  "editor.hover.delay": 300,
  "editor.minimap.enabled": false,
  "window.commandCenter": false,
  "factline.trace.server": "messages"
}
EOF

step "installing the .vsix"
"$code_server" --user-data-dir "$user_data" --extensions-dir "$extensions" --install-extension "$vsix" \
  > "$out/install-extension.log" 2>&1 \
  || { cat "$out/install-extension.log" >&2; fail_setup "code-server --install-extension failed"; }
ls "$extensions" | grep -q '^factline\.factline-' \
  || { cat "$out/install-extension.log" >&2; fail_setup "the extension is not in $extensions after install"; }

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
step "starting code-server on 127.0.0.1:$port"
"$code_server" --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override \
  --user-data-dir "$user_data" --extensions-dir "$extensions" "$ws" > "$out/code-server.log" 2>&1 &
cs_pid=$!
cleanup() {
  if kill -0 "$cs_pid" 2>/dev/null; then
    kill "$cs_pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$cs_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$cs_pid" 2>/dev/null
  fi
}
trap cleanup EXIT

ready=""
for _ in $(seq 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$cs_pid" 2>/dev/null || break
  sleep 0.5
done
[[ -n "$ready" ]] || { tail -n 30 "$out/code-server.log" >&2; fail_setup "code-server did not answer on 127.0.0.1:$port"; }

step "driving VS Code with playwright-core"
NODE_PATH="$root/editors/vscode/node_modules" CS_URL="http://127.0.0.1:$port" WS="$ws" OUT="$out" \
  timeout 300 node "$here/test.js" 2>&1 | tee "$out/test.log"
code=${PIPESTATUS[0]}
passed=$(grep -c '^ok ' "$out/test.log")
failed=$(grep -c '^FAIL ' "$out/test.log")
if [[ $code -ne 0 && $failed -eq 0 ]]; then
  echo "FAIL test.js exited with code $code before finishing (124 = timeout)"
  failed=1
fi
if [[ $failed -ne 0 ]]; then
  echo "--- code-server.log, last 30 lines:"
  tail -n 30 "$out/code-server.log"
  while IFS= read -r -d '' log; do
    echo "--- $log, last 30 lines:"
    tail -n 30 "$log"
  done < <(find "$user_data/logs" -path '*factline*' -name '*.log' -print0 2>/dev/null)
fi
echo "vscode: screenshots in $out"
echo "vscode: took $((SECONDS - started)) s"
echo "vscode: $passed passed, $failed failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
