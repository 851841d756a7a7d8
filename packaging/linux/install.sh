#!/bin/sh
# Install (or remove) Annotator for one user, with its menu entry and icons.
#
#   packaging/linux/install.sh                  # the bundle in dist/annotator -> ~/.local
#   packaging/linux/install.sh --bundle DIR     # another bundle folder
#   packaging/linux/install.sh --desktop-only   # menu entry and icons only, for an `annotator`
#                                               # already on PATH (pip install, make run)
#   packaging/linux/install.sh --uninstall      # remove what this script installed
#   packaging/linux/install.sh --prefix /opt/annotator-root ...   # another prefix (default ~/.local)
#
# Installs:
#   PREFIX/lib/annotator/                       the bundle (dist/annotator)
#   PREFIX/bin/annotator                        a symlink to the bundle's launcher
#   PREFIX/share/applications/org.annotator.Annotator.desktop
#   PREFIX/share/metainfo/org.annotator.Annotator.metainfo.xml
#   PREFIX/share/icons/hicolor/{16..256}x{16..256}/apps/org.annotator.Annotator.png
#   PREFIX/share/icons/hicolor/scalable/apps/org.annotator.Annotator.svg
# The installed menu entry runs PREFIX/bin/annotator by its full path, so it works even when
# PREFIX/bin is not on the PATH of the desktop session.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
APP_ID=org.annotator.Annotator
PREFIX=$HOME/.local
BUNDLE=$ROOT/dist/annotator
MODE=install

while [ $# -gt 0 ]; do
    case $1 in
        --prefix) PREFIX=$2; shift 2 ;;
        --bundle) BUNDLE=$2; shift 2 ;;
        --desktop-only) MODE=desktop; shift ;;
        --uninstall) MODE=uninstall; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

APPS=$PREFIX/share/applications
META=$PREFIX/share/metainfo
ICONS=$PREFIX/share/icons/hicolor
LIBDIR=$PREFIX/lib/annotator
BINLINK=$PREFIX/bin/annotator
SIZES="16 32 48 64 128 256"

refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$APPS" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ICONS/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$ICONS" 2>/dev/null || true
    fi
    # Without gtk-update-icon-cache, desktops still find the icons (they scan the folders).
    if [ -d "$ICONS" ]; then touch "$ICONS" 2>/dev/null || true; fi
}

if [ "$MODE" = uninstall ]; then
    rm -f "$APPS/$APP_ID.desktop" "$META/$APP_ID.metainfo.xml" \
          "$ICONS/scalable/apps/$APP_ID.svg"
    for n in $SIZES; do rm -f "$ICONS/${n}x${n}/apps/$APP_ID.png"; done
    if [ -L "$BINLINK" ]; then rm -f "$BINLINK"; fi
    if [ -x "$LIBDIR/annotator" ]; then rm -rf "$LIBDIR"; fi
    refresh_caches
    echo "removed Annotator from $PREFIX (your library and settings are kept)"
    exit 0
fi

EXEC=annotator
TRYEXEC=annotator
if [ "$MODE" = install ]; then
    [ -x "$BUNDLE/annotator" ] || {
        echo "install.sh: no bundle in $BUNDLE; build it with 'make package', or use" \
             "--desktop-only when annotator is installed with pip" >&2
        exit 1
    }
    BUNDLE=$(cd "$BUNDLE" && pwd)
    mkdir -p "$PREFIX/lib" "$PREFIX/bin"
    if [ "$BUNDLE" != "$LIBDIR" ]; then
        rm -rf "$LIBDIR.new"
        cp -a "$BUNDLE" "$LIBDIR.new"
        rm -rf "$LIBDIR"
        mv "$LIBDIR.new" "$LIBDIR"
    fi
    ln -sfn "$LIBDIR/annotator" "$BINLINK"
    EXEC=$BINLINK
    TRYEXEC=$BINLINK
    case $EXEC in *" "*) EXEC="\"$EXEC\"" ;; esac  # the Exec key quotes paths with spaces
elif ! command -v annotator >/dev/null 2>&1; then
    echo "install.sh: warning: 'annotator' is not on PATH; the menu entry will not start" >&2
fi

mkdir -p "$APPS" "$META" "$ICONS/scalable/apps"
sed -e "s|^Exec=annotator |Exec=$EXEC |" -e "s|^TryExec=annotator\$|TryExec=$TRYEXEC|" \
    "$HERE/$APP_ID.desktop" > "$APPS/$APP_ID.desktop"
cp "$HERE/$APP_ID.metainfo.xml" "$META/$APP_ID.metainfo.xml"
cp "$ROOT/resources/icons/annotator.svg" "$ICONS/scalable/apps/$APP_ID.svg"
for n in $SIZES; do
    mkdir -p "$ICONS/${n}x${n}/apps"
    cp "$ROOT/resources/icons/hicolor/${n}x${n}/apps/$APP_ID.png" "$ICONS/${n}x${n}/apps/"
done
refresh_caches

echo "installed Annotator in $PREFIX"
[ "$MODE" = install ] && echo "  program:    $LIBDIR (run: $BINLINK)"
echo "  menu entry: $APPS/$APP_ID.desktop"
echo "  icons:      $ICONS/*/apps/$APP_ID.*"
