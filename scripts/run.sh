#!/usr/bin/env bash
# Sets up OnAir on Debian 12 (system packages + .venv) and starts the desktop app.
# Arguments are passed to main.py (e.g. `scripts/run.sh status`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
onair_bootstrap run
cd "$ONAIR_ROOT"
exec .venv/bin/python main.py "$@"
