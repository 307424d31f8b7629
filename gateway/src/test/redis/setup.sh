#!/usr/bin/env bash
# Prepares the Redis-backed limiter tests, run by Maven before the gateway's tests: Debian's
# redis-server, installed with apt-get when it is missing and this runs as root. The tests start
# their own server on a free loopback port (RedisServerExtension); nothing is left running.
# It never fails the build. What it cannot provide it reports loudly here, and the Redis tests then
# skip with the same reason, so a machine without apt still runs every other test.
set -uo pipefail

redis="${REDIS_SERVER:-/usr/bin/redis-server}"

warn() {
  echo "[redis-tests] WARNING: $*; the Redis limiter tests will be skipped" >&2
}

if [ -x "$redis" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[redis-tests] installing Debian's redis-server (not found at $redis)"
  export DEBIAN_FRONTEND=noninteractive
  # The package's service is not wanted (the tests start their own server): keep it from starting.
  policy=/usr/sbin/policy-rc.d
  created_policy=false
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=true
  fi
  if ! { timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq --no-install-recommends redis-server; }; then
    warn "apt-get could not install redis-server"
  fi
  if [ "$created_policy" = true ]; then
    rm -f "$policy"
  fi
else
  warn "no redis-server at $redis, and apt-get as root is not available to install it"
fi
exit 0
