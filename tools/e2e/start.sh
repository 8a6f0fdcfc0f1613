#!/usr/bin/env bash
# npm start: builds and packages the extension, installs it into a local code-server (installed on
# first use, see tools/e2e/install.sh) and opens a fresh copy of examples/ at http://127.0.0.1:PORT.
# Runs until Ctrl-C, then stops code-server and removes the copy. VPP_E2E_PORT picks the port.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$E2E_REPO"

# not chromium or neovim: those are for npm run test:e2e
e2e_ensure_apt "${E2E_BUILD_PACKAGES[@]}"
e2e_ensure_tools
e2e_report_cache
e2e_log "building and packaging the extension"
npm run --silent package >/dev/null
e2e_make_sandbox
trap e2e_cleanup EXIT
trap 'exit 130' INT TERM
e2e_install_vsix "$E2E_REPO/vpp-config.vsix"
workspace=$(e2e_copy_examples start)
if [ -n "${VPP_E2E_PORT:-}" ]; then e2e_free_port() { echo "$VPP_E2E_PORT"; }; fi
e2e_start_code_server "$workspace"

cat <<MSG

  VS Code (code-server $E2E_CODE_SERVER_VERSION) with vpp-config.vsix installed:

      $E2E_URL/?folder=$workspace

  The folder is a fresh copy of examples/; it is removed when you stop. Ctrl-C stops.

MSG
# wait for code-server itself; Ctrl-C runs the traps
while kill -0 "$E2E_CODE_SERVER_PGID" 2>/dev/null; do sleep 1; done
e2e_log "code-server stopped"; tail -n 20 "$E2E_SANDBOX/code-server.log" >&2
exit 1
