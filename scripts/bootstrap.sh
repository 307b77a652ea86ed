#!/usr/bin/env bash
# Installs what OnAir needs on Debian 12: system packages (with apt) and the Python venv (.venv).
# Usage: source scripts/bootstrap.sh; onair_bootstrap run|test
set -euo pipefail

ONAIR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Qt 6 (PySide6 wheels) on X11 needs these xcb/GL libraries; libvlc plays video; fonts-noto-cjk renders
# Traditional Chinese, fonts-noto-color-emoji the emoji in chat. OBS Studio itself is what OnAir drives.
ONAIR_RUNTIME_PACKAGES=(
  python3 python3-venv python3-pip
  libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0
  libxcb-xinerama0 libxcb-randr0 libxcb-xfixes0
  libvlc5 vlc-plugin-base vlc-plugin-video-output
  fonts-noto-cjk fonts-noto-color-emoji
  obs-studio obs-plugins libgl1-mesa-dri
)
# The tests also run OBS headless under Xvfb, stream to an ffmpeg RTMP ingest and take screenshots.
ONAIR_TEST_PACKAGES=(xvfb xauth x11-utils ffmpeg imagemagick)

_onair_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

onair_install_system_packages() {
  local wanted=("${ONAIR_RUNTIME_PACKAGES[@]}")
  if [ "${1:-run}" = test ]; then wanted+=("${ONAIR_TEST_PACKAGES[@]}"); fi
  local missing=()
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "onair: installing Debian packages: ${missing[*]}"
    _onair_sudo apt-get update -qq
    _onair_sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

onair_make_venv() {
  local extras="${1:-}"
  cd "$ONAIR_ROOT"
  if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
  fi
  .venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -m pip install -q -e ".${extras}" 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import PySide6, obswebsocket, vlc" # fails loudly if the install did not work
}

onair_bootstrap() {
  local mode="${1:-run}"
  onair_install_system_packages "$mode"
  if [ "$mode" = test ]; then onair_make_venv "[test]"; else onair_make_venv ""; fi
}
