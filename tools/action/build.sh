#!/usr/bin/env bash
# The GitHub Action's first step: builds dist/cli.js in the action's checkout, once per runner.
set -euo pipefail
cd "${GITHUB_ACTION_PATH:?set by the runner to the action folder}"
if [ -f dist/cli.js ]; then
  echo "vpp-lint is built: $(node dist/cli.js --version)"
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
node esbuild.mjs --production
echo "vpp-lint $(node dist/cli.js --version) built"
