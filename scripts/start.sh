#!/usr/bin/env bash
# Install and start Netværksspejlet on the embedded SQLite database (data/), or on DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/streamlit run serve.py --server.port "${PORT:-8501}" --server.address "${ADDRESS:-0.0.0.0}" "$@"
