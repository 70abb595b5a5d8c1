#!/usr/bin/env bash
# Makes sure Node.js 20.19 or newer and npm are on PATH (Vite needs them).
# Debian and Ubuntu ship an older Node.js; then Node 22 is installed from the
# npm registry's node-linux-<arch> package into .tools/node, which the
# Makefile puts first on PATH. Set THEMIS_LOCAL_NODE=1 to force that path.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tools="$here/../.tools/node"

new_enough() {
  command -v node >/dev/null || return 1
  local v major minor
  v=$(node -p 'process.versions.node')
  IFS=. read -r major minor _ <<<"$v"
  [ "$major" -gt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -ge 19 ]; }
}

if ! command -v npm >/dev/null; then
  "$here/need-apt.sh" nodejs npm
fi
if [ "${THEMIS_LOCAL_NODE:-}" != 1 ] && new_enough; then
  exit 0
fi
[ -x "$tools/bin/node" ] && PATH="$tools/bin:$PATH" new_enough && exit 0

case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "No Node.js 20.19+ here and no packaged Node for $(uname -m); install a current Node.js and run make again." >&2; exit 1 ;;
esac
echo "The frontend build needs Node.js 20.19+ (found: $(node -v 2>/dev/null || echo none)); installing Node 22 from the npm registry into .tools/node"
mkdir -p "$tools/bin"
npm install --no-audit --no-fund --no-save --prefix "$tools" "node-linux-$arch@22" >/dev/null
ln -sf "../node_modules/node-linux-$arch/bin/node" "$tools/bin/node"
PATH="$tools/bin:$PATH"
new_enough || { echo "installing Node 22 into $tools failed" >&2; exit 1; }
echo "using $(node -v) from .tools/node"
