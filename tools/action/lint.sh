#!/usr/bin/env bash
# The GitHub Action's second step: runs vpp-lint with --format github, so that the run annotates the
# lines, and with SARIF beside it when asked. The inputs come as INPUT_* variables (see action.yml).
set -euo pipefail
cli="${GITHUB_ACTION_PATH:?set by the runner to the action folder}/dist/cli.js"
options=()
if [ -n "${INPUT_VPP_VERSION:-}" ]; then options+=(--vpp-version "$INPUT_VPP_VERSION"); fi
if [ -n "${INPUT_MAX_WARNINGS:-}" ]; then options+=(--max-warnings "$INPUT_MAX_WARNINGS"); fi
# split on blanks without the shell expanding globs: vpp-lint expands them itself
set -f
read -r -a extra <<< "${INPUT_ARGS:-}"
read -r -a files <<< "${INPUT_FILES:-.}"
set +f
if [ ${#files[@]} -eq 0 ]; then files=(.); fi
if [ -n "${INPUT_SARIF_FILE:-}" ]; then
  # the exit status of this run is the one below; this one only writes the file
  node "$cli" --format sarif "${options[@]}" "${extra[@]}" -- "${files[@]}" > "$INPUT_SARIF_FILE" || [ $? -eq 1 ]
fi
node "$cli" --format github "${options[@]}" "${extra[@]}" -- "${files[@]}"
