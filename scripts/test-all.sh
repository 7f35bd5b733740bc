#!/usr/bin/env bash
# `npm test`: setup, then every check in order — typecheck, layer check, unit tests, keychain tests,
# build, end-to-end tests. Stops at the first failing step (non-zero exit) and prints one line per step.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh || { echo "✗ setup failed"; exit 1; }
# npm run puts node_modules/.bin first: the steps run on the project's Node 24 (node:sqlite), not the system Node.
export PATH="$PWD/node_modules/.bin:$PATH"

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

step typecheck tsc --noEmit -p tsconfig.json
step layers node scripts/check-layers.mjs
step unit vitest run
step keychain bash scripts/with-keyring.sh vitest run --config vitest.keychain.config.mts
step build electron-vite build
# Headless Chromium needs no display; a headed run (PWHEADED=1) gets a virtual one.
if [[ "${PWHEADED:-}" == "1" ]]; then
  step e2e xvfb-run -a playwright test --headed
else
  step e2e playwright test
fi
print_summary
