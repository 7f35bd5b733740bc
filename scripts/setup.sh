#!/usr/bin/env bash
# Idempotent setup: system packages (Debian/Ubuntu), npm dependencies (only when they differ from
# package-lock.json), keytar's native build, and the Electron binary when it can be downloaded.
# Safe to run again and again; prints what it did.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

did=()
note() { did+=("$1"); }
say() { printf '[setup] %s\n' "$*"; }

# --- system packages -------------------------------------------------------------------------
APT_PACKAGES=(chromium xvfb libsecret-1-dev gnome-keyring dbus-x11)
if [[ "$(uname -s)" == "Linux" ]] && command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$pkg")
  done
  if ((${#missing[@]} > 0)); then
    if [[ "$(id -u)" == "0" ]]; then SUDO=(); elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
      say "These Debian packages are missing and there is no sudo to install them: ${missing[*]}"
      say "Install them as root: apt-get install -y --no-install-recommends ${missing[*]}"
      exit 1
    fi
    say "installing ${missing[*]} (apt-get)…"
    ${SUDO[@]+"${SUDO[@]}"} apt-get update -qq
    ${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    note "installed system packages: ${missing[*]}"
  else
    note "system packages already present (${APT_PACKAGES[*]})"
  fi
else
  note "not Debian/Ubuntu: no system packages needed"
fi

# keytar builds from source when its prebuilt download fails; node-gyp then needs local headers.
if [[ -d /usr/include/node ]]; then export npm_config_nodedir=/usr; fi

# --- npm dependencies ------------------------------------------------------------------------
if ! command -v npm >/dev/null 2>&1; then
  say "npm is not installed. Install Node.js with npm (https://nodejs.org) and run this again."
  exit 1
fi

# npm checks each package's "engines" against the Node it runs on, and several of the tools (vitest,
# electron-vite, …) need Node >= 22.12. When the system Node is older, npm runs on the Node the project
# pins (the "node" devDependency's version), fetched once from the npm registry as its platform package
# into the user's cache: the packages' requirements are then really met, not silenced.
if ! node_meets "$TOOLS_NODE_MIN"; then
  pinned="$(pinned_node_version)"
  system="$(system_node_version)"
  bootstrap="$(bootstrap_node "$pinned")" || exit 1
  export PATH="$bootstrap:$PATH"
  note "npm runs on Node $pinned (system Node $system is older than $TOOLS_NODE_MIN)"
fi
hash_of() { if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi; }
stamp=node_modules/.lead-desk-setup-stamp
want="$(hash_of package-lock.json)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
  note "npm dependencies match package-lock.json (stamp)"
elif [[ -d node_modules ]] && reason="$(node scripts/lib/deps-match.cjs)"; then
  echo "$want" >"$stamp"
  note "npm dependencies match package-lock.json (checked, stamp written)"
else
  [[ -d node_modules ]] && say "node_modules differs from package-lock.json (${reason:-unknown}); reinstalling"
  say "running npm ci…"
  npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
  note "ran npm ci"
fi

# keytar: if npm ci ran before libsecret was there, the addon is missing; build it now.
if [[ "$(uname -s)" == "Linux" && ! -f node_modules/keytar/build/Release/keytar.node ]]; then
  say "building keytar's native addon…"
  npm rebuild keytar
  note "rebuilt keytar"
fi

# --- Electron binary (optional: the browser host stands in where it cannot be downloaded) -------
# A failed download is remembered for a day so every `npm test` does not wait on a blocked network again.
failed_marker=node_modules/.lead-desk-electron-download-failed
if electron_binary >/dev/null; then
  note "Electron binary present"
elif [[ "${LEAD_DESK_SKIP_ELECTRON_DOWNLOAD:-}" == "1" ]]; then
  note "Electron binary absent (download skipped: LEAD_DESK_SKIP_ELECTRON_DOWNLOAD=1)"
elif [[ -n "$(find "$failed_marker" -mmin -1440 2>/dev/null)" ]]; then
  note "Electron binary could not be downloaded on this machine (tried within the last day; delete $failed_marker to retry)"
elif with_timeout 120 node node_modules/electron/install.js >/dev/null 2>&1 && electron_binary >/dev/null; then
  rm -f "$failed_marker"
  note "downloaded the Electron binary"
else
  touch "$failed_marker"
  note "Electron binary could not be downloaded on this machine (the browser host is used instead)"
fi

for line in "${did[@]}"; do say "$line"; done
