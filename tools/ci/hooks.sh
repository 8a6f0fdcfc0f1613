#!/usr/bin/env bash
# CI: the pre-commit hook (.pre-commit-hooks.yaml) run by Debian's pre-commit on a scratch repository,
# as a user's `pre-commit run` would run it (pre-commit installs the hook from this checkout with npm).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
if ! command -v pre-commit >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
fi
echo "hooks: $(pre-commit --version)"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME="$scratch/cache"
mkdir "$scratch/work"
cd "$scratch/work"
git init -q .
git config user.email ci@example.invalid
git config user.name ci
mkdir -p deploy/vpp
printf 'create interface af-xdp host-if eth0\n' > deploy/bad.vpp
printf 'unix {\n  nodaemon\n}\n' > deploy/vpp/host.conf
printf 'create interface af-xdp anything\n' > notes.txt
git add .

passed=0
failed=0
check() { # name, then a command that must succeed
  local name="$1"
  shift
  if "$@"; then
    passed=$((passed + 1))
    echo "  ok: $name"
  else
    failed=$((failed + 1))
    echo "  FAILED: $name"
  fi
}

run_hook() { pre-commit try-repo "$repo" vpp-lint "$@" > "$scratch/out.txt" 2>&1; }

if run_hook --all-files; then status=0; else status=$?; fi
check "the hook fails on a VPP error" test "$status" -ne 0
check "and prints the finding" grep -q 'deploy/bad.vpp:1:18: error vpp.unknown-command' "$scratch/out.txt"
check "only VPP files are passed to it" bash -c "! grep -q notes.txt '$scratch/out.txt'"
if [ "$status" -eq 0 ] || ! grep -q 'deploy/bad.vpp' "$scratch/out.txt"; then cat "$scratch/out.txt"; fi

sed -i 's/af-xdp/af_xdp/' deploy/bad.vpp
git add .
if run_hook --all-files; then status=0; else status=$?; fi
check "the hook passes once the file is fixed" test "$status" -eq 0
if [ "$status" -ne 0 ]; then cat "$scratch/out.txt"; fi

# the GitHub Action from a fresh clone: its build step installs and builds, its lint step annotates
git clone -q "$repo" "$scratch/action"
printf 'create interface af-xdp host-if eth0\n' > deploy/bad.vpp
if (cd "$repo" && npm_config_prefer_offline=true npx tsx tools/ci/runAction.ts "$scratch/action" "$scratch/work") > "$scratch/out.txt" 2>&1; then status=0; else status=$?; fi
check "the action builds vpp-lint and fails on a VPP error" test "$status" -eq 1
check "and annotates the line" grep -q '^::error file=deploy/bad.vpp,line=1,endLine=1,col=18,endColumn=24,title=vpp.unknown-command::' "$scratch/out.txt"
if [ "$status" -ne 1 ]; then cat "$scratch/out.txt"; fi

echo "hooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
