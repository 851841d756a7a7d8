#!/bin/sh
# Check a built bundle (make package) the way a user would meet it.
#
#   packaging/check_bundle.sh [BUNDLE_DIR] [SCREENSHOT_PNG]
#
# 1. every shared library in the bundle resolves (ldd, with the bundle's library path);
# 2. `annotator --self-test` passes in an empty environment (env -i, offscreen Qt, fresh HOME,
#    run from an empty folder) -- no venv, no PYTHONPATH, no source tree;
# 3. the same under Xvfb with the real X11 (xcb) platform;
# 4. the window opens from the desktop entry's Exec command (with --screenshot, a hidden option
#    that saves a PNG once the sample article is highlighted, then quits).
# Needs Xvfb (Debian: xvfb) for 3 and 4; they are skipped without it.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
BUNDLE=$(cd "${1:-$ROOT/dist/annotator}" && pwd)
SHOT=${2:-$ROOT/resources/screenshots/bundle.png}
DESKTOP=$HERE/linux/org.annotator.Annotator.desktop
DISPLAY_NUM=${ANNOTATOR_XVFB_DISPLAY:-:95}
WORK=$(mktemp -d /tmp/annotator-check.XXXXXX)
XVFB_PID=
cleanup() {
    if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

[ -x "$BUNDLE/annotator" ] || { echo "no bundle at $BUNDLE (run make package)"; exit 1; }
echo "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"

echo "== shared libraries"
# Libraries a bundle must take from the system, like libc and the GPU drivers: PyInstaller leaves
# out libGL/libEGL/libxcb for that reason. The Wayland client libraries belong with them: every
# Wayland desktop has them, and only the wayland platform plugin needs them.
SYSTEM_ONLY='libwayland-(client|cursor|egl|server)\.so'
unresolved=$(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' \) -print | while read -r lib; do
    LD_LIBRARY_PATH="$BUNDLE/_internal" ldd "$lib" 2>/dev/null | grep 'not found' \
        | sed "s|^[[:space:]]*|${lib#"$BUNDLE"/}: |" || true
done | sort -u)
missing=$(printf '%s\n' "$unresolved" | grep -Ev "$SYSTEM_ONLY" | grep . || true)
from_system=$(printf '%s\n' "$unresolved" | grep -Eo "$SYSTEM_ONLY[^ ]*" | sort -u | tr '\n' ' ')
if [ -n "$missing" ]; then echo "$missing"; echo "FAIL unresolved libraries"; exit 1; fi
echo "ok   every library resolves${from_system:+ (from the system when present: $from_system)}"

minimal_env() {  # a bare environment: no venv, no XDG folders, no locale, a fresh HOME
    home=$WORK/home-$1; mkdir -p "$home"; shift
    env -i PATH="/usr/bin:/bin" HOME="$home" "$@"
}

echo "== self-test, minimal environment, offscreen"
mkdir -p "$WORK/empty" && cd "$WORK/empty"
minimal_env offscreen QT_QPA_PLATFORM=offscreen "$BUNDLE/annotator" --self-test

if ! command -v Xvfb >/dev/null 2>&1; then
    echo "skip Xvfb checks: Xvfb is not installed (apt-get install xvfb)"
    exit 0
fi
Xvfb "$DISPLAY_NUM" -screen 0 1440x900x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB_PID=$!
sleep 1.5
kill -0 "$XVFB_PID" 2>/dev/null || { cat "$WORK/xvfb.log"; echo "FAIL Xvfb did not start"; exit 1; }

echo "== self-test, minimal environment, Xvfb $DISPLAY_NUM (xcb)"
minimal_env xcb DISPLAY="$DISPLAY_NUM" QT_QPA_PLATFORM=xcb "$BUNDLE/annotator" --self-test

echo "== window from the desktop entry's Exec command"
exec_line=$(sed -n 's/^Exec=//p' "$DESKTOP" | head -n 1)
# Drop the field codes (%F: the files a user opened, none here), as a launcher would.
command=$(printf '%s\n' "$exec_line" | sed 's/ *%[fFuUdDnNickvm]//g')
echo "Exec=$exec_line -> $command --db ... --screenshot $SHOT"
mkdir -p "$(dirname "$SHOT")"
rm -f "$WORK/shot.png"
# The launcher runs `annotator` from PATH, as after packaging/linux/install.sh.
# shellcheck disable=SC2086
minimal_env gui PATH="$BUNDLE:/usr/bin:/bin" DISPLAY="$DISPLAY_NUM" QT_QPA_PLATFORM=xcb \
    timeout 120 $command --db "$WORK/x.sqlite" --screenshot "$WORK/shot.png"
[ -s "$WORK/shot.png" ] || { echo "FAIL no screenshot written"; exit 1; }
cp "$WORK/shot.png" "$SHOT"
echo "ok   window opened and highlighted; screenshot saved to $SHOT"
