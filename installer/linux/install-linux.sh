#!/usr/bin/env sh
# Per-user desktop integration of an unpacked AuditApp tarball (no root needed):
#   tar xzf AuditApp-*-linux-x86_64.tar.gz -C ~/.local/opt && ~/.local/opt/AuditApp/share/install-linux.sh
# Adds a menu entry, the icon, the .auditpkg file type and ~/.local/bin/auditapp.
# Remove with: install-linux.sh --uninstall (the data folder ~/.local/share/AuditApp stays).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLE=$(dirname "$HERE")
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$HOME/.local/bin/auditapp" "$DATA/applications/auditapp.desktop" \
        "$DATA/icons/hicolor/256x256/apps/auditapp.png" "$DATA/icons/hicolor/scalable/apps/auditapp.svg" \
        "$DATA/mime/packages/auditapp-mime.xml"
  command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
  echo "AuditApp's menu entry removed; delete $BUNDLE to remove the program."
  exit 0
fi
mkdir -p "$HOME/.local/bin" "$DATA/applications" "$DATA/icons/hicolor/256x256/apps" \
         "$DATA/icons/hicolor/scalable/apps" "$DATA/mime/packages"
ln -sf "$BUNDLE/auditapp" "$HOME/.local/bin/auditapp"
sed "s|^Exec=auditapp|Exec=$BUNDLE/auditapp|" "$HERE/auditapp.desktop" > "$DATA/applications/auditapp.desktop"
cp "$HERE/auditapp-256.png" "$DATA/icons/hicolor/256x256/apps/auditapp.png"
cp "$HERE/auditapp.svg" "$DATA/icons/hicolor/scalable/apps/auditapp.svg"
cp "$HERE/auditapp-mime.xml" "$DATA/mime/packages/"
command -v update-mime-database >/dev/null && update-mime-database "$DATA/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
echo "AuditApp installed for $(id -un): menu entry, icon, .auditpkg type, ~/.local/bin/auditapp"
