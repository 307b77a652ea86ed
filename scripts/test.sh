#!/usr/bin/env bash
# Sets up OnAir's test environment on Debian 12 and runs the whole suite: lint, types, tests.
# Real OBS Studio, Xvfb, ffmpeg and libvlc are installed and used; with CI=true a missing one fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bootstrap.sh"
onair_bootstrap test
cd "$ONAIR_ROOT"

for tool in obs Xvfb ffmpeg; do
  command -v "$tool" >/dev/null || { echo "onair: required test tool '$tool' is missing" >&2; exit 1; }
done
.venv/bin/python -c "import vlc; assert vlc.libvlc_get_version(), 'libvlc missing'"

echo "== ruff";  .venv/bin/ruff check .
echo "== mypy";  .venv/bin/mypy
echo "== translations"; .venv/bin/python scripts/update_translations.py --check
echo "== pytest"
exec .venv/bin/python -m pytest "$@"
