#!/usr/bin/env bash
# Headless Neovim (Debian's 0.7.2) as an LSP client of dist/server.js --stdio: test/e2e/neovim/lsp.lua.
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/vpp-e2e-nvim.XXXXXX")
trap 'rm -rf "$work"' EXIT
[ -f "$repo/dist/server.js" ] || { echo "dist/server.js is missing: npm run build" >&2; exit 1; }
# Neovim writes its LSP log and state under the XDG folders
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
# the Neovim setup README.md shows (the lua block after its "e2e: neovim setup" marker), pointed at this checkout
awk '/<!-- e2e: neovim setup -->/ { marker = 1; next } marker && /^```lua/ { inside = 1; next } inside && /^```/ { exit } inside { print }' \
  "$repo/README.md" | sed "s|/path/to/vpp-config|$repo|g" >"$work/setup.lua"
[ -s "$work/setup.lua" ] || { echo "README.md has no lua block after <!-- e2e: neovim setup -->" >&2; exit 1; }
export VPP_SETUP=$work/setup.lua VPP_RESULT=$work/result.txt TMPDIR=$work
timeout 120 nvim --headless --clean -u NONE -c "luafile $repo/test/e2e/neovim/lsp.lua" </dev/null >"$work/nvim.out" 2>&1
status=$?
if [ -f "$work/result.txt" ]; then sed 's/^/  /' "$work/result.txt"; else echo "  no result (nvim exited with $status)"; cat "$work/nvim.out"; fi
[ $status -eq 0 ] && ! grep -q '^not ok' "$work/result.txt" 2>/dev/null
