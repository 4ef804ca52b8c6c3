#!/usr/bin/env bash
# Build AuditApp for macOS: dist/AuditApp.app (PyInstaller BUNDLE) and a .dmg disk image.
# UNTRIED here (no Mac); the GitHub Actions workflow runs it on macos-latest.
#
#   bash installer/build_macos.sh
#
# The app is not signed or notarised: Gatekeeper asks the user to confirm the first start
# (right-click > Open). Signing needs an Apple Developer ID: set CODESIGN_IDENTITY to sign.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --upgrade pip
python3 -m pip install '.[camera]' -r installer/requirements-build.txt
VERSION=$(python3 -c 'import auditapp; print(auditapp.__version__)')

python3 installer/translations.py compile
python3 -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  installer/auditapp.spec

APP=dist/AuditApp.app
scratch=$(mktemp -d)
AUDITAPP_HOME="$scratch" QT_QPA_PLATFORM=offscreen \
  "$APP/Contents/MacOS/auditapp" --smoke --db "$scratch/smoke.sqlite"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --deep --force --options runtime --sign "$CODESIGN_IDENTITY" "$APP"
fi
hdiutil create -volname "AuditApp $VERSION" -srcfolder "$APP" -ov -format UDZO \
  "dist/AuditApp-$VERSION-macos.dmg"
echo "disk image: dist/AuditApp-$VERSION-macos.dmg"
