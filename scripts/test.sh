#!/usr/bin/env bash
# Install everything (Python packages, PostgreSQL, Chromium) and run every test.
# The suite starts its own PostgreSQL server and Streamlit app on loopback ports.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --dev
exec .venv/bin/python -m pytest -n auto "$@"
