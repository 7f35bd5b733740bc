#!/usr/bin/env bash
# with-keyring.sh CMD… — runs CMD against a private, unlocked Secret Service (gnome-keyring in its own
# D-Bus session), with XDG data/config/cache/runtime folders in a temp dir that is removed afterwards.
# The exit code is CMD's. Used by `npm run test:keychain`.
set -euo pipefail

if (($# == 0)); then
  echo "usage: scripts/with-keyring.sh COMMAND [ARGS…]" >&2
  exit 64
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' is not installed (Debian: apt-get install gnome-keyring dbus-x11); run npm run setup" >&2
    exit 69
  fi
done

tmp="$(mktemp -d "${TMPDIR:-/tmp}/lead-desk-keyring.XXXXXX")"
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# Inside the private bus: start the keyring daemon (a non-empty password on stdin unlocks the login
# keyring without a GUI prompt), run CMD, then stop the daemon so nothing outlives the session.
inner='
set -u
# --foreground + our own "&": we know the pid and stop the daemon ourselves (no orphan left behind).
printf "%s" "lead-desk-test-keyring" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
daemon=$!
# Wait (up to ~5 s) until the daemon owns org.freedesktop.secrets on this bus.
for _ in $(seq 1 50); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
    break
  fi
  kill -0 "$daemon" 2>/dev/null || { echo "with-keyring: gnome-keyring-daemon exited early" >&2; exit 70; }
  sleep 0.1
done
"$@"
status=$?
kill "$daemon" 2>/dev/null
wait "$daemon" 2>/dev/null
exit "$status"
'
set +e
dbus-run-session -- bash -c "$inner" with-keyring "$@"
status=$?
set -e
exit "$status"
