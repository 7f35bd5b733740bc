#!/usr/bin/env bash
# `npm test`: setup, then every check in order — typecheck, layer check, unit tests, keychain tests,
# build (with the first-screen size budget), end-to-end tests. Stops at the first failing step (non-zero exit) and
# prints one line per step. The unit step builds too (scripts/build/bundles.test.ts runs the built bundles).
set -uo pipefail
cd "$(dirname "$0")/.."

source scripts/lib/common.sh

summary=()
print_summary() {
  echo
  echo "── Lead Desk test summary ──"
  for line in "${summary[@]}"; do echo "$line"; done
}

step() {
  local name=$1
  shift
  echo
  echo "▶ $name: $*"
  local start=$SECONDS
  "$@"
  local status=$?
  local took=$((SECONDS - start))
  if ((status != 0)); then
    summary+=("✗ $name failed (exit $status, ${took}s)")
    print_summary
    exit "$status"
  fi
  summary+=("✓ $name (${took}s)")
}

step setup bash scripts/setup.sh
# node_modules/.bin first: every step runs on the project's Node 24 (node:sqlite), not the system Node.
use_project_node
step typecheck npm run -s typecheck
step layers npm run -s check:layers
step unit vitest run
step keychain bash scripts/with-keyring.sh vitest run --config vitest.keychain.config.mts
step build npm run -s build
# Headless Chromium needs no display. A headed run (PWHEADED=1) and the Electron smoke test (where the
# Electron binary is installed: its window is always real) get a virtual display when there is none.
e2e=(playwright test)
[[ "${PWHEADED:-}" == "1" ]] && e2e+=(--headed)
if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]] && command -v xvfb-run >/dev/null 2>&1 &&
  { [[ "${PWHEADED:-}" == "1" ]] || electron_binary >/dev/null; }; then
  e2e=(xvfb-run -a "${e2e[@]}")
fi
step e2e "${e2e[@]}"
print_summary
