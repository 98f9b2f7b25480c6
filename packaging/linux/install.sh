#!/bin/sh
# Install (or remove) the Ledgerdesk bundle this script sits in, with its desktop entry,
# AppStream metainfo, icons and the .book MIME type, so Ledgerdesk is in the applications
# menu and a double-clicked .book file opens in its window.
#
#   ./install.sh                     into ~/.local (no root needed)
#   ./install.sh --prefix /usr/local for everyone (as root)
#   ./install.sh --uninstall [--prefix DIR]
#
# Layout: PREFIX/lib/ledgerdesk/ (this folder), PREFIX/bin/ledgerdesk and ledgerdesk-gui
# (links into it), PREFIX/share/{applications,metainfo,mime/packages,icons/hicolor}.
set -eu

APP_ID=org.ledgerdesk.Ledgerdesk
prefix="${HOME}/.local"
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
bundle="$(cd "$(dirname "$0")" && pwd)"
lib="$prefix/lib/ledgerdesk" bin="$prefix/bin" share="$prefix/share"
sizes="16 32 48 128 256"

refresh() {  # the desktop's caches; each tool is optional
  if command -v update-mime-database >/dev/null; then
    update-mime-database "$share/mime" >/dev/null 2>&1 || true  # (notes a prefix off XDG_DATA_DIRS)
  fi
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database "$share/applications" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t -f "$share/icons/hicolor" || true
  fi
}

if [ "$action" = uninstall ]; then
  rm -rf "$lib"
  rm -f "$bin/ledgerdesk" "$bin/ledgerdesk-gui" "$share/applications/$APP_ID.desktop" \
        "$share/metainfo/$APP_ID.metainfo.xml" "$share/mime/packages/$APP_ID.xml" \
        "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in $sizes; do rm -f "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"; done
  refresh
  echo "Removed Ledgerdesk from $prefix"
  exit 0
fi

if [ "$bundle" != "$lib" ]; then
  rm -rf "$lib"
  mkdir -p "$(dirname "$lib")"
  cp -a "$bundle" "$lib"
fi
mkdir -p "$bin" "$share/applications" "$share/metainfo" "$share/mime/packages"
ln -sfn "$lib/ledgerdesk" "$bin/ledgerdesk"
ln -sfn "$lib/ledgerdesk-gui" "$bin/ledgerdesk-gui"
# The launcher names the program by its full path: a desktop's PATH may lack PREFIX/bin.
sed -e "s|^Exec=ledgerdesk-gui|Exec=$bin/ledgerdesk-gui|" \
    -e "s|^TryExec=ledgerdesk-gui|TryExec=$bin/ledgerdesk-gui|" \
    "$lib/share/applications/$APP_ID.desktop" > "$share/applications/$APP_ID.desktop"
cp "$lib/share/metainfo/$APP_ID.metainfo.xml" "$share/metainfo/"
cp "$lib/share/mime/packages/$APP_ID.xml" "$share/mime/packages/"
mkdir -p "$share/icons/hicolor/scalable/apps"
cp "$lib/share/icons/hicolor/scalable/apps/$APP_ID.svg" "$share/icons/hicolor/scalable/apps/"
for size in $sizes; do
  mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
  cp "$lib/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
     "$share/icons/hicolor/${size}x${size}/apps/"
done
refresh
echo "Installed Ledgerdesk in $lib; run it as $bin/ledgerdesk or from the applications menu"
