#!/usr/bin/env bash
# Bootstraps what `make run` / `make test` need on a fresh Debian/Ubuntu machine:
# system packages through apt (when root; otherwise prints the exact apt line and stops)
# and a virtual environment with the locked Python dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3 python3-venv python3-dev build-essential
  swig libpcsclite-dev pcscd vsmartcard-vpcd
  fonts-nanum fonts-noto-cjk util-linux
  espeak-ng espeak-ng-data
  postgresql
  libgl1 libegl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0
  libxcb-xinerama0 libxcb-image0 libxcb-xkb1 libxrender1 libxi6
  xvfb dbus-daemon at-spi2-core python3-gi gir1.2-atspi-2.0
  cage xwayland libwayland-cursor0 grim dpkg-dev lintian systemd procps
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "bootstrap: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: these system packages are missing. Install them, then run make again:"
    echo "  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

# Debian's own python3 (3.11 on Debian 12) unless PYTHON says otherwise: the Python the package targets,
# and the one a fresh machine has (a python3 earlier on PATH, e.g. pyenv's, is not what a shop runs).
if [ -z "${PYTHON:-}" ] && [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; else PY=${PYTHON:-python3}; fi
if [ ! -x .venv/bin/python ]; then
  echo "bootstrap: creating .venv with $($PY --version)"
  "$PY" -m venv .venv
fi
if [ ! -f .venv/.stamp ] || [ requirements.lock -nt .venv/.stamp ] || [ pyproject.toml -nt .venv/.stamp ]; then
  echo "bootstrap: installing locked dependencies into .venv"
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -r requirements.lock
  .venv/bin/python -m pip install -q --no-deps -e .
  touch .venv/.stamp
fi
