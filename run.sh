#!/usr/bin/env bash
# Runs the product: builds the staff SPA (web/ -> web/dist) and starts the API, which serves it at
# http://127.0.0.1:5080 next to /api and /swagger. Extra arguments go to the API (e.g. --urls http://0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false NPM_CONFIG_UPDATE_NOTIFIER=false

if command -v npm >/dev/null 2>&1; then
  if [ ! -d web/node_modules ]; then
    echo "==== npm ci (web)"
    (cd web && npm ci --no-audit --no-fund)
  fi
  echo "==== npm run build (web)"
  (cd web && npm run build)
else
  echo "WARNING: no Node/npm found: starting the API without the SPA (install Node 20 for the web app)" >&2
fi

echo "==== dotnet run --project api/Crm.Api $*"
if [ "$#" -gt 0 ]; then
  exec dotnet run --project api/Crm.Api -- "$@"
fi
exec dotnet run --project api/Crm.Api
