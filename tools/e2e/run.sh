#!/usr/bin/env bash
# npm run test:e2e: proves the packaged extension and the standalone server in real editors.
#   1. the extension-host suite (mocha inside code-server's VS Code, against the installed .vsix)
#   2. the UI tests (Playwright + Debian's Chromium typing into code-server)
#   3. Neovim 0.7 as an LSP client of dist/server.js --stdio
# Installs what it needs first (tools/e2e/install.sh). Exits non-zero when any part fails.
# Arguments pick parts: run.sh host ui neovim (default: all). VPP_E2E_KEEP=1 keeps the sandbox.
# VPP_E2E_UPDATE_SCREENSHOTS=1 copies the UI screenshots into docs/screenshots/.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$E2E_REPO"

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(host ui neovim)
wants() { [[ " ${parts[*]} " == *" $1 "* ]]; }

started=$(date +%s)
set -e
e2e_ensure_apt "${E2E_BUILD_PACKAGES[@]}" "${E2E_TEST_PACKAGES[@]}"
e2e_ensure_tools
e2e_log "building and packaging the extension"
npm run --silent package >/dev/null
node tools/e2e/build-tests.mjs
set +e

log=$(mktemp "${TMPDIR:-/tmp}/vpp-e2e-log.XXXXXX")
trap 'e2e_cleanup; rm -f "$log"' EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
count() { grep -oE "$1" "$log" | grep -oE '[0-9]+' | tail -n 1; }
# record NAME STATUS PASS_PATTERN FAIL_PATTERN: adds the part's test counts from its output in $log;
# a part that failed without counting anything counts as one failure
record() {
  local p f
  p=$(count "$3"); f=$(count "$4")
  p=${p:-0}; f=${f:-0}
  [ "$2" -ne 0 ] && [ "$f" -eq 0 ] && f=1
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$2" -eq 0 ]; then e2e_log "PASS $1 ($p tests)"; else e2e_log "FAIL $1 ($f of $((p + f)) failed)"; fi
}

if wants host || wants ui; then
  e2e_make_sandbox
  e2e_install_vsix "$E2E_REPO/vpp-config.vsix" || exit 1
  e2e_log "installed $(basename "$E2E_INSTALLED_EXTENSION")"
  e2e_start_code_server --vscode-option enable-smoke-test-driver || exit 1
fi

if wants host; then
  e2e_log "extension-host suite (mocha in VS Code $E2E_CODE_SERVER_VERSION's extension host)"
  node tools/e2e/host-tests.mjs --url "$E2E_URL" --workspace "$(e2e_copy_examples host)" \
    --extension "$E2E_INSTALLED_EXTENSION" --tests "$E2E_REPO/out/test/e2e/suite/index.js" 2>&1 | tee "$log"
  record "extension-host suite" "${PIPESTATUS[0]}" '^ +[0-9]+ passing' '^ +[0-9]+ failing'
fi

if wants ui; then
  screenshots=$E2E_REPO/out/e2e/screenshots
  rm -rf "$screenshots" && mkdir -p "$screenshots"
  e2e_log "UI tests (Playwright + $(chromium --version 2>/dev/null | head -n 1))"
  VPP_E2E_URL=$E2E_URL VPP_E2E_WORKSPACE=$(e2e_copy_examples ui) VPP_E2E_SCREENSHOTS=$screenshots \
    node --import tsx --test --test-reporter=spec test/e2e/ui/*.test.ts 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  record "UI tests" "$status" '^ℹ pass [0-9]+' '^ℹ fail [0-9]+'
  if [ $status -eq 0 ] && [ -n "${VPP_E2E_UPDATE_SCREENSHOTS:-}" ]; then
    mkdir -p docs/screenshots
    for name in highlight-startup highlight-cli completion quick-fix hover choose-interface; do cp "$screenshots/$name.png" docs/screenshots/; done
    e2e_log "screenshots copied to docs/screenshots/"
  fi
fi

e2e_stop_code_server

if wants neovim; then
  e2e_log "Neovim LSP client ($(nvim --version | head -n 1))"
  bash tools/e2e/neovim.sh 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  # one line per check: count them
  p=$(grep -c '^  ok ' "$log"); f=$(grep -c '^  not ok ' "$log")
  printf '%s passed\n%s failed\n' "$p" "$f" >>"$log"
  record "Neovim LSP client" "$status" '^[0-9]+ passed$' '^[0-9]+ failed$'
fi

e2e_log "done in $(( $(date +%s) - started )) s"
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
