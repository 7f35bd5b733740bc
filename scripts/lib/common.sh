# Shared helpers for the project's bash scripts (sourced, not run).

# Prints the Electron binary's path and succeeds when it is installed; mirrors node_modules/electron/index.js
# without running it (requiring electron from Node would try to download the binary).
electron_binary() {
  local pkg=node_modules/electron
  [[ -f "$pkg/path.txt" ]] || return 1
  local bin="$pkg/dist/$(cat "$pkg/path.txt")"
  [[ -e "$bin" ]] || return 1
  printf '%s\n' "$bin"
}

# Runs a command with a time limit where `timeout` exists (GNU coreutils), plainly otherwise.
with_timeout() {
  local seconds=$1
  shift
  if command -v timeout >/dev/null 2>&1; then timeout "$seconds" "$@"; else "$@"; fi
}

# Puts the project's Node (node_modules/.bin/node, the Node 24 that Electron embeds) first on PATH.
use_project_node() {
  export PATH="$PWD/node_modules/.bin:$PATH"
}

# The oldest Node the build and test tools accept (their "engines"); the project itself runs on Node 24.
TOOLS_NODE_MIN=22.12.0

system_node_version() { node -p 'process.versions.node' 2>/dev/null || echo none; }

# Succeeds when the `node` on PATH is at least the given version.
node_meets() {
  node -e 'const want = process.argv[1].split(".").map(Number); const have = process.versions.node.split(".").map(Number);
    for (let i = 0; i < 3; i++) { if (have[i] !== want[i]) process.exit(have[i] > want[i] ? 0 : 1); } process.exit(0);' "$1" 2>/dev/null
}

# The exact Node version the project pins: the "node" devDependency as locked in package-lock.json.
pinned_node_version() {
  node -p 'require("./package-lock.json").packages["node_modules/node"].version'
}

# Prints the bin folder of Node <version> for this platform, installing it into the user's cache first
# (the registry's node-<os>-<arch> package: the official binary, no install script). Fails with a message
# on a platform without such a package.
bootstrap_node() {
  local version=$1 os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "[setup] no Node package for $(uname -s); install Node >= $TOOLS_NODE_MIN" >&2; return 1 ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) echo "[setup] no Node package for $(uname -m); install Node >= $TOOLS_NODE_MIN" >&2; return 1 ;; esac
  local pkg="node-$os-$arch" dir="${XDG_CACHE_HOME:-$HOME/.cache}/lead-desk/node-$version-$os-$arch"
  local bin="$dir/node_modules/$pkg/bin"
  if [[ "$("$bin/node" -p 'process.versions.node' 2>/dev/null)" != "$version" ]]; then
    echo "[setup] fetching Node $version ($pkg) for npm…" >&2
    rm -rf "$dir" && mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "$pkg@$version" >&2 || return 1
    [[ "$("$bin/node" -p 'process.versions.node' 2>/dev/null)" == "$version" ]] || { echo "[setup] Node $version did not install into $dir" >&2; return 1; }
  fi
  printf '%s\n' "$bin"
}
