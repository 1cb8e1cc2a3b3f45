#!/bin/sh
# Build the Linux one-folder app (dist/afc) and a tarball (dist/afc-linux-<arch>.tar.gz).
#   packaging/build_linux.sh [--smoke]
# --smoke starts the built app offscreen (AFC_SMOKE_TEST=1) and fails unless its main window
# opens. Needs the venv with the "package" extra (pip install -e ".[package]"). See README.md.
set -eu
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3

start=$(date +%s)
# 1. the English translation (.qm is built, not committed)
"$PY" -m afc_desktop.i18n_build || echo "build_linux.sh: English translation not built" >&2
# 2. the bundle
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/afc.spec
cp packaging/afc.desktop dist/afc/afc.desktop
end=$(date +%s)

# 3. a tarball to carry (extract to /opt: sudo tar -C /opt -xzf afc-linux-*.tar.gz)
arch=$(uname -m)
tar -C dist -czf "dist/afc-linux-$arch.tar.gz" afc
echo "built dist/afc in $((end - start)) s: $(du -sh dist/afc | cut -f1) on disk," \
  "tarball $(du -h "dist/afc-linux-$arch.tar.gz" | cut -f1)"

if [ "${1:-}" = "--smoke" ]; then
  QT_QPA_PLATFORM=offscreen AFC_SMOKE_TEST=1 dist/afc/afc
fi
