#!/usr/bin/env bash
# Install and start Netværksspejlet on the embedded SQLite database (data/), or on DATABASE_URL.
#   PORT     the port to listen on (default 8501)
#   ADDRESS  the address to listen on (default 0.0.0.0: every network the machine is on;
#            ADDRESS=127.0.0.1 keeps it to this machine)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8501}"
ADDRESS="${ADDRESS:-0.0.0.0}"
echo "Netværksspejlet: installing its Python packages into .venv (about a minute the first time, seconds after)..."
bash scripts/install.sh
echo "Netværksspejlet: starting on ${ADDRESS}:${PORT}, database ${DATABASE_URL:-sqlite:///data/netvaerksspejlet.sqlite3}."
echo "Open http://localhost:${PORT} and choose »Opret konto«; stop with Ctrl+C."
exec .venv/bin/streamlit run serve.py --server.port "${PORT}" --server.address "${ADDRESS}" "$@"
