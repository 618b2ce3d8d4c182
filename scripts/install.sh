#!/usr/bin/env bash
# Install what Netværksspejlet needs into ./.venv.
#   scripts/install.sh          runtime only (SQLite, no system packages needed)
#   scripts/install.sh --dev    also the test tools, PostgreSQL and Chromium (Debian packages)
#                               and axe-core for the accessibility checks (npm registry)
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
DEV=0
[ "${1:-}" = "--dev" ] && DEV=1

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  # Install Debian packages only when something is missing, so repeat runs stay fast.
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Every Debian package the tests use, and nothing the tests may take from what a machine happens
# to have: PostgreSQL (the second database), Chromium (the browser tests), DejaVu (the only system
# font; the pages and charts draw with the Source Sans that Streamlit itself serves), nginx (in front
# of two app processes in the multi-server test, deploy/), Node.js and
# npm (axe-core for the accessibility checks).
DEV_PACKAGES=(postgresql chromium fonts-dejavu-core nginx)
if [ "$DEV" -eq 1 ]; then
  apt_install "${DEV_PACKAGES[@]}"
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  # axe-core, pinned in tests/e2e/package-lock.json; reinstalled only when the lock changes.
  if ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.installed-lock.json; then
    npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
    cp tests/e2e/package-lock.json tests/e2e/node_modules/.installed-lock.json
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
if [ "$DEV" -eq 1 ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
else
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
fi
