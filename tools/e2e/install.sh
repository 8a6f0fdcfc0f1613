#!/usr/bin/env bash
# Installs what the real-editor tests need, skipping what is already there: Debian's chromium, neovim
# and the headers code-server's native modules build with, then Node 24 and code-server in a cache
# outside the repository (VPP_E2E_CACHE, default ~/.cache/vpp-config-e2e).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
e2e_ensure_apt "${E2E_BUILD_PACKAGES[@]}" "${E2E_TEST_PACKAGES[@]}"
e2e_ensure_tools
e2e_log "tools ready: $("$E2E_NODE_DIR/bin/node" --version), code-server $(e2e_installed_version "$E2E_CODE_SERVER_DIR/node_modules/code-server/package.json") in $E2E_CACHE"
