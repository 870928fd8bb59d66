#!/usr/bin/env bash
# Installs code-server (VS Code in a browser) and what the end-to-end tests need to drive it, without
# reaching anything but the npm registry and Debian's package archive.
#
#   scripts/e2e/setup-code-server.sh        # prints the code-server folder (the one with out/node/entry.js)
#
# The install is cached in ECS_GUARD_CODE_SERVER_CACHE (default: .cache/code-server-<version> in the repo);
# a marker file written at the end makes every later run return at once. Progress goes to stderr, the path
# to stdout, so `dir=$(scripts/e2e/setup-code-server.sh)` works. ECS_GUARD_SETUP_BROWSER=0 leaves out
# Chromium and its fonts, which only the tests drive (`npm start` is opened in the user's own browser).
#
# Why not `npm install code-server`: its postinstall downloads a ripgrep binary from GitHub, and VS Code's
# shrinkwrap pins @vscode/proxy-agent to a git commit. Both fail offline, so this script does the
# postinstall's work itself: the registry tarball of the same proxy-agent version, Debian's ripgrep, and
# the native modules rebuilt from source against this machine's Node.
set -euo pipefail

CODE_SERVER_VERSION=4.96.4
PROXY_AGENT_VERSION=0.27.0
APT_PACKAGES=(ripgrep libkrb5-dev)
[[ ${ECS_GUARD_SETUP_BROWSER:-1} == 0 ]] || APT_PACKAGES+=(chromium fonts-liberation)
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CACHE=${ECS_GUARD_CODE_SERVER_CACHE:-$REPO/.cache/code-server-$CODE_SERVER_VERSION}
CODE_SERVER=$CACHE/node_modules/code-server
MARKER=$CACHE/.setup-complete
# The marker records what was set up; a different Node ABI or code-server version redoes the install.
STAMP="code-server=$CODE_SERVER_VERSION node=$(node -p 'process.versions.modules') script=3"

log() { echo "setup-code-server: $*" >&2; }

# --- Debian packages, only the missing ones (dpkg-query is quick, so this runs every time) ---------
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
command -v make >/dev/null || missing+=(make)
command -v g++ >/dev/null || missing+=(g++)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

if [[ -f $MARKER && "$(cat "$MARKER")" == "$STAMP" ]]; then
  echo "$CODE_SERVER"
  exit 0
fi

# node-gyp downloads Node's headers unless it is told where they are; use the ones installed with Node.
if [[ -z "$(npm config get nodedir 2>/dev/null | grep -v '^undefined$' || true)" ]]; then
  node_prefix=$(dirname "$(dirname "$(node -p 'process.execPath')")")
  [[ -f $node_prefix/include/node/node.h ]] && export npm_config_nodedir=$node_prefix
fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# --- code-server itself (its postinstall cannot run offline, so its steps follow) ----------------------
rm -rf "$CACHE"
mkdir -p "$CACHE"
cd "$CACHE"
echo '{ "private": true, "description": "code-server for the ECS Guard end-to-end tests" }' > package.json
log "npm install code-server@$CODE_SERVER_VERSION (without its postinstall)"
npm install --ignore-scripts --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
log "rebuilding argon2"
npm rebuild --loglevel=error argon2 >&2

cd "$CODE_SERVER/lib/vscode"
log "pointing @vscode/proxy-agent at its registry tarball"
registry=$(npm config get registry)
PROXY_AGENT_VERSION=$PROXY_AGENT_VERSION PROXY_AGENT_TARBALL="${registry%/}/@vscode/proxy-agent/-/proxy-agent-$PROXY_AGENT_VERSION.tgz" node -e '
  const fs = require("node:fs");
  const file = "npm-shrinkwrap.json";
  const shrinkwrap = JSON.parse(fs.readFileSync(file, "utf8"));
  const entry = shrinkwrap.packages["node_modules/@vscode/proxy-agent"];
  if (!entry || entry.version !== process.env.PROXY_AGENT_VERSION) throw new Error(`unexpected @vscode/proxy-agent entry: ${JSON.stringify(entry)}`);
  entry.resolved = process.env.PROXY_AGENT_TARBALL;
  delete entry.integrity;
  fs.writeFileSync(file, JSON.stringify(shrinkwrap, null, 2) + "\n");
'
log "npm install VS Code's dependencies"
npm install --omit=dev --ignore-scripts --loglevel=error >&2
log "rebuilding VS Code's native modules"
npm rebuild --loglevel=error node-pty @vscode/spdlog @parcel/watcher native-watchdog kerberos @vscode/deviceid >&2

# The links code-server's postinstall makes.
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sfn "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg

log "npm install for the built-in extensions"
(cd extensions && npm install --omit=dev --ignore-scripts --loglevel=error >&2)

# A quick check that the server starts at all: --version loads the entry point and its dependencies.
# An empty --config keeps it from writing a default config (with a password) into ~/.config.
: > "$CACHE/empty-config.yaml"
node "$CODE_SERVER/out/node/entry.js" --config "$CACHE/empty-config.yaml" --version >&2

echo "$STAMP" > "$MARKER"
log "done"
echo "$CODE_SERVER"
