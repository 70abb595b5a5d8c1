#!/usr/bin/env bash
# Makes sure Node.js 20.19 or newer and npm are present (Vite needs them).
set -euo pipefail
here=$(dirname "$0")
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  "$here/need-apt.sh" nodejs npm
fi
version=$(node -p 'process.versions.node')
IFS=. read -r major minor _ <<<"$version"
if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
  echo "Node.js $version is too old: the frontend build (Vite) needs 20.19 or newer." >&2
  echo "Install a current Node.js (for example from your distribution's backports or nodesource) and run make again." >&2
  exit 1
fi
