#!/usr/bin/env bash
# Fails when a package other than app/ and the main package depends on Wails:
# domain packages, the store and the CLI must stay plain Go.
set -euo pipefail
mod=$(go list -m)
bad=()
for pkg in $(go list ./...); do
  case "$pkg" in "$mod" | "$mod/app" | "$mod"/app/*) continue ;; esac
  if go list -deps "$pkg" | grep -q '^github.com/wailsapp/'; then bad+=("$pkg"); fi
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "These packages depend on Wails; only app/ and main may: ${bad[*]}" >&2
  exit 1
fi
echo "layers: only app/ and main depend on Wails"
