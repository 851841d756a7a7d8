#!/bin/sh
# Build a Debian package (.deb) of the bundle `make package` leaves in dist/annotator.
#
#   packaging/build_deb.sh [BUNDLE_DIR] [OUT_DIR]      # default: dist/annotator -> dist/
#
# The package installs:
#   /usr/lib/annotator/                                the bundle (Python, Qt, spaCy, the app)
#   /usr/bin/annotator                                 a symlink to its launcher
#   /usr/share/man/man1/annotator.1.gz                 a manual page
#   /usr/share/applications/org.annotator.Annotator.desktop
#   /usr/share/metainfo/org.annotator.Annotator.metainfo.xml   (homepage, screenshots)
#   /usr/share/icons/hicolor/{16..256}x{16..256}/apps/org.annotator.Annotator.png, scalable svg
#   /usr/share/doc/annotator/copyright, changelog.gz
# and depends on the system libraries the bundle does not carry (Qt's xcb platform
# libraries, GL, fontconfig, fonts). Needs dpkg-deb (dpkg), gzip; lintian to check it.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BUNDLE=$(cd "${1:-$ROOT/dist/annotator}" && pwd)
OUT=${2:-$ROOT/dist}
APP_ID=org.annotator.Annotator
[ -x "$BUNDLE/annotator" ] || { echo "build_deb.sh: no bundle at $BUNDLE (run make package)" >&2; exit 1; }

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/annotator/__init__.py")
[ -n "$VERSION" ] || { echo "build_deb.sh: cannot read the version" >&2; exit 1; }
ARCH=$(dpkg --print-architecture)
HOMEPAGE=$(sed -n 's/^Homepage = "\(.*\)"/\1/p' "$ROOT/pyproject.toml")
STAGE=$(mktemp -d /tmp/annotator-deb.XXXXXX)
trap 'rm -rf "$STAGE"' EXIT INT TERM
PKG=$STAGE/annotator_${VERSION}_$ARCH

mkdir -p "$PKG/DEBIAN" "$PKG/usr/lib" "$PKG/usr/bin" "$PKG/usr/share/applications" \
         "$PKG/usr/share/man/man1" \
         "$PKG/usr/share/metainfo" "$PKG/usr/share/icons/hicolor/scalable/apps" \
         "$PKG/usr/share/doc/annotator"
cp -a "$BUNDLE" "$PKG/usr/lib/annotator"
ln -s ../lib/annotator/annotator "$PKG/usr/bin/annotator"
cat > "$STAGE/annotator.1" <<MAN
.TH ANNOTATOR 1 "" "annotator $VERSION" "User Commands"
.SH NAME
annotator \- find, check and report the claims in news articles
.SH SYNOPSIS
.B annotator
[\fIFILE\fR|\fIURL\fR...] [\fB\-\-db\fR \fIPATH\fR]
.br
.B annotator
\fICOMMAND\fR ...
.br
.B annotator \-\-self\-test
.SH DESCRIPTION
With no command, opens the window on the given articles (text, Markdown, HTML, Word), or on
the last article. Commands work without the window: detect, import (files or web pages),
claims, mark, export (CSV, Excel, HTML or PDF report, ClaimReview, W3C Web Annotations),
search, import\-annotations. Run \fBannotator COMMAND \-\-help\fR for each.
.PP
\fB\-\-self\-test\fR checks the installation and prints one line per check.
.SH ENVIRONMENT
.TP
.B ANNOTATOR_DB
the library file (default: in the user data folder)
.SH SEE ALSO
$HOMEPAGE
MAN
gzip -9n -c "$STAGE/annotator.1" > "$PKG/usr/share/man/man1/annotator.1.gz"
cp "$HERE/linux/$APP_ID.desktop" "$PKG/usr/share/applications/"
cp "$HERE/linux/$APP_ID.metainfo.xml" "$PKG/usr/share/metainfo/"
cp "$ROOT/resources/icons/annotator.svg" "$PKG/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for n in 16 32 48 64 128 256; do
    mkdir -p "$PKG/usr/share/icons/hicolor/${n}x${n}/apps"
    cp "$ROOT/resources/icons/hicolor/${n}x${n}/apps/$APP_ID.png" \
       "$PKG/usr/share/icons/hicolor/${n}x${n}/apps/"
done
cat > "$PKG/usr/share/doc/annotator/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: annotator
Source: $HOMEPAGE

Files: *
Copyright: 2026 The annotator team
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this
 software and associated documentation files (the "Software"), to deal in the Software
 without restriction, including without limitation the rights to use, copy, modify, merge,
 publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
 to whom the Software is furnished to do so, subject to the following conditions:
 .
 The above copyright notice and this permission notice shall be included in all copies or
 substantial portions of the Software.
 .
 THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
 .
 The bundle under /usr/lib/annotator also carries third-party libraries (Python, Qt, spaCy and
 others) under their own licences.
COPYRIGHT
printf 'annotator (%s) unstable; urgency=medium\n\n  * Release %s (see CHANGELOG.md).\n\n -- The annotator team <annotator@example.org>  %s\n' \
    "$VERSION" "$VERSION" "$(date -R -u -d @"${SOURCE_DATE_EPOCH:-$(date +%s)}")" \
    | gzip -9n > "$PKG/usr/share/doc/annotator/changelog.gz"
SIZE=$(du -sk "$PKG" | cut -f1)
cat > "$PKG/DEBIAN/control" <<CONTROL
Package: annotator
Version: $VERSION
Architecture: $ARCH
Maintainer: The annotator team <annotator@example.org>
Installed-Size: $SIZE
Depends: libc6, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-randr0, libxkbcommon-x11-0, libegl1, libgl1, libfontconfig1, libdbus-1-3, fonts-dejavu-core
Section: utils
Priority: optional
Homepage: $HOMEPAGE
Description: workbench for fact-checkers: find, check and report claims
 Annotator highlights the check-worthy claims of a news article (from a file
 or a web page), with who makes each one. Mark claims verified, disputed or
 unsourced, write notes and add evidence; everything is kept in a local SQLite
 library. Exports CSV, Excel, an HTML or PDF review report, schema.org
 ClaimReview and W3C Web Annotations.
CONTROL
cat > "$PKG/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
[ -z "${DPKG_ROOT:-}" ] || exit 0  # installed into another root: leave this system's caches
if [ "$1" = configure ] || [ "$1" = remove ]; then
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && \
        gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
POSTINST
cp "$PKG/DEBIAN/postinst" "$PKG/DEBIAN/postrm"
chmod 0755 "$PKG/DEBIAN/postinst" "$PKG/DEBIAN/postrm"
find "$PKG" -type d -exec chmod 0755 {} +
# Shared libraries are loaded, never run: Debian wants them not executable.
find "$PKG/usr/lib/annotator" -type f -name '*.so*' -exec chmod 0644 {} +
find "$PKG/usr/share" -type f -exec chmod 0644 {} +
mkdir -p "$OUT"
dpkg-deb --root-owner-group -Zxz --build "$PKG" "$OUT/annotator_${VERSION}_$ARCH.deb" >/dev/null
echo "$OUT/annotator_${VERSION}_$ARCH.deb"
