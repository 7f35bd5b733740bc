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
