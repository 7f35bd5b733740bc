#!/usr/bin/env bash
# `npm start`: set up, build, then run Lead Desk — in Electron when its binary is installed, otherwise
# in browser mode (the same core behind a local host; open the printed URL in a browser).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

bash scripts/setup.sh
use_project_node
echo "[start] building…"
electron-vite build >/dev/null

if bin="$(electron_binary)"; then
  echo "[start] starting Lead Desk (Electron)…"
  args=(.)
  # Chromium refuses to run as root without this; the window's JS sandbox (sandbox: true) is unaffected.
  [[ "$(id -u)" == "0" ]] && args+=(--no-sandbox)
  exec "$bin" "${args[@]}"
fi

echo
echo "[start] The Electron binary could not be downloaded on this machine, so the desktop window cannot open."
echo "[start] Starting Lead Desk in browser mode instead: the same app core, served on 127.0.0.1 only."
open_flag=()
if [[ "$(uname -s)" != "Linux" || -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then open_flag=(--open); fi
exec node out/main/host.js ${open_flag[@]+"${open_flag[@]}"} "$@"
