#!/usr/bin/env bash
# Prepares the browser tests (BrowserIT), run by Maven before the system tests:
#   1. Debian's chromium, installed with apt-get when it is missing and this runs as root;
#   2. playwright-core from the npm registry (package-lock.json), into the work directory;
#   3. the test scripts next to it, so that node finds the library.
# It never fails the build. What it cannot provide it reports loudly here, and BrowserIT then
# skips with the same reason, so a machine without apt or npm still runs every other test.
set -uo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
work="${1:?usage: setup.sh <work-dir>}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$here"/*.mjs "$work/"

warn() {
  echo "[browser-tests] WARNING: $*; the browser tests will be skipped" >&2
}

if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[browser-tests] installing Debian's chromium (not found at $chromium)"
    export DEBIAN_FRONTEND=noninteractive
    if ! { timeout 300 apt-get update -qq && timeout 900 apt-get install -y -qq --no-install-recommends chromium; }; then
      warn "apt-get could not install chromium"
    fi
  else
    warn "no chromium at $chromium, and apt-get as root is not available to install it"
  fi
fi

if ! command -v npm >/dev/null 2>&1; then
  warn "npm is not installed"
elif [ ! -f "$work/node_modules/playwright-core/package.json" ] \
    || ! cmp -s "$here/package-lock.json" "$work/node_modules/.package-lock.json.installed"; then
  echo "[browser-tests] installing playwright-core from the npm registry"
  if (cd "$work" && timeout 300 npm ci --no-audit --no-fund --loglevel=error); then
    cp "$here/package-lock.json" "$work/node_modules/.package-lock.json.installed"
  else
    warn "npm ci failed"
  fi
fi
exit 0
