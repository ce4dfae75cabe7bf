#!/usr/bin/env bash
# Runs before `npm test` (npm's pretest): makes sure what the suite needs outside npm is here.
# - Chromium (Debian package) for the sandbox's browser test (playwright-core drives it).
# - PostgreSQL (Debian package) for the PostgreSQL tests and the suite's PostgreSQL run (README "Development"):
#   scripts/test-pg.sh starts a throw-away cluster on 127.0.0.1:54329 and writes data/test-pg-url.
# Installs with apt-get when running as root (CI and the dev machines are root); otherwise
# prints what to install, and the browser test skips itself with a clear message.
set -uo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
start_pg() { bash "$(dirname "$0")/test-pg.sh" start; }
if [ ${#need[@]} -eq 0 ]; then start_pg; exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "test-setup: installing ${need[*]} (Debian packages)…"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}") >/tmp/dondoc-apt.log 2>&1 \
    || { echo "test-setup: apt-get failed, see /tmp/dondoc-apt.log"; start_pg; exit 0; }
else
  echo "test-setup: missing ${need[*]} — install them (apt-get install ${need[*]}) to run every test."
fi
start_pg
exit 0
