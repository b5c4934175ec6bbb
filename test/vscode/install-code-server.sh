#!/usr/bin/env bash
# Installs a real VS Code for the test harness: code-server 4.100.3 (VS Code 1.100.3
# server, from the npm registry) plus Debian's Chromium to drive it. Desktop VS Code
# cannot be downloaded on machines without internet, but the npm registry and apt work.
#
# Idempotent and CI-safe (no prompts, no stdin): a finished install leaves
# `.install-complete` in the cache folder and later runs return in well under a second.
# The cache folder (~310 MB) lives outside the repo so CI can cache it between runs.
#
#   REGNB_CODE_SERVER_CACHE   cache folder (default ~/.cache/regnb/code-server-4.100.3)
#
# Prints the cache folder on stdout; progress goes to stderr.
set -euo pipefail

VERSION=4.100.3
CACHE="${REGNB_CODE_SERVER_CACHE:-$HOME/.cache/regnb/code-server-$VERSION}"
# libkrb5-dev: the `kerberos` native module builds against it.
# ripgrep: replaces the binary code-server's postinstall would download.
# chromium: the browser that plays the VS Code window.
APT_PACKAGES=(libkrb5-dev ripgrep chromium)

log() { echo "[install-code-server] $*" >&2; }

missing_apt_packages() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

install_apt_packages() {
  local missing
  missing=$(missing_apt_packages)
  [ -z "$missing" ] && return 0
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo -n)
  log "apt-get install: $(echo "$missing" | tr '\n' ' ')"
  # Wait for a peer's apt run instead of failing on its lock.
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -q)
  "${sudo[@]}" "${apt[@]}" update </dev/null >&2
  # shellcheck disable=SC2086 # one package per word is intended
  "${sudo[@]}" "${apt[@]}" install $missing </dev/null >&2
}

install_code_server() {
  # A folder without .install-complete is an interrupted install: start over. Only a
  # folder this script created (.regnb-cache) is ever deleted, in case the variable
  # points somewhere it should not.
  if [ -d "$CACHE" ] && [ -n "$(ls -A "$CACHE")" ] && [ ! -f "$CACHE/.regnb-cache" ]; then
    log "refusing to replace $CACHE: it is not empty and was not made by this script"
    exit 1
  fi
  rm -rf "$CACHE"
  mkdir -p "$CACHE"
  touch "$CACHE/.regnb-cache"
  cd "$CACHE"
  export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
  npm init -y >/dev/null
  # Scripts are skipped: code-server's own postinstall downloads ripgrep from the internet.
  log "npm install code-server@$VERSION"
  npm install --ignore-scripts "code-server@$VERSION" >&2
  cd node_modules/code-server/lib/vscode
  log "npm install (VS Code server dependencies)"
  npm install --unsafe-perm --omit=dev --ignore-scripts >&2
  # Native modules are built locally (node-gyp finds the Node headers via npm config);
  # node-pty's build script runs npx, which must not prompt.
  log "npm rebuild (native modules)"
  npm_config_yes=true npm rebuild --unsafe-perm kerberos node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog >&2
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  # The server looks for node_modules.asar; the unpacked folder serves as well.
  ln -sfn node_modules node_modules.asar
  log "npm install (built-in extensions)"
  (cd extensions && npm install --unsafe-perm --omit=dev >&2)
  cd "$CACHE"
  npm_config_yes=true npm rebuild --unsafe-perm argon2 >&2
  # Fail here, not in the first test, if the server cannot even start.
  node_modules/.bin/code-server --version >&2
  date -u +%FT%TZ >.install-complete
}

install_apt_packages

if [ -f "$CACHE/.install-complete" ]; then
  echo "$CACHE"
  exit 0
fi

# Parallel CI jobs sharing the cache: one installs, the others wait and reuse it.
mkdir -p "$(dirname "$CACHE")"
exec 9>"$CACHE.lock"
flock 9
if [ ! -f "$CACHE/.install-complete" ]; then
  start=$SECONDS
  install_code_server
  log "installed into $CACHE in $((SECONDS - start)) s"
fi
echo "$CACHE"
