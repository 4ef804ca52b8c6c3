#!/usr/bin/env bash
# Build the Linux bundle: dist/AuditApp/ (one folder), a .desktop file, icons, and
# dist/AuditApp-VERSION-linux-x86_64.tar.gz; then run the bundle's --smoke.
#
#   bash installer/build_linux.sh            # build, package, smoke
#   bash installer/build_linux.sh --no-tar   # skip the tarball (quicker check)
#
# Needs: the app's dependencies installed (pip install -e '.[camera]'), and PyInstaller
# (installer/requirements-build.txt). Takes about 3 to 5 minutes on 2 cores (measured: 3.5-5 min
# while other work shared the machine).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
MAKE_TAR=1
[ "${1:-}" = "--no-tar" ] && MAKE_TAR=0

python3 -m pip install --quiet -r installer/requirements-build.txt
VERSION=$(python3 -c 'import auditapp; print(auditapp.__version__)')
start=$(date +%s)

python3 installer/translations.py compile
python3 -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" installer/auditapp.spec

BUNDLE=$ROOT/dist/AuditApp
# The German interface needs our catalogue and Qt's own (standard buttons, file dialogs).
for catalogue in auditapp/resources/translations/auditapp_de.qm auditapp/resources/translations/auditapp_en.qm \
                 PySide6/Qt/translations/qtbase_de.qm; do
  [ -s "$BUNDLE/_internal/$catalogue" ] || { echo "error: $catalogue missing from the bundle" >&2; exit 1; }
done
# Desktop integration files travel inside the bundle; install-linux.sh puts them in place.
mkdir -p "$BUNDLE/share"
cp installer/linux/auditapp.desktop installer/linux/auditapp-mime.xml installer/linux/install-linux.sh \
   "$BUNDLE/share/"
cp resources/icons/auditapp.svg resources/icons/auditapp-256.png "$BUNDLE/share/"
chmod +x "$BUNDLE/share/install-linux.sh"

# The smoke run: a fresh database in a scratch folder, no display needed.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
AUDITAPP_HOME="$scratch/home" QT_QPA_PLATFORM=offscreen \
  "$BUNDLE/auditapp" --smoke --db "$scratch/smoke.sqlite"
# And on a database with an audit in it (the demo), in German.
AUDITAPP_HOME="$scratch/home" "$BUNDLE/auditapp" demo --db "$scratch/demo.sqlite" >/dev/null
AUDITAPP_HOME="$scratch/home" QT_QPA_PLATFORM=offscreen \
  "$BUNDLE/auditapp" --smoke --lang de --db "$scratch/demo.sqlite"

if [ "$MAKE_TAR" = 1 ]; then
  tarball=$ROOT/dist/AuditApp-$VERSION-linux-$(uname -m).tar.gz
  tar -C "$ROOT/dist" -czf "$tarball" AuditApp
  echo "tarball: $tarball ($(du -h "$tarball" | cut -f1))"
fi
echo "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1)), built in $(( $(date +%s) - start )) s"
