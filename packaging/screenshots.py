"""Make the README's screenshots in a real X window under Xvfb.

    python packaging/screenshots.py [OUTDIR]

For each theme (light, dark) and each screen size (1280x720, 1920x1080) it
starts Xvfb at that size, runs the app on the sample article (and a few
Wikinews articles when ../shared/samples has them) with a throw-away library
and settings, checks a few claims by key presses like a checker, and saves the
main window, and the settings and search dialogs over it (the whole screen).
Then one review report
(PDF) is exported from the app and its first two pages are rendered. PNGs are
reduced to 256 colours so each stays a few hundred KB at most.

    main-1280x720-light.png  settings-1280x720-light.png  search-1280x720-light.png
    ... (-dark, 1920x1080)   report-page-1.png  report-page-2.png
    welcome-1280x720-light.png (the first-run dialog)
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = ((1280, 720), (1920, 1080))
THEMES = ("light", "dark")


def start_xvfb(width: int, height: int) -> tuple[subprocess.Popen, str]:
    if not shutil.which("Xvfb"):
        sys.exit("Xvfb is not installed (apt-get install xvfb, or make system-deps)")
    for number in range(110, 140):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{width}x{height}x24",
                                 "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while time.time() < deadline and not Path(f"/tmp/.X11-unix/X{number}").exists():
            time.sleep(0.05)
        if proc.poll() is None:
            return proc, f":{number}"
    sys.exit("no free X display")


def optimise(path: Path) -> None:
    """256 colours, no dithering: text stays crisp, the file a fraction of the size."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT,
                                              dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    for theme in THEMES:
        for width, height in SIZES:
            home = Path(tempfile.mkdtemp(prefix="annotator-shots-"))
            (home / "settings.json").write_text(json.dumps({
                "checker": "Sam Okafor", "organisation": "Example News fact-check desk",
                "theme": theme, "welcome_shown": True}))
            xvfb, display = start_xvfb(width, height)
            env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORMTHEME",)}
            env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display, HOME=str(home),
                       XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
                       ANNOTATOR_SETTINGS=str(home / "settings.json"))
            report = theme == "light" and width == 1920
            try:
                subprocess.run([sys.executable, __file__, "--one", theme, str(width),
                                str(height), str(out), str(home), "report" if report else ""],
                               env=env, check=True, timeout=300)
            finally:
                xvfb.terminate()
                xvfb.wait(10)
            shutil.rmtree(home, ignore_errors=True)
    for png in sorted(out.glob("*.png")):
        print(f"{png.name}: {png.stat().st_size // 1024} KB")
    return 0


def shoot(theme: str, width: int, height: int, out: Path, home: Path, report: bool) -> int:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.core.settings import Settings
    from annotator.gui import create_window
    from annotator.gui.app import apply_theme, make_application
    from annotator.gui.dialogs import SearchDialog, SettingsDialog
    from annotator.gui.main_window import _system_is_dark

    app = make_application()
    apply_theme(app, _system_is_dark(Settings.load().theme))
    samples = ROOT.parent / "shared" / "samples"
    extra = sorted(samples.glob("wikinews_*.txt"))[:4] if samples.is_dir() else []
    window = create_window(db_path=home / "library.sqlite",
                           paths=[*extra, ROOT / "resources" / "samples" /
                                  "royal-reconciliation.txt"])
    window.setGeometry(0, 0, width, height)
    window.show()
    window.activateWindow()

    def pump(seconds: float) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)  # not QTest.qWait: it starves the worker thread of the GIL

    def wait(condition, timeout=120) -> None:
        deadline = time.time() + timeout
        while not condition():
            pump(0.05)
            if time.time() > deadline:
                raise SystemExit("timed out waiting for the window")

    wait(lambda: window._article_id is not None and not window.session.analysing
         and not window.session.tasks.active and window.claim_model.rowCount() > 0
         and not window.loading and "Prince Harry" in window.article_title.text()
         and window.panel.claim is not None)

    def keys(*presses) -> None:
        for k in presses:
            modifier = Qt.NoModifier
            if isinstance(k, tuple):
                k, modifier = k
            QTest.keyClick(QApplication.focusWidget() or window.claim_list, k, modifier)
            pump(0.15)

    window.claim_list.setFocus()
    keys("1", "j", "j", "3", Qt.Key_Return)
    QTest.keyClicks(window.panel.note, "Single anonymous source; the Palace declined to comment.")
    keys(Qt.Key_Escape, "j", "2", Qt.Key_Return)
    QTest.keyClicks(window.panel.note, "The Mirror's figure is not in the court filing.")
    keys(Qt.Key_Escape, "j", "j", "j", "1", "j")
    pump(0.8)
    wait(lambda: window.session.tasks.ops_pending == 0)

    def grab(name: str, widget, screen: bool = False) -> None:
        """Save a widget, or the whole screen (a dialog over the window)."""
        pump(0.5)
        path = out / f"{name}-{width}x{height}-{theme}.png"
        if screen:
            pixmap = widget.screen().grabWindow(0)
            # Xvfb has no window manager to draw the dialog's frame: outline it.
            from PySide6.QtGui import QColor, QPainter, QPen

            painter = QPainter(pixmap)
            painter.setPen(QPen(QColor("#888888"), 2))
            painter.drawRect(widget.frameGeometry().adjusted(-1, -1, 0, 0))
            painter.end()
        else:
            pixmap = widget.grab()
        pixmap.save(str(path))
        optimise(path)
        print("wrote", path)

    grab("main", window)

    if theme == "light" and width == 1280:
        from annotator.gui.dialogs import WelcomeDialog

        welcome = WelcomeDialog(window.session.settings, window)
        welcome.show()
        grab("welcome", welcome)
        welcome.close()

    settings = SettingsDialog(window.session.settings, window)
    settings.show()
    settings.adjustSize()
    grab("settings", settings, screen=True)
    settings.close()

    search = SearchDialog(window.session, window)
    search.show()
    QTest.keyClicks(search.query, "Mirror")
    wait(lambda: search.results.rowCount() > 0, 20)
    grab("search", search, screen=True)
    search.close()

    if report:
        pdf = home / "report.pdf"
        window.session.export("report", str(pdf), window._article_id)
        wait(lambda: pdf.exists() and pdf.stat().st_size > 1000
             and not window.session.tasks.active, 60)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "2", str(pdf),
                        str(out / "report-page")], check=True)
        for page in sorted(out.glob("report-page-*.png")):
            optimise(page)
            print("wrote", page)
    window.close()
    pump(0.3)
    window.session.tasks.wait(10000)
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        _, _, theme, w, h, out_dir, home_dir, what = sys.argv
        sys.exit(shoot(theme, int(w), int(h), Path(out_dir), Path(home_dir), what == "report"))
    sys.exit(main())
