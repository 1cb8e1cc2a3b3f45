#!/bin/sh
# Set up and run AFC Desktop on Debian/Ubuntu; see README.md.
#   ./dev.sh run [afc options]   install what is missing, then start the app on demo data
#   ./dev.sh test [pytest args]  install what is missing, then lint, type-check and run every test
#   ./dev.sh deps                only install what the tests need (used by .ci/run)
set -eu
cd "$(dirname "$0")"

RUN_PKGS="python3-venv libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 fonts-wqy-microhei"
TEST_PKGS="$RUN_PKGS xvfb xauth fonts-wqy-zenhei poppler-utils poppler-data postgresql faketime"

install_system() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: install by hand (README)
  missing=""
  for p in $1; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  echo "Installing system packages:$missing"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}

install_python() {
  [ -x .venv/bin/python ] || python3 -m venv .venv
  stamp=.venv/.installed-$1
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[$1]"
    touch "$stamp"
  fi
  .venv/bin/python -m afc_desktop.i18n_build >/dev/null   # .ts -> .qm (built, not committed)
}

cmd="${1:-run}"; [ $# -gt 0 ] && shift
case "$cmd" in
  run)
    install_system "$RUN_PKGS"
    install_python postgres
    exec .venv/bin/afc --demo "$@"
    ;;
  test)
    install_system "$TEST_PKGS"
    install_python test
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    .venv/bin/mypy
    exec .venv/bin/python -m pytest "$@"
    ;;
  deps)
    install_system "$TEST_PKGS"
    install_python test
    ;;
  *)
    echo "usage: ./dev.sh run [afc options] | ./dev.sh test [pytest args] | ./dev.sh deps" >&2
    exit 2
    ;;
esac
